import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { EntityManager } from 'typeorm';
import { logger } from '../logger';
import type { Dialect } from './dialect';
import { isDatabaseUnavailable, isRetryableConflict } from './unavailable';

/**
 * A lease: at most one server process of the whole deployment holds `name` at a
 * time, on one database server and on multi-primary clusters (Galera, Group
 * Replication) alike. It is a row of `job_lease` claimed with a conditional
 * UPDATE (`holder = me OR expired`) and an expiry by the database's clock;
 * conflicting claims through different cluster nodes are resolved by the
 * cluster's certification (one commits, the other gets 1213 and sees the
 * winner). The holder renews it; when the holder dies, another process takes
 * it over once it expired (ttl, default 5 s). `GET_LOCK` cannot do this: it is
 * local to one node of a cluster.
 *
 * Usage:
 *   // a job that must run on one process at a time (optionally once per period):
 *   const outcome = await db.runExclusive('reminders', () => sendReminders(), { onceFor: japanDay(now) });
 *   // outcome.ran === false: another process holds it, or this period's run is done
 *
 *   // a standing singleton (the chain linker): claims and renews in the background
 *   const lease = db.lease('audit-chain');
 *   lease.start(); lease.onAcquired(() => work());
 *   if (lease.held) await db.leasedTransaction('audit-chain', (m) => ...); // fenced: commits only while held
 *   await lease.stop(); // releases, so a peer takes over at once
 */
/** What a lease needs of the database (Database, without importing it). */
export interface LeaseDatabase {
  readonly dialect: Dialect;
  readonly manager: EntityManager;
  transaction<T>(fn: (manager: EntityManager) => Promise<T>): Promise<T>;
}

export class LeaseLostError extends Error {
  override name = 'LeaseLostError';
}

export type ExclusiveOutcome<T> = { ran: true; result: T } | { ran: false; reason: 'held elsewhere' | 'done' };

/** What a scheduled job needs of the database: run by one process of the deployment, optionally once per period (Database.runExclusive). */
export interface ExclusiveRunner {
  runExclusive<T>(name: string, fn: () => Promise<T>, options?: { onceFor?: string }): Promise<ExclusiveOutcome<T>>;
}

export interface LeaseTiming {
  /** How long a claim or renewal holds without another renewal. */
  ttlMs: number;
  /** How often the holder renews and the others try to claim. */
  renewEveryMs: number;
}

export const DEFAULT_LEASE_TIMING: LeaseTiming = { ttlMs: 5000, renewEveryMs: 1000 };
/** This process stops acting as holder this long before the lease expires in the database. */
const SAFETY_FRACTION = 0.8;

export class Lease {
  readonly holder = `${hostname().slice(0, 40)}:${process.pid}:${randomUUID().slice(0, 8)}`;
  /** Local monotonic time until which this process may act as holder. */
  private heldUntil = 0;
  /** Local monotonic time the last committed renewal (a claim's or a fence's) was sent. */
  private renewedAt = -Infinity;
  private timer: NodeJS.Timeout | null = null;
  private claiming: Promise<boolean> | null = null;
  private readonly acquiredListeners: Array<() => void> = [];

  constructor(
    private readonly db: LeaseDatabase,
    readonly name: string,
    readonly timing: LeaseTiming = DEFAULT_LEASE_TIMING,
  ) {}

  /** True while this process holds the lease (with a safety margin before its expiry). */
  get held(): boolean {
    return performance.now() < this.heldUntil;
  }

  /** Claims now and keeps claiming (or renewing) every `renewEveryMs`, until `stop`. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.claim(), this.timing.renewEveryMs);
    this.timer.unref();
    void this.claim();
  }

  /** Stops claiming and releases the lease if held, so another process takes it over at once. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.claiming;
    await this.release();
  }

  /** Called each time this process becomes the holder. */
  onAcquired(listener: () => void): void {
    this.acquiredListeners.push(listener);
  }

  /** One claim or renewal; resolves true when this process holds the lease afterwards. */
  claim(): Promise<boolean> {
    this.claiming ??= this.tryClaim().finally(() => (this.claiming = null));
    return this.claiming;
  }

