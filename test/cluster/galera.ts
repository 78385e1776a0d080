import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';

/**
 * A three-node MariaDB Galera cluster on loopback, from Debian's packages
 * (mariadb-server, galera-4, rsync for state transfers), under a temporary
 * directory: client ports 3311–3313, group communication 4567/4577/4587
 * (IST one above, SST two above). A node that rejoins takes its state from
 * the last node (which serves no Mamori process), so no serving node is
 * blocked as a donor.
 */

export const GALERA_PROVIDER = '/usr/lib/galera/libgalera_smm.so';

/**
 * Group-communication settings that shorten the freeze after a node dies: a
 * silent peer is suspected after 1.5 s (default 5 s) and declared gone after
 * 3 s (default 15 s). The trade-off: a network hiccup or pause longer than
 * this evicts a healthy node, which then has to rejoin by a state transfer.
 */
export const FAST_FAILURE_DETECTION =
  'evs.keepalive_period=PT0.5S;evs.suspect_timeout=PT1.5S;evs.inactive_timeout=PT3S;evs.inactive_check_period=PT0.5S;evs.install_timeout=PT3S;gmcast.peer_timeout=PT2S';

export interface GaleraNode {
  index: number;
  port: number;
  galeraPort: number;
  dir: string;
  process: ChildProcess | null;
  log: string;
  started: boolean;
}

const MYSQL_USER = 'mysql';

export class GaleraCluster {
  readonly dir = mkdtempSync(join(tmpdir(), 'mamori-galera-'));
  readonly nodes: GaleraNode[];

  constructor(
    private readonly providerOptions = FAST_FAILURE_DETECTION,
    size = 3,
  ) {
    this.nodes = Array.from({ length: size }, (_, i) => ({
      index: i,
      port: 3311 + i,
      galeraPort: 4567 + 10 * i,
      dir: join(this.dir, `node${i + 1}`),
      process: null,
      log: '',
      started: false,
    }));
  }

  get clusterAddress(): string {
    return `gcomm://${this.nodes.map((n) => `127.0.0.1:${n.galeraPort}`).join(',')}`;
  }

  url(node: number, database: string, user = 'root'): string {
    return `mysql://${user}@127.0.0.1:${this.nodes[node]!.port}/${database}`;
  }

  private configFile(node: GaleraNode, rejoining = false): string {
    const file = join(node.dir, 'my.cnf');
    writeFileSync(
      file,
      `[mariadbd]
datadir=${join(node.dir, 'data')}
socket=${join(node.dir, 'mysqld.sock')}
pid-file=${join(node.dir, 'mysqld.pid')}
port=${node.port}
bind-address=127.0.0.1
skip-name-resolve
log-error=${join(node.dir, 'error.log')}
innodb_buffer_pool_size=64M
innodb_log_file_size=16M
innodb_flush_log_at_trx_commit=2
max_connections=200
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
wsrep_on=ON
wsrep_provider=${GALERA_PROVIDER}
wsrep_cluster_name=mamori_test
wsrep_cluster_address=${this.clusterAddress}
wsrep_node_address=127.0.0.1:${node.galeraPort}
wsrep_node_name=node${node.index + 1}
wsrep_provider_options="base_port=${node.galeraPort};gmcast.listen_addr=tcp://127.0.0.1:${node.galeraPort};ist.recv_addr=127.0.0.1:${node.galeraPort + 1};gcache.size=64M;${this.providerOptions}"
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:${node.galeraPort + 2}
wsrep_slave_threads=2
${rejoining && node.index !== this.nodes.length - 1 ? `wsrep_sst_donor=node${this.nodes.length},` : ''}
`,
    );
    return file;
  }

  /** Creates the data directories and starts the nodes one after another (the first bootstraps). */
  async start(): Promise<void> {
    for (const node of this.nodes) {
      mkdirSync(join(node.dir, 'data'), { recursive: true });
      this.configFile(node);
    }
    execFileSync('chown', ['-R', `${MYSQL_USER}:${MYSQL_USER}`, this.dir]);
    execFileSync('chmod', ['755', this.dir]);
    for (const node of this.nodes) {
      execFileSync('mariadb-install-db', ['--no-defaults', `--user=${MYSQL_USER}`, `--datadir=${join(node.dir, 'data')}`, '--auth-root-authentication-method=normal', '--skip-test-db'], {
        stdio: 'ignore',
      });
    }
    await this.startNode(0, true);
    await this.rootOverTcp(0);
    for (let i = 1; i < this.nodes.length; i++) await this.startNode(i);
  }

