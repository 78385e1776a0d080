import type { EntityManager } from 'typeorm';
import type { Clock } from '../../clock';
import type { Database } from '../../db/data-source';
import { LeaseLostError } from '../../db/lease';
import { hexDigestLiteral, integerLiteral, isoInstantLiteral } from '../../db/literals';
import { StatementPipeline } from '../../db/statement-pipeline';
import { isDatabaseUnavailable } from '../../db/unavailable';
import { logger } from '../../logger';
import { auditMetrics } from '../../metrics';
import type { AuditEntry } from './audit-entry.entity';
import { ENTRY_COLUMNS, GENESIS_HASH, canonicalEntry, linkHash } from './canonical';

/** The lease the chain's single sequencer holds across all server processes (bulk loaders link under it too). */
export const CHAIN_LOCK_NAME = 'mamori_audit_chain';
/** How long a process that does not hold the lease waits for the holder to link what it saw committed. */
const HOLDER_WAIT_MS = 30_000;
const LINK_BATCH = 5000;
/** Entries are looked for this far below the newest linked one (commits can land out of id order). */
const RESCAN_WINDOW = 10_000;

export interface ChainHead {
  seq: number;
  hash: string;
  at: string | null;
}

/** Structures derived from the chain (the Merkle tree), extended in the linking transaction. */
export interface LinkObserver {
  linked(manager: EntityManager, links: Array<{ seq: number; canonical: string }>): Promise<void>;
  /** After a linking transaction committed. */
  committed(): void;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  headSeq: number;
  headHash: string;
  firstBrokenSeq: number | null;
  unlinked: number;
}

export async function readHead(manager: EntityManager): Promise<ChainHead> {
  const [row] = await manager.query('SELECT seq, hash, linked_at AS at FROM audit_link ORDER BY seq DESC LIMIT 1');
  return row ? { seq: Number(row.seq), hash: row.hash, at: row.at } : { seq: 0, hash: GENESIS_HASH, at: null };
}

/**
 * The single sequencer of the chain. Requests only insert entries; this links
 * committed entries into one chain in batches, in transactions fenced by a
 * lease (db/lease.ts), so several server processes, also on different nodes
 * of a cluster, still make one chain: only the holder links, the others stand
 * by and take over when it is gone. `audit_link.seq` is the primary key, so
 * even a lost lease cannot fork the chain.
 */
export class ChainLinker {
  private running: Promise<void> | null = null;
  private again: 'pass' | 'sweep' | null = null;
  private timer: NodeJS.Timeout | null = null;
  private scannedAll = false;
  private stopped = false;
  private observer: LinkObserver | null = null;
  /** The head this process last committed and the newest entry id linked then; `pendingTip` until its commit. */
  private tip: { seq: number; hash: string; newestEntryId: number } | null = null;
  private pendingTip: { seq: number; hash: string; newestEntryId: number } | null = null;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {
    // a new holder looks at the whole log first: the previous one may have left entries unlinked
    this.lease.onAcquired(() => {
      this.scannedAll = false;
      this.schedule(true);
    });
  }

  private get lease() {
    return this.db.lease(CHAIN_LOCK_NAME);
  }

  observe(observer: LinkObserver): void {
    this.observer = observer;
  }

  /**
   * Links after every commit, and sweeps for late commits every `intervalMs`;
   * once a minute the sweep looks at the whole log, so an entry that committed
   * later than the window allows is still linked without a restart.
   */
  start(intervalMs = 1000): void {
    let ticks = 0;
    this.timer = setInterval(() => {
      if (++ticks % Math.max(1, Math.round(60_000 / intervalMs)) === 0) this.scannedAll = false;
      this.schedule(true);
    }, intervalMs);
    this.timer.unref();
    this.lease.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    await this.lease.stop();
  }

