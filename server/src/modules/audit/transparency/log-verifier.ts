import type { Database } from '../../../db/data-source';
import { logger } from '../../../logger';
import { APPEND_ONLY_TABLES } from '../../../../../migrations/1764402000000-AuditTree';
import type { ChainLinker, ChainVerification } from '../audit-chain';
import { GENESIS_HASH } from '../canonical';
import type { SignedCheckpoint } from './checkpoint';
import { verifyFull } from './full-verification';
import { managerReader } from './range-readers';
import { HASH_AT_SQL, verifyRange } from './range-verification';
import { TreeBuilder, foldSubtrees, verifyConsistency } from './merkle';
import type { CheckpointPublisher } from './publisher';
import { verifiedBy } from './signed-note';
import { transparencyMetrics } from './transparency-metrics';
import { consistencyProof, rightEdge, storedTreeSize, treeRoot, TreeIncompleteError } from './tree-store';
import type { RangeVerifierPool } from './verify-pool';
import type { WitnessLog } from './witness-log';
import { DirectoryWitness } from './witnesses';

/** What verification can find, most serious first. */
export const AUDIT_PROBLEMS = ['TRUNCATED', 'REWRITTEN', 'SIGNATURE_INVALID', 'GUARDS_MISSING', 'WITNESS_REFUSED', 'UNLINKED'] as const;
export type AuditProblem = (typeof AUDIT_PROBLEMS)[number];

export interface LogVerification extends ChainVerification {
  /** The most serious problem found (null when ok), and all of them. */
  problem: AuditProblem | null;
  problems: AuditProblem[];
  /** The largest tree size a witness holds. */
  witnessedSize: number;
  treeSize: number;
  incremental: boolean;
}

/** How far below the newest linked entry an incremental verification looks for entries the linker passed over. */
const INCREMENTAL_CHUNK = 10_000;
/** A full verification that found a problem runs again in the background at most this often. */
const FULL_AGAIN_AFTER_MS = 60_000;

/** A tree head that verified: its size, root and the chain's hash at that seq. */
interface VerifiedHead {
  size: number;
  root: Buffer;
  hash: string;
}

interface Findings {
  problems: Set<AuditProblem>;
  brokenAt: number[];
}

/**
 * Verifies the log against what was witnessed: the chain and every leaf are
 * recomputed from the stored entries (full), or only the leaves added since
 * the last verified tree head (incremental); the roots are compared with
 * every witness's checkpoint, the stored tree and the newest stored
 * checkpoint; the append-only triggers must be in place.
 */
export class LogVerifier {
  /** The newest tree head that verified, the base of incremental verification. */
  private verified: VerifiedHead | null = null;
  private running: Promise<LogVerification> | null = null;
  private lastFullAt = -Infinity;
  private stopped = false;
  newest: LogVerification | null = null;

  constructor(
    private readonly db: Database,
    private readonly linker: ChainLinker,
    private readonly publisher: CheckpointPublisher,
    private readonly ranges: RangeVerifierPool,
  ) {}

  /** Runs after each checkpoint (incremental) and once a day (full); a problem is an alarm. */
  start(fullEveryMs = 24 * 60 * 60 * 1000): NodeJS.Timeout {
    this.publisher.onPublished(() => void this.background(true));
    const timer = setInterval(() => void this.background(false), fullEveryMs);
    timer.unref();
    return timer;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running?.catch(() => undefined);
    await this.ranges.close();
  }

  private async background(incremental: boolean): Promise<void> {
    if (this.running || this.stopped) return;
    // Without a verified head an incremental run is a full one: after a problem, not on every checkpoint.
    if (incremental && !this.verified && performance.now() - this.lastFullAt < FULL_AGAIN_AFTER_MS) return;
    await this.verify(incremental).catch((error: unknown) => logger.error('audit log verification failed to run', { error: (error as Error).name }));
  }

