import type { Database } from './data-source';

/** Galera's `wsrep_local_state` of a node that serves reads and writes. */
const SYNCED = '4';

/**
 * Why this server cannot serve now, or null when it can. `SELECT 1` alone is
 * not enough on a cluster: a Galera node that is joining, donating or cut off
 * from the primary component answers it but refuses reads and writes (1047);
 * a read-only node (a replica, a Group Replication secondary) refuses writes.
 */
export async function notReadyReason(db: Database): Promise<string | null> {
  await db.manager.query('SELECT 1');
  if (db.dialect.name !== 'mysql') return null;
  const show = async (what: 'VARIABLES' | 'STATUS', names: string[]) => {
    const rows: Array<{ Variable_name: string; Value: string }> = await db.manager.query(
      `SHOW GLOBAL ${what} WHERE Variable_name IN (${names.map(() => '?').join(',')})`,
      names,
    );
    return new Map(rows.map((r) => [r.Variable_name.toLowerCase(), r.Value]));
  };
  const variables = await show('VARIABLES', ['wsrep_on', 'read_only']);
  if (variables.get('read_only') === 'ON') return 'database is read-only';
  if (variables.get('wsrep_on') !== 'ON') return null;
  const status = await show('STATUS', ['wsrep_ready', 'wsrep_local_state', 'wsrep_cluster_status']);
  if (status.get('wsrep_ready') !== 'ON') return 'cluster node not ready';
  if (status.get('wsrep_cluster_status') !== 'Primary') return 'cluster node not in the primary component';
  if (status.get('wsrep_local_state') !== SYNCED) return 'cluster node not synced';
  return null;
}
