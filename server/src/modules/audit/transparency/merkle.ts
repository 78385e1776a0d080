import { hash } from 'node:crypto';

/**
 * The Merkle tree of RFC 6962 / RFC 9162 (section 2.1): leaf hash =
 * SHA-256(0x00 ‖ leaf), node hash = SHA-256(0x01 ‖ left ‖ right), split at the
 * largest power of two below the size. Pure functions: the stored tree, the
 * witness and the offline verifier share them.
 */

/** One 0x01 ‖ left ‖ right block, reused: a node hash allocates nothing but its digest. */
const NODE_BLOCK = Buffer.alloc(65);
NODE_BLOCK[0] = 1;
let leafBlock = Buffer.alloc(1024);

// One-shot hash (node:crypto `hash`): no Hash object per leaf or node, the linker's cost per entry.
export function leafHash(leaf: Buffer): Buffer {
  if (leafBlock.length < leaf.length + 1) leafBlock = Buffer.alloc(2 * (leaf.length + 1));
  leafBlock[0] = 0;
  leaf.copy(leafBlock, 1);
  return hash('sha256', leafBlock.subarray(0, leaf.length + 1), 'buffer');
}

/** The leaf hash of UTF-8 text, encoded once into the reused block. */
export function textLeafHash(text: string): Buffer {
  const most = 3 * text.length + 1;
  if (leafBlock.length < most) leafBlock = Buffer.alloc(2 * most);
  leafBlock[0] = 0;
  const length = leafBlock.write(text, 1, 'utf8');
  return hash('sha256', leafBlock.subarray(0, length + 1), 'buffer');
}

export function nodeHash(left: Buffer, right: Buffer): Buffer {
  // a proof's hashes come from outside: any other length is hashed as it is, never cut or padded
  if (left.length !== 32 || right.length !== 32) return hash('sha256', Buffer.concat([NODE_BLOCK.subarray(0, 1), left, right]), 'buffer');
  left.copy(NODE_BLOCK, 1, 0, 32);
  right.copy(NODE_BLOCK, 33, 0, 32);
  return hash('sha256', NODE_BLOCK, 'buffer');
}

/** Nodes hashed before one write of their joined hashes: one write of a long string costs less than one per node. */
export const WRITE_RUN = 1024;

/**
 * The hashes of every complete subtree over `count` consecutive leaf hashes
 * (32 bytes each in `leaves`), bottom up: levels[0] is `leaves`, level j holds
 * floor(count / 2^j) hashes. One scratch buffer and binary (latin1) strings out of the
 * one-shot hash keep it free of a Buffer per node, the cost of hashing a large range.
 */
export function subtreeLevels(leaves: Buffer, count: number): Buffer[] {
  const levels = [leaves];
  const scratch = Buffer.alloc(65);
  scratch[0] = 1;
  for (let m = count; m > 1; m >>= 1) {
    const below = levels[levels.length - 1]!;
    const above = Buffer.allocUnsafe((m >> 1) * 32);
    for (let run = 0; run < m >> 1; run += WRITE_RUN) {
      let hashes = '';
      for (let i = run; i < Math.min(m >> 1, run + WRITE_RUN); i++) {
        below.copy(scratch, 1, i * 64, i * 64 + 64);
        hashes += hash('sha256', scratch, 'binary');
      }
      above.write(hashes, run * 32, hashes.length, 'latin1');
    }
    levels.push(above);
  }
  return levels;
}

/** The root of the empty tree: SHA-256 of nothing. */
export const EMPTY_ROOT = hash('sha256', Buffer.alloc(0), 'buffer');

/** The largest power of two smaller than n (n ≥ 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Leaves [lo, hi) of the tree. */
export interface Range {
  lo: number;
  hi: number;
}

/** A complete subtree: 2^level leaves starting at index · 2^level. */
export interface Subtree {
  level: number;
  index: number;
}

/**
 * The complete subtrees whose hashes make up MTH(D[lo:hi]) for a range that
 * RFC 9162's recursion produces (its left parts are always complete and aligned),
 * largest first; the range's hash folds them from the right.
 */
export function subtreesOf({ lo, hi }: Range): Subtree[] {
  const out: Subtree[] = [];
  while (hi > lo) {
    const n = hi - lo;
    const size = (n & (n - 1)) === 0 && lo % n === 0 ? n : splitPoint(n);
    const level = Math.log2(size);
    out.push({ level, index: lo / size });
    lo += size;
  }
  return out;
}

/** Folds the hashes of `subtreesOf(range)` into the range's hash. */
export function foldSubtrees(hashes: Buffer[]): Buffer {
  if (hashes.length === 0) return EMPTY_ROOT;
  let h = hashes[hashes.length - 1]!;
  for (let i = hashes.length - 2; i >= 0; i--) h = nodeHash(hashes[i]!, h);
  return h;
}