  /**
   * Asks for a linking pass soon; passes never overlap within a process. A
   * plain pass (after each commit) looks only past the newest linked entry; a
   * sweep (every second, and before verification) also looks RESCAN_WINDOW
   * entries below it, for transactions that committed out of id order. A
   * single audited read would otherwise pay a 10,000-row scan.
   */
  schedule(sweep = false): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = this.again === 'sweep' || sweep ? 'sweep' : 'pass';
      return;
    }
    this.running = this.linkAll(sweep)
      .catch((error: unknown) => {
        if (error instanceof LeaseLostError) return; // another process links now
        // the lease lapses while the database is away; whoever holds it when it is back links what is left
        if (isDatabaseUnavailable(error)) {
          logger.warn('audit chain linking paused: database unavailable');
          return;
        }
        // The linker's statements hold hashes and ids only, never personal data.
        logger.error('audit chain linking failed', { error: (error as Error).name, message: (error as Error).message?.slice(0, 300) });
      })
      .finally(() => {
        this.running = null;
        const again = this.again;
        this.again = null;
        if (again) this.schedule(again === 'sweep');
      });
  }

  /**
   * Links everything committed so far, looking at the whole log; resolves when
   * done (verification and tests wait on it). A process that does not hold the
   * lease waits until the holder has linked every entry it sees. With
   * `wholeLog` false it looks only RESCAN_WINDOW entries below the newest
   * linked one, as the sweep does (the minute's sweep looks at the rest): a
   * proof or an incremental verification then costs no pass over the log.
   */
  async linkPending(wholeLog = true): Promise<void> {
    while (this.running) await this.running;
    const whole = wholeLog && !(await this.asManyLinksAsEntries());
    if (whole) this.scannedAll = false;
    if (this.lease.held || (await this.lease.claim())) {
      try {
        return await this.linkAll(true, true);
      } catch (error) {
        if (!(error instanceof LeaseLostError)) throw error;
      }
    }
    await this.waitForHolder(whole);
  }

  /**
   * As many links as entries: then nothing is unlinked unless as many links
   * lost their entry, which verification reports as a rewrite (and the
   * minute's sweep still links the entry). Two counts cost a fraction of the
   * pass over the whole log that looks for unlinked entries.
   */
  private async asManyLinksAsEntries(): Promise<boolean> {
    const [{ entries, links }] = await this.db.manager.query(
      'SELECT (SELECT COUNT(*) FROM audit_entry) AS entries, (SELECT COUNT(*) FROM audit_link) AS links',
    );
    return Number(entries) === Number(links);
  }

  /**
   * Waits until the holder has linked every entry this process sees committed
   * (the whole log, or RESCAN_WINDOW below the newest): the newest alone is not
   * enough, an entry below it may have committed after the holder's last pass
   * and is linked only by its next sweep.
   */
  private async waitForHolder(wholeLog: boolean): Promise<void> {
    const [{ newest }] = await this.db.manager.query('SELECT COALESCE(MAX(id), 0) AS newest FROM audit_entry');
    const floor = wholeLog ? 0 : Math.max(0, Number(newest) - RESCAN_WINDOW);
    const allLinked = async () => {
      const [{ linked }] = await this.db.manager.query('SELECT MAX(entry_id) AS linked FROM audit_link');
      if (Number(linked ?? 0) < Number(newest)) return false;
      const passedOver = await this.db.manager.query(
        `SELECT e.id FROM audit_entry e LEFT JOIN audit_link l ON l.entry_id = e.id
         WHERE l.entry_id IS NULL AND e.id > ? AND e.id <= ? LIMIT 1`,
        [floor, Number(newest)],
      );
      return passedOver.length === 0;
    };
    const deadline = Date.now() + HOLDER_WAIT_MS;
    // the holder sweeps every second: looking more often than that only loads the database
    for (let pause = 100; Date.now() < deadline; pause = Math.min(1000, pause * 2)) {
      if (await allLinked()) return;
      await new Promise((resolve) => setTimeout(resolve, pause));
      // the holder may be gone: its lease expires, and then this process takes over
      if (this.lease.held || (await this.lease.claim())) return this.linkAll(true, true);
    }
  }

  private async linkAll(sweep: boolean, claimIfFree = false): Promise<void> {
    if (!this.lease.held && !claimIfFree) return; // another process is the sequencer
    let batch: { linked: number; lastEntryId: number | null } = { linked: 0, lastEntryId: null };
    do {
      // After a full batch the pass goes on past its last entry: every entry committed before the pass below that
      // one was in the batch's scan, so scanning from the floor again would only reread the log (each batch of a
      // whole-log pass read every entry from the first).
      const after = batch.lastEntryId;
      batch = await this.db.leasedTransaction(CHAIN_LOCK_NAME, (m) => this.linkBatch(m, sweep, after));
      this.tip = this.pendingTip;
      if (batch.linked > 0) this.observer?.committed();
    } while (batch.linked === LINK_BATCH); // a full batch: more may be waiting
  }

  private async linkBatch(manager: EntityManager, sweep: boolean, after: number | null): Promise<{ linked: number; lastEntryId: number | null }> {
    const head = await readHead(manager);
    // The newest linked entry id, read again only when the head is not the one this process last committed.
    const known = this.tip?.seq === head.seq && this.tip.hash === head.hash ? this.tip.newestEntryId : null;
    const newest = known ?? Number((await manager.query('SELECT MAX(entry_id) AS maxLinked FROM audit_link'))[0]?.maxLinked ?? 0);
    this.pendingTip = { seq: head.seq, hash: head.hash, newestEntryId: newest };
    const floor = after ?? (!this.scannedAll ? 0 : sweep ? Math.max(0, newest - RESCAN_WINDOW) : newest);
    const pending: AuditEntry[] = await manager.query(
      `SELECT ${ENTRY_COLUMNS} FROM audit_entry e LEFT JOIN audit_link l ON l.entry_id = e.id
       WHERE l.entry_id IS NULL AND e.id > ? ORDER BY e.id LIMIT ${LINK_BATCH}`,
      [floor],
    );
    if (pending.length < LINK_BATCH) this.scannedAll = true;
    if (pending.length === 0) return { linked: 0, lastEntryId: null };
    const linkedAt = isoInstantLiteral(this.clock.now().toISOString());
    let { seq, hash } = head;
    // A head this process linked whose hash changed since was rewritten: the next link names the hash it had, so the
    // rewrite shows as a break (chained onto the rewritten hash, no link would break and only recomputing it would tell).
    if (this.tip?.seq === seq) hash = this.tip.hash;
    let newestLinked = newest;
    const links: Array<{ seq: number; canonical: string }> = [];
    // Literal rows of checked numbers, digests and the linker's own timestamp: binding makes the driver escape 5 values per link.
    const rows: string[] = [];
    const statements = new StatementPipeline();
    let hashLiteral = hexDigestLiteral(hash);
    for (const entry of pending) {
      seq += 1;
      const canonical = canonicalEntry(entry);
      const entryId = Number(entry.id);
      const prevLiteral = hashLiteral;
      hash = linkHash(seq, hash, canonical);
      hashLiteral = hexDigestLiteral(hash);
      rows.push(`(${integerLiteral(seq)},${integerLiteral(entryId)},${prevLiteral},${hashLiteral},${linkedAt})`);
      links.push({ seq, canonical });
      if (entryId > newestLinked) newestLinked = entryId;
    }
    // One statement for the batch's links: under load each round trip's answer waits behind the requests in the
    // event loop, so a batch costs its statements' count more than its rows.
    await statements.send(manager.query(`INSERT INTO audit_link (seq, entry_id, prev_hash, hash, linked_at) VALUES ${rows.join(',')}`));
    // the tree is computed while the links are inserted; any failed statement fails the transaction
    await this.observer?.linked(manager, links);
    await statements.drain();
    this.pendingTip = { seq, hash, newestEntryId: newestLinked };
    auditMetrics.headSeq.set(seq);
    return { linked: pending.length, lastEntryId: Number(pending[pending.length - 1]!.id) };
  }
}

/** True when the chain still holds `hash` at `seq`: a truncated or rewritten tail is detected. */
export async function chainExtends(db: Database, seq: number, hash: string): Promise<boolean> {
  const [row] = await db.manager.query('SELECT hash FROM audit_link WHERE seq = ?', [seq]);
  return row?.hash === hash;
}

export async function chainHead(db: Database): Promise<ChainHead> {
  return readHead(db.manager);
}
