import type { Database } from '../../../db/data-source';
import { readHead, type ChainVerification } from '../audit-chain';
import { EMPTY_ROOT, TreeBuilder, foldSubtrees } from './merkle';
import type { RangeResult, RangeTask } from './range-verification';
import type { RangeVerifierPool } from './verify-pool';
import type { WitnessLog } from './witness-log';

/**
 * Ranges are powers of two between these (a complete subtree each), at least
 * four per thread; on a large log ranges of 16,384 leaves (about 30 ms each)
 * keep the last thread to finish from running long after the others.
 */
const MIN_RANGE = 16;
const MAX_RANGE = 16_384;

export function rangeSize(head: number, parallel: number): number {
  let size = MIN_RANGE;
  while (size < MAX_RANGE && size * parallel * 4 < head) size *= 2;
  return size;
}

export interface FullVerification {
  chain: ChainVerification;
  /** The recomputed root at every asked size up to the head, and at the head. */
  roots: Map<number, Buffer>;
  root: Buffer;
  /** The first seq whose recomputed leaf differs from the witness's copy. */
  firstMirrorMismatch: number | null;
}

/** The first leaf index at which two runs of 32-byte hashes differ, or -1. */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  if (Buffer.compare(a.subarray(0, length), b.subarray(0, length)) === 0) return -1;
  for (let i = 0; i < length; i += 32) if (Buffer.compare(a.subarray(i, i + 32), b.subarray(i, i + 32)) !== 0) return i / 32;
  return -1;
}

/**
 * Recomputes the whole log up to the head it finds when it starts: every leaf
 * from the stored entries, and every chain link past `witnessedSize` or where
 * a range does not agree with the stored tree, in ranges verified in parallel
 * (range-verification.ts); the ranges' subtree hashes are folded here into
 * the roots at `sizes` and at the head, and the leaves are compared with a
 * witness's copy where there is one.
 */
export async function verifyFull(
  db: Database,
  pool: RangeVerifierPool,
  sizes: Set<number>,
  witnessedSize: number,
  mirror: WitnessLog | null,
): Promise<FullVerification> {
  const head = await readHead(db.manager);
  const size = rangeSize(head.seq, pool.parallel);
  const mirrored = mirror ? mirror.leafCount() : 0;
  const tasks: RangeTask[] = [];
  for (let lo = 0; lo < head.seq; lo += size) {
    const hi = Math.min(head.seq, lo + size);
    tasks.push({ lo, hi, head: head.seq, sizes: [...sizes].filter((s) => s > lo && s <= hi), leaves: lo < mirrored, witnessed: hi <= witnessedSize });
  }
  // Each range's leaves are compared with the witness's copy as it comes back, while the threads go on.
  let firstMirrorMismatch: number | null = null;
  const results: RangeResult[] = await pool.run(tasks, (r) => {
    if (!mirror || !r.leaves) return;
    const at = firstDifference(r.leaves, mirror.leafHashBytes(r.lo, Math.min(r.hi, mirrored)));
    if (at >= 0 && (firstMirrorMismatch === null || r.lo + at + 1 < firstMirrorMismatch)) firstMirrorMismatch = r.lo + at + 1;
  });
  const roots = new Map<number, Buffer>();
  // The complete ranges before each one, as subtrees of `size` leaves: the left part of every root in it.
  const ranges = new TreeBuilder();
  let checked = 0;
  let linkedEntries = 0;
  let firstBrokenSeq: number | null = null;
  for (const r of results) {
    const left = ranges.rightEdge().map((n) => n.hash);
    for (const edge of r.edges) {
      const hashes = edge.hashes.map((h) => Buffer.from(h.buffer, h.byteOffset, h.byteLength));
      if (sizes.has(edge.size) || edge.size === head.seq) roots.set(edge.size, foldSubtrees([...left, ...hashes]));
      if (edge.size === r.hi && r.hi - r.lo === size) ranges.append(hashes[0]!);
    }
    checked += r.checked;
    linkedEntries += r.linkedEntries;
    if (r.firstBrokenSeq !== null && (firstBrokenSeq === null || r.firstBrokenSeq < firstBrokenSeq)) firstBrokenSeq = r.firstBrokenSeq;
  }
  if (head.seq === 0) roots.set(0, EMPTY_ROOT);
  const root = roots.get(head.seq)!;
  // Unlinked entries, without joining the whole log again: every entry minus those linked up to the head
  // (each link names a distinct entry: UQ_audit_link_entry) minus those linked since.
  const [counts] = await db.manager.query(
    'SELECT (SELECT COUNT(*) FROM audit_entry) AS entries, (SELECT COUNT(*) FROM audit_link WHERE seq > ?) AS later',
    [head.seq],
  );
  const unlinked = Math.max(0, Number(counts.entries) - linkedEntries - Number(counts.later));
  return {
    chain: { ok: firstBrokenSeq === null && unlinked === 0, checked, headSeq: head.seq, headHash: head.hash, firstBrokenSeq, unlinked },
    roots,
    root,
    firstMirrorMismatch,
  };
}