/** The ranges whose hashes form the inclusion proof of leaf m in a tree of n (RFC 9162 2.1.3.1), leaf side first. */
export function inclusionRanges(m: number, n: number): Range[] {
  const path: Range[] = [];
  let lo = 0;
  let hi = n;
  while (hi - lo > 1) {
    const k = splitPoint(hi - lo);
    if (m - lo < k) {
      path.push({ lo: lo + k, hi });
      hi = lo + k;
    } else {
      path.push({ lo, hi: lo + k });
      lo += k;
    }
  }
  return path.reverse();
}

/** The ranges whose hashes form the consistency proof from size m to size n (RFC 9162 2.1.4.1), in proof order. */
export function consistencyRanges(m: number, n: number): Range[] {
  const proof: Range[] = [];
  if (m <= 0 || m >= n) return proof;
  let lo = 0;
  let hi = n;
  let size = m;
  let complete = true;
  for (;;) {
    if (size === hi - lo) {
      if (!complete) proof.push({ lo, hi });
      break;
    }
    const k = splitPoint(hi - lo);
    if (size <= k) {
      proof.push({ lo: lo + k, hi });
      hi = lo + k;
    } else {
      proof.push({ lo, hi: lo + k });
      lo += k;
      size -= k;
      complete = false;
    }
  }
  return proof.reverse();
}

/** Checks an inclusion proof (RFC 9162 2.1.3.2). */
export function verifyInclusion(index: number, size: number, leaf: Buffer, proof: Buffer[], root: Buffer): boolean {
  if (index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/**
 * Checks many inclusion proofs in one tree (RFC 9162 2.1.3.2, walked as the
 * ranges of `inclusionRanges`). The nodes of every proof that reached the root
 * are kept by the range they cover, and a later proof stops where it meets
 * one: equal, it is included; different, it cannot reach the root. A whole
 * export then costs about one node hash per entry instead of log2(size).
 */
export class InclusionChecker {
  private readonly proven = new Map<string, Buffer>();

  constructor(
    private readonly size: number,
    private readonly root: Buffer,
  ) {}

  /** `proof(i)` gives the i-th hash of the audit path, decoded only if it is needed. */
  check(index: number, leaf: Buffer, proofLength: number, proof: (i: number) => Buffer): boolean {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) return false;
    const ranges = inclusionRanges(index, this.size);
    if (proofLength !== ranges.length) return false;
    let lo = index;
    let hi = index + 1;
    let r = leaf;
    const computed: Array<[string, Buffer]> = [];
    for (let i = 0; ; i++) {
      const key = `${lo}:${hi}`;
      const known = this.proven.get(key);
      if (known) {
        if (!known.equals(r)) return false;
        break;
      }
      computed.push([key, r]);
      if (i === ranges.length) {
        if (!r.equals(this.root)) return false;
        break;
      }
      const sibling = ranges[i]!;
      if (sibling.lo === hi) {
        r = nodeHash(r, proof(i));
        hi = sibling.hi;
      } else {
        r = nodeHash(proof(i), r);
        lo = sibling.lo;
      }
    }
    for (const [key, hash] of computed) this.proven.set(key, hash);
    return true;
  }
}

/** Checks a consistency proof from (size1, root1) to (size2, root2) (RFC 9162 2.1.4.2). */
export function verifyConsistency(size1: number, size2: number, root1: Buffer, root2: Buffer, proof: Buffer[]): boolean {
  if (size1 < 0 || size2 < size1) return false;
  if (size1 === size2) return proof.length === 0 && root1.equals(root2);
  if (size1 === 0) return proof.length === 0 && root1.equals(EMPTY_ROOT);
  if (proof.length === 0) return false;
  const path = (size1 & (size1 - 1)) === 0 ? [root1, ...proof] : proof;
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(root1) && sr.equals(root2);
}

/** A stored complete subtree's hash. */
export interface TreeNode extends Subtree {
  hash: Buffer;
}

/**
 * Builds a tree leaf by leaf, keeping only its right edge (one complete
 * subtree per set bit of the size). `append` returns the complete subtrees the
 * leaf finished, the nodes a store keeps.
 */
export class TreeBuilder {
  private edge: TreeNode[];

  constructor(
    private count = 0,
    edge: TreeNode[] = [],
  ) {
    this.edge = [...edge];
  }

  get size(): number {
    return this.count;
  }

  /** `finished`, when given, collects the nodes of many appends (no array per leaf). */
  append(leaf: Buffer, finished: TreeNode[] = []): TreeNode[] {
    let node: TreeNode = { level: 0, index: this.count, hash: leaf };
    finished.push(node);
    this.count++;
    while (this.edge.length > 0 && this.edge[this.edge.length - 1]!.level === node.level) {
      const left = this.edge.pop()!;
      node = { level: node.level + 1, index: left.index / 2, hash: nodeHash(left.hash, node.hash) };
      finished.push(node);
    }
    this.edge.push(node);
    return finished;
  }

  root(): Buffer {
    return foldSubtrees(this.edge.map((n) => n.hash));
  }

  /** The right edge: exactly `subtreesOf({ lo: 0, hi: size })`. */
  rightEdge(): TreeNode[] {
    return [...this.edge];
  }
}
