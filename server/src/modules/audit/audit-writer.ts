import type { EntityManager } from 'typeorm';
import type { Database } from '../../db/data-source';
import { AuditEntry } from './audit-entry.entity';
import type { ChainLinker } from './audit-chain';
import { auditMetrics } from '../../metrics';

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'seq' | 'prevHash' | 'hash'>;

interface Waiter {
  entries: NewAuditEntry[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

const ROWS_PER_INSERT = 500;

interface InsertShape {
  columns: string[];
  properties: Array<keyof NewAuditEntry>;
}
const shapes = new WeakMap<object, InsertShape>();

/** The entry's stored columns (all but the generated id), read once from the entity's metadata. */
function insertShape(manager: EntityManager): InsertShape {
  let shape = shapes.get(manager.connection);
  if (!shape) {
    const stored = manager.connection.getMetadata(AuditEntry).columns.filter((c) => !c.isGenerated);
    shape = { columns: stored.map((c) => c.databaseName), properties: stored.map((c) => c.propertyName as keyof NewAuditEntry) };
    shapes.set(manager.connection, shape);
  }
  return shape;
}

/**
 * Inserts entries with multi-row INSERTs inside the caller's transaction. The
 * statement is written directly with positional parameters: TypeORM's insert
 * builder names and re-scans every parameter, which cost more than the
 * database round trip for a 100-row batch.
 */
export async function insertEntries(manager: EntityManager, entries: NewAuditEntry[]): Promise<void> {
  const { columns, properties } = insertShape(manager);
  const tuple = `(${columns.map(() => '?').join(',')})`;
  for (let i = 0; i < entries.length; i += ROWS_PER_INSERT) {
    const rows = entries.slice(i, i + ROWS_PER_INSERT);
    const params: unknown[] = [];
    for (const row of rows) for (const property of properties) params.push(row[property] ?? null);
    await manager.query(`INSERT INTO audit_entry (${columns.join(',')}) VALUES ${rows.map(() => tuple).join(',')}`, params);
  }
}

/**
 * The audit writer with group commit: entries of concurrent requests that
 * arrive in the same event-loop turn, or while a commit is in flight, are
 * gathered into the next one (up to `maxBatch` entries), so one
 * multi-row insert and one commit serve many requests. Each request is
 * released only after its entries are committed; when a commit fails, every
 * request in it fails (closed). No chain lock is taken here: the chain linker
 * links committed entries afterwards.
 */
export class AuditWriter {
  private waiting: Waiter[] = [];
  private inFlight = 0;
  private gathering = false;

  constructor(
    private readonly db: Database,
    private readonly linker: ChainLinker,
    private readonly maxBatch = 2000,
    private readonly maxConcurrentCommits = db.dialect.name === 'mysql' ? 2 : 1,
  ) {}

  /** Resolves once `entries` are durably committed. */
  write(entries: NewAuditEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiting.push({ entries, resolve, reject });
      this.gather();
    });
  }

  /**
   * Starts the next commit one event-loop turn later, so that every request
   * answered in this turn joins it. On SQLite a commit runs synchronously and
   * blocks the loop, so nothing could gather during one; on MySQL the turn
   * costs nothing next to the round trips.
   */
  private gather(): void {
    if (this.gathering) return;
    this.gathering = true;
    setImmediate(() => {
      this.gathering = false;
      this.pump();
    });
  }

  /** For changes: the entries commit in the caller's transaction, with the change itself. */
  async writeWithin(manager: EntityManager, entries: NewAuditEntry[]): Promise<void> {
    await insertEntries(manager, entries);
  }

  /** Call after the caller's transaction committed, so the linker picks its entries up soon. */
  committed(): void {
    this.linker.schedule();
  }

  /** Runs a change in one transaction with the entries it names: both commit, or neither. */
  async changeAudited<T>(change: (manager: EntityManager) => Promise<{ saved: T; entries: NewAuditEntry[] }>): Promise<T> {
    const saved = await this.db.transaction(async (manager) => {
      const { saved, entries } = await change(manager);
      await insertEntries(manager, entries);
      return saved;
    });
    this.committed();
    return saved;
  }

  private pump(): void {
    while (this.inFlight < this.maxConcurrentCommits && this.waiting.length > 0) {
      const batch: Waiter[] = [];
      let size = 0;
      while (this.waiting.length > 0 && (batch.length === 0 || size + this.waiting[0]!.entries.length <= this.maxBatch)) {
        const next = this.waiting.shift()!;
        batch.push(next);
        size += next.entries.length;
      }
      this.inFlight++;
      void this.commit(batch, size).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async commit(batch: Waiter[], size: number): Promise<void> {
    const started = process.hrtime.bigint();
    try {
      const rows = batch.flatMap((w) => w.entries);
      // one INSERT commits by itself; a larger batch takes several, in one transaction
      if (rows.length <= ROWS_PER_INSERT) await this.db.atomicStatement((manager) => insertEntries(manager, rows));
      else await this.db.transaction((manager) => insertEntries(manager, rows));
      auditMetrics.batchSize.observe(size);
      auditMetrics.commitSeconds.observe(Number(process.hrtime.bigint() - started) / 1e9);
      auditMetrics.entriesCommitted.inc(size);
      auditMetrics.commits.inc();
      for (const w of batch) w.resolve();
      this.linker.schedule();
    } catch (error) {
      auditMetrics.failures.inc();
      for (const w of batch) w.reject(error);
    }
  }
}
