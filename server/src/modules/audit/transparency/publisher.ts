import type { Clock } from '../../../clock';
import type { Database } from '../../../db/data-source';
import { logger } from '../../../logger';
import { checkpointText, parseSignedCheckpoint, type SignedCheckpoint } from './checkpoint';
import { signNote } from './signed-note';
import type { SigningKeys } from './signing-key';
import { transparencyMetrics } from './transparency-metrics';
import { storedTreeSize, treeRoot } from './tree-store';
import type { Witness } from './witnesses';

/** Checkpoints are signed at most this often while entries are being linked (and at shutdown). */
export const CHECKPOINT_DELAY_MS = 1000;
/** A witness that could not be reached is tried again this much later, even when nothing new is linked. */
const WITNESS_RETRY_MS = 5000;

export interface WitnessStatus {
  name: string;
  kind: 'DIRECTORY' | 'HTTP';
  witnessedSize: number;
  witnessedAt: string | null;
  /** Entries in the newest checkpoint that the witness does not hold yet. */
  lag: number;
  /** The reason of the witness's newest refusal, while it refuses. */
  refusal: string | null;
  /** Why the newest hand-over failed (unreachable), while it fails. */
  error: string | null;
}

export interface StoredCheckpoint extends SignedCheckpoint {
  signedAt: string;
}

/**
 * Signs a checkpoint of the stored tree shortly after entries are linked and
 * hands it to every witness. A witness that is down delays nothing: the
 * hand-over is retried with the next checkpoint and the lag shows. A refusal
 * is an alarm: an error log (sizes and reasons only), a metric and the status.
 */
export class CheckpointPublisher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private newest: StoredCheckpoint | null = null;
  private readonly status = new Map<Witness, WitnessStatus>();
  private readonly listeners: Array<() => void> = [];
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    readonly keys: SigningKeys,
    readonly witnesses: Witness[],
  ) {
    for (const w of witnesses) {
      this.status.set(w, { name: w.name, kind: w.kind, witnessedSize: w.heldSize(), witnessedAt: null, lag: 0, refusal: null, error: null });
    }
  }

  get origin(): string {
    return this.keys.signer.name;
  }

  /** Called after each published checkpoint (incremental verification listens). */
  onPublished(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Entries were linked: a checkpoint follows within CHECKPOINT_DELAY_MS. */
  schedule(delayMs = CHECKPOINT_DELAY_MS): void {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.publish().catch((error: unknown) => logger.error('audit checkpoint failed', { error: (error as Error).name, message: (error as Error).message?.slice(0, 300) }));
    }, delayMs);
    this.timer.unref();
  }

  /** Signs a checkpoint of the tree as it stands (if it grew) and hands it to the witnesses; resolves when done. */
  async publish(): Promise<void> {
    if (this.running) {
      this.again = true;
      while (this.running) await this.running;
      if (!this.again) return;
    }
    this.again = false;
    this.running = this.publishOnce().finally(() => (this.running = null));
    await this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.publish().catch(() => undefined);
    this.stopped = true;
  }

  /** The newest signed checkpoint (from this process or, after a restart, the database). */
  async latest(): Promise<StoredCheckpoint | null> {
    return this.newest ?? this.stored();
  }

  /** The newest checkpoint as the database holds it (verification reads it so). */
  async stored(): Promise<StoredCheckpoint | null> {
    const [row] = await this.db.manager.query('SELECT note, signed_at AS signedAt FROM audit_checkpoint ORDER BY tree_size DESC LIMIT 1');
    return row ? { ...parseSignedCheckpoint(row.note), signedAt: row.signedAt } : null;
  }

  witnessStatus(): WitnessStatus[] {
    return this.witnesses.map((w) => ({ ...this.status.get(w)! }));
  }

  private async publishOnce(): Promise<void> {
    const size = await storedTreeSize(this.db.manager);
    let checkpoint = await this.latest();
    if (size > 0 && (!checkpoint || checkpoint.size < size)) checkpoint = await this.sign(size, checkpoint);
    if (!checkpoint) return;
    this.newest = checkpoint;
    transparencyMetrics.checkpointSize.set(checkpoint.size);
    for (const w of this.witnesses) await this.handOver(w, checkpoint);
    if (this.witnessStatus().some((s) => s.error)) this.schedule(WITNESS_RETRY_MS);
    for (const listener of this.listeners) listener();
  }

  private async sign(size: number, previous: StoredCheckpoint | null): Promise<StoredCheckpoint> {
    const signedAt = this.clock.now().toISOString();
    if (previous && signedAt < previous.signedAt) {
      logger.error('audit checkpoint: the clock moved backwards', { previous: previous.signedAt, now: signedAt });
      transparencyMetrics.clockBackwards.inc();
    }
    const root = await treeRoot(this.db.manager, size);
    const note = signNote(checkpointText({ origin: this.origin, size, root }), [this.keys.signer]);
    // Another process may have signed the same size (the same bytes: Ed25519 is deterministic).
    await this.db.manager
      .query('INSERT INTO audit_checkpoint (tree_size, root_hash, note, signed_at) VALUES (?, ?, ?, ?)', [size, root.toString('hex'), note, signedAt])
      .catch(async (error: unknown) => {
        const [row] = await this.db.manager.query('SELECT tree_size FROM audit_checkpoint WHERE tree_size = ?', [size]);
        if (!row) throw error;
      });
    return { ...parseSignedCheckpoint(note), signedAt };
  }

  private async handOver(witness: Witness, checkpoint: StoredCheckpoint): Promise<void> {
    const status = this.status.get(witness)!;
    try {
      const answer = await witness.submit(this.db.manager, checkpoint, this.clock.now().toISOString());
      if (answer.accepted) {
        Object.assign(status, { witnessedSize: checkpoint.size, witnessedAt: this.clock.now().toISOString(), refusal: null, error: null });
      } else {
        if (status.refusal !== answer.reason) {
          logger.error('audit witness refused a checkpoint', { witness: witness.name, size: checkpoint.size, witnessedSize: answer.size, reason: answer.reason });
        }
        transparencyMetrics.witnessRefusals.inc({ witness: witness.name });
        Object.assign(status, { witnessedSize: Math.max(answer.size, witness.heldSize()), refusal: answer.reason, error: null });
      }
    } catch (error) {
      transparencyMetrics.witnessFailures.inc({ witness: witness.name });
      const message = `${(error as Error).name}: ${(error as Error).message}`.slice(0, 200);
      if (status.error !== message) logger.warn('audit witness could not be reached; retried with the next checkpoint', { witness: witness.name, message });
      status.error = message;
    }
    status.lag = Math.max(0, checkpoint.size - status.witnessedSize);
    transparencyMetrics.witnessedSize.set({ witness: witness.name }, status.witnessedSize);
    transparencyMetrics.witnessLag.set({ witness: witness.name }, status.lag);
  }
}