  private async tryClaim(): Promise<boolean> {
    const wasHeld = this.held;
    // a fenced transaction that committed since the last renewal renewed the lease (fence); the next renewal is due a period later
    if (wasHeld && performance.now() < this.renewedAt + this.timing.renewEveryMs) return true;
    const sent = performance.now();
    const { insertIgnore, nowMillis } = this.db.dialect;
    try {
      const won = await this.db.transaction(async (m) => {
        // the holder's row exists: a renewal is the UPDATE alone (the INSERT IGNORE would lock the row the fenced transactions write)
        if (!wasHeld) await m.query(`${insertIgnore} INTO job_lease (name, holder, expires_at) VALUES (?, '', 0)`, [this.name]);
        const changed = await affectedRows(
          m,
          `UPDATE job_lease SET holder = ?, expires_at = ${nowMillis} + ? WHERE name = ? AND (holder = ? OR expires_at < ${nowMillis})`,
          [this.holder, this.timing.ttlMs, this.name, this.holder],
        );
        return changed === 1;
      });
      if (won) this.renewed(sent);
      else this.heldUntil = 0;
    } catch (error) {
      // unreachable or lost a race: the lease lapses on its own if this keeps failing
      if (!isDatabaseUnavailable(error) && !isRetryableConflict(error)) {
        logger.warn('lease claim failed', { lease: this.name, error: (error as Error).name });
      }
    }
    if (this.held && !wasHeld) {
      logger.info('lease acquired', { lease: this.name, holder: this.holder });
      for (const listener of this.acquiredListeners) listener();
    }
    return this.held;
  }

  /** The lease was renewed by a statement sent at `sent` (local monotonic time) that committed. */
  private renewed(sent: number): void {
    this.heldUntil = Math.max(this.heldUntil, sent + this.timing.ttlMs * SAFETY_FRACTION);
    this.renewedAt = Math.max(this.renewedAt, sent);
  }

  /**
   * Inside a transaction: renews the lease only if this process still holds it,
   * else throws LeaseLostError, so the transaction commits only while held. On a
   * cluster a concurrent takeover writes the same row, so one of the two fails
   * certification: the work of a holder that lost its lease never commits.
   */
  async fence(manager: EntityManager): Promise<number> {
    const sent = performance.now();
    const changed = await affectedRows(
      manager,
      `UPDATE job_lease SET expires_at = ${this.db.dialect.nowMillis} + ? WHERE name = ? AND holder = ?`,
      [this.timing.ttlMs, this.name, this.holder],
    );
    if (changed !== 1) {
      this.heldUntil = 0;
      throw new LeaseLostError(`lease ${this.name} is held by another process`);
    }
    return sent;
  }

  /** After the transaction of `fence` (which returned `sent`) committed: the lease is renewed as by a claim. */
  fenceCommitted(sent: number): void {
    if (this.heldUntil > 0) this.renewed(sent);
  }

  /** Gives the lease up (if held) so a peer need not wait for it to expire. */
  async release(): Promise<void> {
    if (!this.held) return;
    this.heldUntil = 0;
    await this.db
      .transaction((m) => m.query('UPDATE job_lease SET expires_at = 0 WHERE name = ? AND holder = ?', [this.name, this.holder]))
      .catch(() => undefined);
  }

  /**
   * Runs `fn` if this process can claim the lease now, renewing it while `fn` runs.
   * With `onceFor` (a period such as a Japan day), `fn` runs at most once per period
   * across all processes: a completed run is marked on the lease row. A run that
   * outlives a lost lease (a stall longer than the ttl) is not stopped, so a job
   * that must never overlap also fences its transactions (`leasedTransaction`).
   */
  async runExclusive<T>(fn: () => Promise<T>, options: { onceFor?: string } = {}): Promise<ExclusiveOutcome<T>> {
    if (!(await this.claim())) return { ran: false, reason: 'held elsewhere' };
    const standing = this.timer !== null;
    const renew = standing ? null : setInterval(() => void this.claim(), this.timing.renewEveryMs);
    renew?.unref();
    try {
      if (options.onceFor !== undefined && (await this.doneKey()) === options.onceFor) return { ran: false, reason: 'done' };
      const result = await fn();
      if (options.onceFor !== undefined) await this.markDone(options.onceFor);
      return { ran: true, result };
    } finally {
      if (renew) {
        clearInterval(renew);
        await this.claiming;
        await this.release();
      }
    }
  }

  private async doneKey(): Promise<string | null> {
    const [row] = await this.db.manager.query('SELECT done_key AS doneKey FROM job_lease WHERE name = ?', [this.name]);
    return row?.doneKey ?? null;
  }

  private async markDone(key: string): Promise<void> {
    await this.db.transaction((m) => m.query('UPDATE job_lease SET done_key = ? WHERE name = ? AND holder = ?', [key, this.name, this.holder]));
  }
}

/** Rows an UPDATE matched, on both drivers (TypeORM's structured result). */
async function affectedRows(manager: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const result = await runner.query(sql, params, true);
    return Number(result.affected ?? 0);
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}
