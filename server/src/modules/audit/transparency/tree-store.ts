import type { EntityManager } from 'typeorm';
import { digestLiteral, integerLiteral } from '../../../db/literals';
import { StatementPipeline } from '../../../db/statement-pipeline';
import {
  EMPTY_ROOT,
  TreeBuilder,
  consistencyRanges,
  foldSubtrees,
  inclusionRanges,
  subtreesOf,
  type Range,
  type Subtree,
  type TreeNode,
} from './merkle';

/**
 * The stored Merkle tree: `audit_tree_node` keeps the hash of every complete
 * subtree (level, index), about two rows per leaf, as Go's sumdb/tlog keeps
 * its "stored hashes". Any tree head or proof is then a fold over O(log n)
 * stored hashes, read in one statement.
 */

/** Nodes per INSERT: a linking batch's (about two per leaf) in two statements, each a round trip that waits behind the requests under load. */
const INSERT_CHUNK = 5000;

export class TreeIncompleteError extends Error {}

/** The number of leaves in the stored tree. */
export async function storedTreeSize(manager: EntityManager): Promise<number> {
  const [row] = await manager.query('SELECT MAX(idx) AS last FROM audit_tree_node WHERE level = 0');
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

const key = (s: Subtree) => `${s.level}/${s.index}`;

/** Stored nodes per statement: a proof's (one to three per level) in one round trip, an export's many proofs in a few. */
const READ_CHUNK = 500;

/** The stored hashes of `subtrees`, in their order; a missing one means the tree was tampered with or not built. */
export async function readNodes(manager: EntityManager, subtrees: Subtree[]): Promise<Buffer[]> {
  const wanted = [...new Map(subtrees.map((s) => [key(s), s])).values()].sort((a, b) => a.level - b.level || a.index - b.index);
  const found = new Map<string, Buffer>();
  for (let i = 0; i < wanted.length; i += READ_CHUNK) {
    // each level's indices as one primary-key range list: the levels of a statement are read together
    const byLevel = new Map<number, number[]>();
    for (const s of wanted.slice(i, i + READ_CHUNK)) {
      const indices = byLevel.get(s.level);
      if (indices) indices.push(s.index);
      else byLevel.set(s.level, [s.index]);
    }
    const levels = [...byLevel];
    const rows: Array<{ level: number; idx: number; hash: string }> = await manager.query(
      `SELECT level, idx, hash FROM audit_tree_node WHERE ${levels.map(([, indices]) => `(level = ? AND idx IN (${indices.map(() => '?').join(',')}))`).join(' OR ')}`,
      levels.flatMap(([level, indices]) => [level, ...indices]),
    );
    for (const r of rows) found.set(key({ level: Number(r.level), index: Number(r.idx) }), Buffer.from(r.hash, 'hex'));
  }
  return subtrees.map((s) => {
    const hash = found.get(key(s));
    if (!hash) throw new TreeIncompleteError(`the stored tree lacks node ${key(s)}`);
    return hash;
  });
}

/** The hashes of several ranges, reading every stored node they need at once. */
export async function rangeHashes(manager: EntityManager, ranges: Range[]): Promise<Buffer[]> {
  return (await rangeHashesMany(manager, [ranges]))[0]!;
}

/** The hashes of several lists of ranges (many proofs), with one read of all the nodes they need. */
export async function rangeHashesMany(manager: EntityManager, lists: Range[][]): Promise<Buffer[][]> {
  const parts = lists.map((ranges) => ranges.map(subtreesOf));
  const hashes = await readNodes(manager, parts.flat(2));
  let at = 0;
  return parts.map((list) => list.map((p) => foldSubtrees(hashes.slice(at, (at += p.length)))));
}

export async function treeRoot(manager: EntityManager, size: number): Promise<Buffer> {
  return size === 0 ? EMPTY_ROOT : (await rangeHashes(manager, [{ lo: 0, hi: size }]))[0]!;
}

/** The right edge of the stored tree of `size` leaves: what a builder needs to go on from there. */
export async function rightEdge(manager: EntityManager, size: number): Promise<TreeNode[]> {
  const subtrees = subtreesOf({ lo: 0, hi: size });
  const hashes = await readNodes(manager, subtrees);
  return subtrees.map((s, i) => ({ ...s, hash: hashes[i]! }));
}

/**
 * Appends leaf hashes at index `from` (the tree's current size) and stores
 * every subtree they complete; returns the new right edge. `edge`, when
 * given, is the right edge at `from` (the linker keeps it between batches
 * instead of reading it back).
 */
export async function appendLeaves(manager: EntityManager, from: number, leaves: Buffer[], edge?: TreeNode[]): Promise<TreeNode[]> {
  const builder = new TreeBuilder(from, edge ?? (await rightEdge(manager, from)));
  // literal rows of checked numbers and digests (binding makes the driver escape 3 values per node), inserted while the next are hashed
  const statements = new StatementPipeline();
  const insert = (rows: string[]) => statements.send(manager.query(`INSERT INTO audit_tree_node (level, idx, hash) VALUES ${rows.join(',')}`));
  const nodes: TreeNode[] = [];
  let rows: string[] = [];
  for (const leaf of leaves) {
    builder.append(leaf, nodes);
    for (const n of nodes) rows.push(`(${integerLiteral(n.level)},${integerLiteral(n.index)},${digestLiteral(n.hash)})`);
    nodes.length = 0;
    if (rows.length >= INSERT_CHUNK) {
      await insert(rows);
      rows = [];
    }
  }
  if (rows.length > 0) await insert(rows);
  await statements.drain();
  return builder.rightEdge();
}

/** RFC 9162 audit path of leaf `index` in the tree of `size`, leaf side first. */
export function inclusionProof(manager: EntityManager, index: number, size: number): Promise<Buffer[]> {
  return rangeHashes(manager, inclusionRanges(index, size));
}

/** RFC 9162 consistency proof from `fromSize` to `size`. */
export function consistencyProof(manager: EntityManager, fromSize: number, size: number): Promise<Buffer[]> {
  return rangeHashes(manager, consistencyRanges(fromSize, size));
}

/** The stored leaf hashes of [from, to), in order. */
export async function storedLeafHashes(manager: EntityManager, from: number, to: number): Promise<Buffer[]> {
  const rows: Array<{ hash: string }> = await manager.query(
    'SELECT hash FROM audit_tree_node WHERE level = 0 AND idx >= ? AND idx < ? ORDER BY idx',
    [from, to],
  );
  if (rows.length !== to - from) throw new TreeIncompleteError(`the stored tree lacks leaves between ${from} and ${to}`);
  return rows.map((r) => Buffer.from(r.hash, 'hex'));
}