  /**
   * Starts a node, or restarts one that was killed; resolves once it is synced
   * with the cluster. A killed node's last committed position is recovered
   * first (as the packaged service does, `--wsrep-recover`), so it rejoins by
   * an incremental transfer from the donor's cache instead of a full copy.
   */
  async startNode(index: number, bootstrap = false, timeoutMs = 90_000): Promise<number> {
    const node = this.nodes[index]!;
    const started = Date.now();
    const rejoining = !bootstrap && node.started;
    node.started = true;
    const config = this.configFile(node, rejoining);
    const position = rejoining ? this.recoveredPosition(config) : null;
    const args = [`--defaults-file=${config}`, `--user=${MYSQL_USER}`, ...(bootstrap ? ['--wsrep-new-cluster'] : []), ...(position ? [`--wsrep-start-position=${position}`] : [])];
    const child = spawn('/usr/sbin/mariadbd', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (c: Buffer) => (node.log += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (node.log += c.toString()));
    node.process = child;
    await this.waitSynced(index, timeoutMs);
    return Date.now() - started;
  }

  /** The position of the last transaction a stopped node committed (uuid:seqno), from InnoDB's recovery. */
  private recoveredPosition(config: string): string | null {
    const log = join(this.dir, 'recover.log');
    execFileSync('/usr/sbin/mariadbd', [`--defaults-file=${config}`, `--user=${MYSQL_USER}`, '--wsrep-recover', `--log-error=${log}`], { stdio: 'ignore' });
    const text = readFileSync(log, 'utf8');
    rmSync(log, { force: true });
    return /WSREP: Recovered position: (\S+:-?\d+)/.exec(text)?.[1] ?? null;
  }

  /** Root logs in over TCP without a password (replicated to every node that joins). */
  private async rootOverTcp(index: number): Promise<void> {
    execFileSync('mariadb', [`--socket=${join(this.nodes[index]!.dir, 'mysqld.sock')}`, '-uroot', '-e', "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1'; GRANT ALL ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION"]);
  }

  async status(index: number): Promise<Record<string, string>> {
    const c = await mysql.createConnection({ host: '127.0.0.1', port: this.nodes[index]!.port, user: 'root', connectTimeout: 1000 });
    try {
      const [rows] = (await c.query("SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_ready','wsrep_local_state_comment','wsrep_cluster_size','wsrep_cluster_status','wsrep_local_cert_failures','wsrep_local_bf_aborts')")) as unknown as [Array<{ Variable_name: string; Value: string }>];
      return Object.fromEntries(rows.map((r) => [r.Variable_name, r.Value]));
    } finally {
      await c.end();
    }
  }

  async waitSynced(index: number, timeoutMs = 90_000): Promise<void> {
    const started = Date.now();
    const node = this.nodes[index]!;
    for (;;) {
      if (node.process?.exitCode !== null && node.process?.exitCode !== undefined) throw new Error(`node ${index + 1} exited:\n${this.errorLog(index)}`);
      const s = await this.status(index).catch(() => null);
      if (s?.wsrep_ready === 'ON' && s.wsrep_local_state_comment === 'Synced') return;
      if (Date.now() - started > timeoutMs) throw new Error(`node ${index + 1} not synced in ${timeoutMs} ms (${JSON.stringify(s)}):\n${this.errorLog(index)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  errorLog(index: number): string {
    try {
      return execFileSync('tail', ['-n', '30', join(this.nodes[index]!.dir, 'error.log')]).toString();
    } catch {
      return this.nodes[index]!.log.slice(-3000);
    }
  }

  /** kill -9: the node dies without a word to its peers. */
  async kill(index: number): Promise<void> {
    const child = this.nodes[index]!.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    this.nodes[index]!.process = null;
  }

  async stop(): Promise<void> {
    for (const [i, node] of this.nodes.entries()) {
      const child = node.process;
      if (!child || child.exitCode !== null) continue;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
      node.process = null;
      void i;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