  async verify(incremental = false): Promise<LogVerification> {
    while (this.running) await this.running.catch(() => undefined);
    this.running = (incremental && this.verified ? this.incremental(this.verified) : this.full()).then((result) => this.conclude(result));
    try {
      return await this.running;
    } finally {
      this.running = null;
    }
  }

  private conclude(result: LogVerification): LogVerification {
    const before = this.newest?.problem ?? null;
    this.newest = result;
    for (const problem of AUDIT_PROBLEMS) transparencyMetrics.verificationProblem.set({ problem }, result.problems.includes(problem) ? 1 : 0);
    if (result.problem && result.problem !== before) {
      logger.error('audit log verification found a problem', { problem: result.problem, problems: result.problems, firstBrokenSeq: result.firstBrokenSeq, witnessedSize: result.witnessedSize });
    }
    return result;
  }

  private witnessed(): { checkpoints: SignedCheckpoint[]; size: number } {
    const checkpoints = this.publisher.witnesses.map((w) => w.held()).filter((c): c is SignedCheckpoint => c !== null);
    const size = Math.max(0, ...this.publisher.witnesses.map((w) => w.heldSize()), ...checkpoints.map((c) => c.size));
    return { checkpoints, size };
  }

  private async missingGuards(): Promise<boolean> {
    const rows: Array<{ name: string }> =
      this.db.dialect.name === 'mysql'
        ? await this.db.manager.query('SELECT TRIGGER_NAME AS name FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()')
        : await this.db.manager.query("SELECT name FROM sqlite_master WHERE type = 'trigger'");
    const present = new Set(rows.map((r) => r.name));
    return APPEND_ONLY_TABLES.some((t) => !present.has(`${t}_no_update`) || !present.has(`${t}_no_delete`));
  }

  /** Signatures of every checkpoint held by a witness and of the newest stored one. */
  private async signaturesValid(witnessed: SignedCheckpoint[]): Promise<{ ok: boolean; stored: SignedCheckpoint | null }> {
    const stored = await this.publisher.stored().catch(() => null);
    const all = stored ? [...witnessed, stored] : witnessed;
    const ok = all.every((c) => c.origin === this.publisher.origin && verifiedBy(c.parsed, this.publisher.keys.verifiers).length > 0);
    return { ok, stored };
  }

  private async common(findings: Findings, roots: Map<number, Buffer>, headSeq: number, witnessed: { checkpoints: SignedCheckpoint[]; size: number }) {
    if (headSeq < witnessed.size) {
      findings.problems.add('TRUNCATED');
      findings.brokenAt.push(headSeq + 1);
    }
    const signatures = await this.signaturesValid(witnessed.checkpoints);
    if (!signatures.ok) findings.problems.add('SIGNATURE_INVALID');
    const compared = signatures.stored ? [...witnessed.checkpoints, signatures.stored] : witnessed.checkpoints;
    for (const c of compared) {
      const root = roots.get(c.size);
      if (root && !root.equals(c.root)) {
        findings.problems.add('REWRITTEN');
        findings.brokenAt.push(c.size);
      }
    }
    if (await this.missingGuards()) findings.problems.add('GUARDS_MISSING');
    if (this.publisher.witnessStatus().some((s) => s.refusal)) findings.problems.add('WITNESS_REFUSED');
  }

  private result(chain: ChainVerification, findings: Findings, witnessedSize: number, treeSize: number, incremental: boolean): LogVerification {
    if (chain.firstBrokenSeq !== null) findings.problems.add('REWRITTEN');
    if (chain.unlinked > 0) findings.problems.add('UNLINKED');
    const problems = AUDIT_PROBLEMS.filter((p) => findings.problems.has(p));
    const broken = [...findings.brokenAt, ...(chain.firstBrokenSeq === null ? [] : [chain.firstBrokenSeq])];
    return {
      ...chain,
      ok: problems.length === 0,
      firstBrokenSeq: broken.length ? Math.min(...broken) : null,
      problem: problems[0] ?? null,
      problems,
      witnessedSize,
      treeSize,
      incremental,
    };
  }

