import { DataSource } from 'typeorm';
import { APPEND_ONLY_TABLES } from '../../../migrations/1764402000000-AuditTree';
import { dataSourceOptions } from './data-source';
import { splitHosts } from './hosts';

/**
 * Least privilege on MySQL/MariaDB when migrations run with their own account:
 * the migration account grants the runtime account SELECT, INSERT, UPDATE and
 * DELETE on ordinary tables but only SELECT and INSERT on the audit tables,
 * and no DDL anywhere. Run after every migration, so new tables are covered.
 */
export async function grantRuntimeAccount(migrationUrl: string, runtimeUrl: string): Promise<string | null> {
  if (!runtimeUrl.startsWith('mysql') && !runtimeUrl.startsWith('mariadb')) return null;
  const runtimeUser = decodeURIComponent(new URL(splitHosts(runtimeUrl.replace(/^mariadb:/, 'mysql:')).url).username);
  const migrationUser = decodeURIComponent(new URL(splitHosts(migrationUrl.replace(/^mariadb:/, 'mysql:')).url).username);
  if (!runtimeUser || runtimeUser === migrationUser) return null;
  const admin = new DataSource(dataSourceOptions(migrationUrl, []));
  await admin.initialize();
  try {
    const hosts: Array<{ Host: string }> = await admin.query('SELECT Host FROM mysql.user WHERE User = ?', [runtimeUser]);
    const host = hosts.length === 1 ? hosts[0]!.Host : '%';
    const account = `${quoteString(runtimeUser)}@${quoteString(host)}`;
    const [{ db }] = await admin.query('SELECT DATABASE() AS db');
    const tables: Array<{ name: string }> = await admin.query(
      "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'",
      [db],
    );
    // Database-wide grants would override the table grants below.
    await admin.query(`REVOKE ALL PRIVILEGES ON ${quoteName(db)}.* FROM ${account}`).catch(() => undefined);
    for (const { name } of tables) {
      const privileges = (APPEND_ONLY_TABLES as readonly string[]).includes(name) ? 'SELECT, INSERT' : 'SELECT, INSERT, UPDATE, DELETE';
      await admin.query(`REVOKE ALL PRIVILEGES ON ${quoteName(db)}.${quoteName(name)} FROM ${account}`).catch(() => undefined);
      await admin.query(`GRANT ${privileges} ON ${quoteName(db)}.${quoteName(name)} TO ${account}`);
    }
    return account;
  } finally {
    await admin.destroy();
  }
}

const quoteName = (name: string) => `\`${name.replace(/`/g, '``')}\``;
const quoteString = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
