import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, type DataSourceOptions, type EntityManager, type MixedList } from 'typeorm';
import { dialectOf, type Dialect } from './dialect';

export type EntityList = MixedList<string | Function>;

/** Builds TypeORM options from `sqlite:<file>` or `mysql://user:pass@host:port/db`. */
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
    return {
      ...common,
      type: 'mysql',
      url: url.replace(/^mariadb:/, 'mysql:'),
      charset: 'utf8mb4',
      timezone: 'Z',
      poolSize: Number(process.env.DB_POOL_SIZE ?? 20),
      extra: { connectTimeout: 5000 },
    };
  }
  throw new Error('DATABASE_URL must start with sqlite: or mysql://');
}

/**
 * The application's handle on its database: the TypeORM data source, the
 * dialect, and transactions that are safe on both databases.
 */
export class Database {
  readonly dialect: Dialect;
  private sqliteQueue: Promise<unknown> = Promise.resolve();

  constructor(readonly source: DataSource) {
    this.dialect = dialectOf(source.options.type);
  }

  get manager(): EntityManager {
    return this.source.manager;
  }

  /**
   * Runs `fn` in one transaction. SQLite has a single connection, so its
   * transactions are queued one after another instead of interleaving.
   */
  transaction<T>(fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.dialect.name === 'mysql') return this.source.transaction(fn);
    const run = this.sqliteQueue.then(() => this.source.transaction(fn));
    this.sqliteQueue = run.catch(() => undefined);
    return run;
  }

  /**
   * A transaction that also holds a database-wide named lock, so that exactly
   * one process at a time runs it (the audit chain's sequencer). On SQLite the
   * single writer is the lock.
   */
  async lockedTransaction<T>(lockName: string, fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.dialect.name === 'sqlite') return this.transaction(fn);
    const runner = this.source.createQueryRunner();
    await runner.connect();
    try {
      return await this.dialect.withNamedLock(runner, lockName, async () => {
        await runner.startTransaction();
        try {
          const result = await fn(runner.manager);
          await runner.commitTransaction();
          return result;
        } catch (error) {
          await runner.rollbackTransaction();
          throw error;
        }
      });
    } finally {
      await runner.release();
    }
  }
}

export async function openDatabase(url: string, entities: EntityList): Promise<Database> {
  const source = new DataSource(dataSourceOptions(url, entities));
  await source.initialize();
  return new Database(source);
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