  /** Every leaf recomputed from the stored entries, the chain included. */
  private async full(): Promise<LogVerification> {
    this.lastFullAt = performance.now();
    await this.linker.linkPending();
    const witnessed = this.witnessed();
    const stored = await this.publisher.stored().catch(() => null);
    const sizes = new Set([...witnessed.checkpoints.map((c) => c.size), ...(stored ? [stored.size] : [])]);
    const mirror = this.mirror();
    const findings: Findings = { problems: new Set(), brokenAt: [] };
    // Entries still arriving count as unlinked in the chain's quick count: look again at those the linker passed over.
    const { chain: read, roots, root, firstMirrorMismatch } = await verifyFull(this.db, this.ranges, sizes, witnessed.size, mirror);
    const chain = read.unlinked > 0 ? { ...read, unlinked: await this.passedOver() } : read;
    if (firstMirrorMismatch !== null) {
      findings.problems.add('REWRITTEN');
      findings.brokenAt.push(firstMirrorMismatch);
    }
    const treeSize = await storedTreeSize(this.db.manager);
    // The stored tree must hold the same root, or the proofs it serves would not match the entries.
    // It may have grown since the chain was read (the linker goes on): compare its prefix of that size.
    if (treeSize < chain.headSeq || !(await this.storedRoot(chain.headSeq))?.equals(root)) findings.problems.add('REWRITTEN');
    await this.common(findings, roots, chain.headSeq, witnessed);
    const result = this.result(chain, findings, witnessed.size, treeSize, false);
    if (result.ok) this.verified = { size: chain.headSeq, root, hash: chain.headHash };
    return result;
  }

  /** The witness that keeps a copy of every leaf hash, if there is one. */
  private mirror(): WitnessLog | null {
    return this.publisher.witnesses.find((w): w is DirectoryWitness => w instanceof DirectoryWitness && w.log.mirrorsLeaves)?.log ?? null;
  }

  /**
   * Entries below the newest linked one (within `window` of it) that have no
   * link once the linker has had its turn. Ids are taken before commit, so an
   * entry may commit after a higher one was linked: it is not counted until
   * the linker has seen it.
   */
  private async passedOver(window?: number): Promise<number> {
    const count = async () => {
      const [{ unlinked }] = await this.db.manager.query(
        `SELECT COUNT(*) AS unlinked FROM audit_entry e LEFT JOIN audit_link l ON l.entry_id = e.id
         WHERE l.entry_id IS NULL AND e.id <= (SELECT COALESCE(MAX(entry_id), 0) FROM audit_link)
         ${window ? `AND e.id >= (SELECT COALESCE(MAX(entry_id), 0) - ${window} FROM audit_link)` : ''}`,
      );
      return Number(unlinked);
    };
    if ((await count()) === 0) return 0;
    await this.linker.linkPending();
    return count();
  }

  private async storedRoot(size: number): Promise<Buffer | null> {
    try {
      return await treeRoot(this.db.manager, size);
    } catch (error) {
      if (error instanceof TreeIncompleteError) return null;
      throw error;
    }
  }

