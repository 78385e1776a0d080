import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, type DataSourceOptions, type EntityManager, type MixedList } from 'typeorm';
import { dialectOf, type Dialect } from './dialect';
import { failoverDriver, splitHosts } from './hosts';
import { DEFAULT_LEASE_TIMING, Lease, LeaseLostError, type ExclusiveOutcome, type LeaseTiming } from './lease';
import { isRetryableConflict } from './unavailable';
import { transactionMetrics } from '../metrics';

export type EntityList = MixedList<string | Function>;

/**
 * Builds TypeORM options from `sqlite:<file>` or `mysql://user:pass@host:port/db`
 * (several `host:port` separated by commas: cluster nodes, tried in order).
 */
export function dataSourceOptions(url: string, entities: EntityList, migrations: EntityList = []): DataSourceOptions {
  const common = { entities, migrations, synchronize: false, migrationsRun: false, logging: false } as const;
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (!file) throw new Error('DATABASE_URL sqlite: needs a file name');
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database: file,
      // WAL lets readers go on while one writer commits; the busy timeout covers a second process.
      prepareDatabase: (db: { pragma(s: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('busy_timeout = 5000');
        db.pragma('foreign_keys = ON');
      },
    };
  }
  if (url.startsWith('mysql://') || url.startsWith('mariadb://')) {
    const { url: first, hosts } = splitHosts(url.replace(/^mariadb:/, 'mysql:'));
    return {
      ...common,
      type: 'mysql',
      url: first,
      ...(hosts.length > 1 ? { driver: failoverDriver(hosts) } : {}),
      charset: 'utf8mb4',
      timezone: 'Z',
      poolSize: Number(process.env.DB_POOL_SIZE ?? 20),
      // a dead host must not hang requests: connecting gives up after DB_CONNECT_TIMEOUT_MS, and
      // TCP keep-alive finds connections to a host that vanished without closing them
      // trace off: mysql2 would capture a stack trace for every query, for errors that are never shown.
      extra: { trace: false, connectTimeout: Number(process.env.DB_CONNECT_TIMEOUT_MS ?? 5000), enableKeepAlive: true, keepAliveInitialDelay: 10_000 },
    };
  }
  throw new Error('DATABASE_URL must start with sqlite: or mysql://');
}

/** Attempts of one transaction that keeps losing races with concurrent ones (1213/40001, 1205). */
export const TRANSACTION_ATTEMPTS = 5;
const RETRY_BASE_MS = 10;
const RETRY_CAP_MS = 250;

export interface TransactionOptions {
  /**
   * Objects loaded before the transaction that `fn` changes: they are put back
   * as they were before each re-run, so a re-run starts from the same state.
   */
  restore?: object[];
}

/** A copy of an entity's own properties, nested values cloned (most columns are strings: no structuredClone of the whole row). */
function snapshotOf(o: object): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(o)) copy[key] = value !== null && typeof value === 'object' ? structuredClone(value) : value;
  return copy;
}

/**
 * The application's handle on its database: the TypeORM data source, the
 * dialect, transactions that are safe on both databases, and leases.
 */
export class Database {
  readonly dialect: Dialect;
  private sqliteQueue: Promise<unknown> = Promise.resolve();
  private readonly leases = new Map<string, Lease>();

  constructor(
    readonly source: DataSource,
    private readonly leaseTiming: LeaseTiming = DEFAULT_LEASE_TIMING,
  ) {
    this.dialect = dialectOf(source.options.type);
  }

  get manager(): EntityManager {
    return this.source.manager;
  }

  /**
   * Runs `fn` in one transaction. A transaction that lost a race with a
   * concurrent one (deadlock, a cluster's certification conflict, lock wait
   * timeout) committed nothing and is run again as a whole, up to
   * TRANSACTION_ATTEMPTS times with jittered backoff; the change and its audit
   * entries are inside `fn`, so they are retried together. `fn` must therefore
   * read what it needs through `manager` or name what it changes in `restore`.
   * Still failing, the error propagates (answered CONFLICT, retryable).
   */
  async transaction<T>(fn: (manager: EntityManager) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    return this.retried(() => this.transactionOnce(fn), options);
  }

  /**
   * Runs one statement that is atomic by itself (a single multi-row INSERT):
   * on MySQL in autocommit, one round trip instead of three, retried like a
   * transaction; on SQLite in the transaction queue, because its single
   * connection would otherwise run it inside whichever transaction is open.
   */
  async atomicStatement<T>(fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.dialect.name !== 'mysql') return this.transaction(fn);
    return this.retried(() => fn(this.source.manager), {});
  }

  private async retried<T>(run: () => Promise<T>, options: TransactionOptions): Promise<T> {
    const snapshots = (options.restore ?? []).map((o) => [o, snapshotOf(o)] as const);
    for (let attempt = 1; ; attempt++) {
      try {
        return await run();
      } catch (error) {
        if (!isRetryableConflict(error)) throw error;
        if (attempt >= TRANSACTION_ATTEMPTS) {
          transactionMetrics.gaveUp.inc();
          throw error;
        }
        transactionMetrics.retries.inc();
        for (const [target, snapshot] of snapshots) Object.assign(target, snapshotOf(snapshot));
        const ceiling = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** attempt);
        await new Promise((resolve) => setTimeout(resolve, ceiling / 2 + Math.random() * (ceiling / 2)));
      }
    }
  }

  /** SQLite has a single connection, so its transactions are queued one after another instead of interleaving. */
  private transactionOnce<T>(fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.dialect.name === 'mysql') return this.source.transaction(fn);
    const run = this.sqliteQueue.then(() => this.source.transaction(fn));
    this.sqliteQueue = run.catch(() => undefined);
    return run;
  }

  /** The lease `name` of this process (one object per name, shared by its users). See lease.ts. */
  lease(name: string): Lease {
    let lease = this.leases.get(name);
    if (!lease) {
      lease = new Lease(this, name, this.leaseTiming);
      this.leases.set(name, lease);
    }
    return lease;
  }

  /** Runs `fn` on at most one process at a time (and, with `onceFor`, once per period). See Lease.runExclusive. */
  runExclusive<T>(name: string, fn: () => Promise<T>, options: { onceFor?: string } = {}): Promise<ExclusiveOutcome<T>> {
    return this.lease(name).runExclusive(fn, options);
  }

  /**
   * A transaction that commits only while this process holds lease `name`
   * (claimed first if free); otherwise LeaseLostError. The chain's single
   * sequencer links in these.
   */
  async leasedTransaction<T>(name: string, fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    const lease = this.lease(name);
    if (!lease.held && !(await lease.claim())) throw new LeaseLostError(`lease ${name} is held by another process`);
    let fenced = 0;
    const result = await this.transaction(async (manager) => {
      fenced = await lease.fence(manager);
      return fn(manager);
    });
    lease.fenceCommitted(fenced);
    return result;
  }
}

export async function openDatabase(url: string, entities: EntityList, leaseTiming?: LeaseTiming): Promise<Database> {
  const source = new DataSource(dataSourceOptions(url, entities));
  await source.initialize();
  return new Database(source, leaseTiming);
}

/** Applies pending migrations with the migration account, then disconnects it. */
export async function runMigrations(url: string, entities: EntityList, migrations: EntityList): Promise<void> {
  const source = new DataSource(dataSourceOptions(url, entities, migrations));
  await source.initialize();
  try {
    await source.runMigrations({ transaction: 'each' });
  } finally {
    await source.destroy();
  }
}