  /**
   * The entries linked since the last verified tree head, recomputed as the
   * full verification does: each link from its entry and the previous link
   * (from the verified head's hash on), each leaf from its entry, compared with
   * the witness's copy of the leaf hashes where it has them; the stored right
   * edge of the tree at the verified size must fold to the verified root (a
   * consistency check), and the root of the recomputed leaves must be the
   * stored tree's and every newer checkpoint's. When the verified part itself
   * no longer matches, a full verification locates the change.
   */
  private async incremental(base: VerifiedHead): Promise<LogVerification> {
    await this.linker.linkPending(false);
    const [{ head }] = await this.db.manager.query('SELECT MAX(seq) AS head FROM audit_link');
    const headSeq = Number(head ?? 0);
    const edge = headSeq >= base.size ? await rightEdge(this.db.manager, base.size).catch(() => null) : null;
    if (edge && !foldSubtrees(edge.map((n) => n.hash)).equals(base.root)) return this.full();
    const witnessed = this.witnessed();
    const stored = await this.publisher.stored().catch(() => null);
    const findings: Findings = { problems: new Set(), brokenAt: [] };
    const treeSize = await storedTreeSize(this.db.manager);
    const roots = new Map<number, Buffer>();
    let builder = new TreeBuilder();
    let chainBroken: number | null = null;
    if (!edge) {
      findings.problems.add(headSeq < base.size ? 'TRUNCATED' : 'REWRITTEN');
      findings.brokenAt.push(Math.min(base.size, headSeq + 1));
    } else {
      builder = new TreeBuilder(base.size, edge);
      roots.set(base.size, base.root);
      const sizes = new Set([...witnessed.checkpoints.map((c) => c.size), ...(stored ? [stored.size] : [])]);
      const mirror = this.mirror();
      const mirrored = mirror ? mirror.leafCount() : 0;
      if (headSeq > base.size) {
        // The same range verification as the full one's (links from the entries, leaves, the link before the range).
        const range = await verifyRange(managerReader(this.db.manager, this.db.dialect), { lo: base.size, hi: headSeq, head: headSeq, sizes: [], leaves: true, witnessed: false });
        chainBroken = range.firstBrokenSeq;
        // the verified head's own link must still be the one verified
        const [at] = base.size > 0 ? await this.db.manager.query(HASH_AT_SQL, [base.size]) : [{ hash: GENESIS_HASH }];
        if (base.size > 0 && at?.hash !== base.hash) chainBroken = base.size;
        const leaves = Buffer.from(range.leaves!.buffer, range.leaves!.byteOffset, range.leaves!.byteLength);
        const copy = mirrored > base.size ? mirror!.leafHashBytes(base.size, Math.min(headSeq, mirrored)) : Buffer.alloc(0);
        if (copy.length && Buffer.compare(copy, leaves.subarray(0, copy.length)) !== 0) {
          for (let i = 0; i < copy.length; i += 32) {
            if (Buffer.compare(copy.subarray(i, i + 32), leaves.subarray(i, i + 32)) !== 0) {
              findings.brokenAt.push(base.size + i / 32 + 1);
              break;
            }
          }
        }
        for (let i = 0; i < leaves.length; i += 32) {
          builder.append(leaves.subarray(i, i + 32));
          if (sizes.has(builder.size)) roots.set(builder.size, builder.root());
        }
      }
      if (findings.brokenAt.length) findings.problems.add('REWRITTEN');
      roots.set(builder.size, builder.root());
      if (treeSize < headSeq || !(await this.storedRoot(headSeq))?.equals(builder.root())) findings.problems.add('REWRITTEN');
      // Checkpoints at or below the verified size: a consistency proof to the verified root.
      for (const c of [...witnessed.checkpoints, ...(stored ? [stored] : [])].filter((c) => c.size < base.size)) {
        const proof = await consistencyProof(this.db.manager, c.size, base.size).catch(() => []);
        if (!verifyConsistency(c.size, base.size, c.root, base.root, proof)) {
          findings.problems.add('REWRITTEN');
          findings.brokenAt.push(c.size);
        }
      }
    }
    await this.common(findings, roots, headSeq, witnessed);
    const unlinked = await this.passedOver(INCREMENTAL_CHUNK);
    const [headRow] = await this.db.manager.query('SELECT hash FROM audit_link WHERE seq = ?', [headSeq]);
    const chain: ChainVerification = {
      ok: true,
      checked: Math.max(0, builder.size - base.size),
      headSeq,
      headHash: headRow?.hash ?? '0'.repeat(64),
      firstBrokenSeq: chainBroken,
      unlinked,
    };
    const result = this.result(chain, findings, witnessed.size, treeSize, true);
    if (result.ok) this.verified = { size: headSeq, root: builder.root(), hash: chain.headHash };
    return result;
  }
}
