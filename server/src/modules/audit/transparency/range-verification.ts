import { hash } from 'node:crypto';
import type { Dialect } from '../../../db/dialect';
import type { AuditEntry } from '../audit-entry.entity';
import { CANONICAL_COLUMNS, ENTRY_COLUMNS, GENESIS_HASH, canonicalEntry } from '../canonical';
import { subtreeLevels, subtreesOf, type Subtree } from './merkle';

/**
 * Full verification of one range of the log: leaves [lo, hi), the links of
 * seq lo+1..hi. Ranges are independent (each link stores its prev_hash), so
 * worker threads verify them in parallel; a range of 2^k leaves starting at a
 * multiple of 2^k is a complete RFC 9162 subtree, so the ranges' subtree
 * hashes combine into exactly the tree one pass over the log would build.
 */
export interface RangeTask {
  lo: number;
  hi: number;
  /** The newest seq of the verification: links missing at the end of a range below it are a break. */
  head: number;
  /** Tree sizes in (lo, hi] whose subtrees come back (hi always comes back). */
  sizes: number[];
  /** Whether the range's leaf hashes come back, to be compared with a witness's copy. */
  leaves: boolean;
  /** Whether a witness holds a checkpoint covering the whole range: then the quick pass may vouch for it. */
  witnessed: boolean;
}

export interface RangeResult {
  lo: number;
  hi: number;
  /** Links read. */
  checked: number;
  /** Links whose entry exists. */
  linkedEntries: number;
  /** As a pass from seq 1 would name it, if the break is in this range. */
  firstBrokenSeq: number | null;
  /** Per size: the hashes of `subtreesOf({ lo, hi: size })`, largest first. */
  edges: Array<{ size: number; hashes: Uint8Array[] }>;
  /** 32 bytes per leaf, when asked for. */
  leaves: Uint8Array | null;
}

/** One link as the range query returns it; `canonical` is the entry's encoding built by the database. */
export type LinkRow = [seq: number, prevHash: string, hash: string, entryId: number | null, canonical: string | null];

/**
 * One link as the quick pass reads it, one string per row (about a quarter
 * cheaper to read than five columns): its prev hash and hash (64 hex digits
 * each), then its entry's encoding built by the database, empty where the
 * database leaves it to the verifier; null where the entry is missing.
 */
export type JoinedLink = string | null;

export interface RangeReader {
  /** Links with seq in [from, to], in seq order. */
  links(from: number, to: number): Promise<LinkRow[]>;
  /** The same links as `JoinedLink`s. */
  joinedLinks(from: number, to: number): Promise<JoinedLink[]>;
  /** The stored hash of the link at `seq`, null if there is none. */
  hashAt(seq: number): Promise<string | null>;
  /** The entries linked at `seqs` as columns, keyed by seq. */
  entries(seqs: number[]): Promise<Map<number, AuditEntry>>;
  /** The stored tree's hashes (hex) of `subtrees`, null where it has none. */
  nodes(subtrees: Subtree[]): Promise<Array<string | null>>;
}

/**
 * Rows per statement, by seq range (an index range, never an OFFSET): small
 * enough that a page's rows die young; pages of 8,192 cost more in garbage
 * collection than they saved in statements.
 */
export const RANGE_PAGE = 1024;

const canonicalSql = (dialect: Dialect) =>
  dialect.jsonArray(CANONICAL_COLUMNS.map(([column, , integer]) => ({ sql: `e.${column}`, integer, json: column === 'changes' })));

const LINKS_OF_RANGE = 'FROM audit_link l LEFT JOIN audit_entry e ON e.id = l.entry_id WHERE l.seq BETWEEN ? AND ? ORDER BY l.seq';

/**
 * The links of a seq range with their entries, each entry's canonical encoding
 * built by the database: one string per row instead of fifteen columns to
 * decode and encode again, about half the cost of reading a row. Its escaping
 * is only trusted where the chain hash over it matches; anywhere else the
 * entry is read as columns and encoded by `canonicalEntry`.
 */
export function linkRowsSql(dialect: Dialect): string {
  return `SELECT l.seq AS seq, l.prev_hash AS prevHash, l.hash AS hash, e.id AS entryId, ${canonicalSql(dialect)} AS canonical ${LINKS_OF_RANGE}`;
}

/** The links of a seq range as `JoinedLink`s. */
export function joinedLinksSql(dialect: Dialect): string {
  const joined = dialect.concat(['l.prev_hash', 'l.hash', `COALESCE(${canonicalSql(dialect)}, '')`]);
  return `SELECT CASE WHEN e.id IS NULL THEN NULL ELSE ${joined} END AS joined ${LINKS_OF_RANGE}`;
}

export function entriesSql(count: number): string {
  return `SELECT l.seq AS linkSeq, ${ENTRY_COLUMNS} FROM audit_link l JOIN audit_entry e ON e.id = l.entry_id
    WHERE l.seq IN (${Array.from({ length: count }, () => '?').join(',')})`;
}

export const HASH_AT_SQL = 'SELECT hash FROM audit_link WHERE seq = ?';
export const NODE_SQL = 'SELECT hash FROM audit_tree_node WHERE level = ? AND idx = ?';

/** The leaf hash of an entry's canonical encoding as a latin1 string: U+0000 is the 0x00 prefix in UTF-8. */
const leafHashOf = (canonical: string): string => hash('sha256', `\0${canonical}`, 'binary');
const chainHashOf = (seq: number, prevHash: string, canonical: string): string => hash('sha256', `${seq}\n${prevHash}\n${canonical}`, 'hex');
/** The leaf of a link whose entry is gone. */
const MISSING_LEAF = leafHashOf('');

interface Doubtful {
  seq: number;
  prevHash: string;
  hash: string;
  inOrder: boolean;
  expectedSeq: number;
}

/**
 * Recomputes the leaves of one range from the stored entries and hashes its
 * subtrees. A witnessed range that agrees with the stored tree has each entry
 * hashed once (its leaf); anywhere else every chain link is recomputed as
 * well, to name the first broken seq.
 */
export async function verifyRange(reader: RangeReader, task: RangeTask, pageSize = RANGE_PAGE): Promise<RangeResult> {
  return (task.witnessed ? await agreeingRange(reader, task, pageSize) : null) ?? exactRange(reader, task, pageSize);
}

/** A range's leaves, 32 bytes each, with a mark per leaf placed. */
class RangeLeaves {
  readonly bytes: Buffer;
  private readonly placed: Uint8Array;
  constructor(private readonly lo: number, readonly count: number) {
    this.bytes = Buffer.from(new ArrayBuffer(count * 32));
    this.placed = new Uint8Array(count);
  }
  /** `leaf` as a latin1 string, as `leafHashOf` returns it. */
  place(seq: number, leaf: string): void {
    this.bytes.write(leaf, (seq - 1 - this.lo) * 32, 32, 'latin1');
    this.placed[seq - 1 - this.lo] = 1;
  }
  fillMissing(): void {
    for (let i = 0; i < this.count; i++) if (!this.placed[i]) this.bytes.write(MISSING_LEAF, i * 32, 32, 'latin1');
  }
}

function rangeResult(task: RangeTask, leaves: Buffer, checked: number, linkedEntries: number, firstBrokenSeq: number | null): RangeResult {
  const { lo, hi } = task;
  const levels = subtreeLevels(leaves, hi - lo);
  const edges = [...new Set([...task.sizes, hi])].map((size) => ({
    size,
    hashes: subtreesOf({ lo, hi: size }).map(({ level, index }) => {
      const at = (index - lo / 2 ** level) * 32;
      return new Uint8Array(levels[level]!.subarray(at, at + 32));
    }),
  }));
  return { lo, hi, checked, linkedEntries, firstBrokenSeq, edges, leaves: task.leaves ? leaves : null };
}

/**
 * The quick pass over a witnessed range, or null where it cannot vouch for
 * it. Every leaf is recomputed from its entry and the range's subtrees must
 * be the stored tree's, whose roots are in turn compared with the witnessed
 * checkpoints: there the tree, not the chain, is what a rewrite cannot get
 * past (a rewrite with the tree recomputed is found by the witnessed root,
 * and at its seq through the witness's leaf hashes). So the links are only
 * checked to follow one another, and the last one's hash recomputed (a link
 * rewritten alone breaks one of the two); the database's encoding is trusted
 * as far as the stored tree agrees with it. Anything else (a gap, a missing
 * entry, a subtree that differs or is not stored) leaves the range to the
 * exact pass. Past the newest witnessed checkpoint only the chain can tell a
 * rewrite whose tree was recomputed, so those ranges always get the exact pass.
 */
async function agreeingRange(reader: RangeReader, task: RangeTask, pageSize: number): Promise<RangeResult | null> {
  const { lo, hi } = task;
  const leaves = Buffer.from(new ArrayBuffer((hi - lo) * 32));
  let prevHash: string | null = lo === 0 ? GENESIS_HASH : await reader.hashAt(lo);
  let last: { seq: number; row: string; canonical?: string } | null = null;
  const page = (from: number) => {
    const rows = reader.joinedLinks(from, Math.min(hi, from + pageSize - 1));
    rows.catch(() => undefined); // awaited below, unless the pass gives up first
    return rows;
  };
  // The next page is asked for before this one is hashed: a database server builds it meanwhile.
  let next = page(lo + 1);
  for (let from = lo + 1; from <= hi; from += pageSize) {
    const to = Math.min(hi, from + pageSize - 1);
    const rows = await next;
    if (to < hi) next = page(to + 1);
    // seq is the key: as many rows as seqs are every seq, in order
    if (rows.length !== to - from + 1) return null;
    // The page's leaves joined, written at once; an entry the database did not encode is encoded after.
    let run = '';
    const unencoded: number[] = [];
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (row === null || row.slice(0, 64) !== prevHash) return null;
      if (row.length === 128) unencoded.push(from + i);
      run += row.length === 128 ? MISSING_LEAF : leafHashOf(row.slice(128));
      prevHash = row.slice(64, 128);
    }
    last = { seq: to, row: rows[rows.length - 1]! };
    leaves.write(run, (from - 1 - lo) * 32, run.length, 'latin1');
    if (unencoded.length) {
      const entries = await reader.entries(unencoded);
      for (const seq of unencoded) {
        const entry = entries.get(seq);
        if (!entry) return null;
        const canonical = canonicalEntry(entry);
        leaves.write(leafHashOf(canonical), (seq - 1 - lo) * 32, 32, 'latin1');
        if (seq === to) last.canonical = canonical;
      }
    }
  }
  if (!last || chainHashOf(last.seq, last.row.slice(0, 64), last.canonical ?? last.row.slice(128)) !== last.row.slice(64, 128)) return null;
  const result = rangeResult(task, leaves, hi - lo, hi - lo, null);
  const stored = await reader.nodes(subtreesOf({ lo, hi }));
  const recomputed = result.edges.find((e) => e.size === hi)!.hashes;
  return stored.every((hex, i) => hex !== null && Buffer.from(recomputed[i]!).toString('hex') === hex) ? result : null;
}

/**
 * Recomputes the chain links and the leaves of one range from the stored
 * entries and hashes its subtrees. A link is intact, as in a pass from seq 1,
 * when it has the expected seq, names the previous link's hash and its hash
 * is that of its entry; the first broken seq is the one such a pass names.
 */
async function exactRange(reader: RangeReader, task: RangeTask, pageSize: number): Promise<RangeResult> {
  const { lo, hi } = task;
  const count = hi - lo;
  const leaves = new RangeLeaves(lo, count);
  const place = (seq: number, leaf: string) => leaves.place(seq, leaf);
  let firstBrokenSeq: number | null = null;
  const broken = (seq: number) => {
    if (firstBrokenSeq === null || seq < firstBrokenSeq) firstBrokenSeq = seq;
  };
  // null when the link before the range is missing: the range's first link then cannot follow it
  let prevHash: string | null = lo === 0 ? GENESIS_HASH : await reader.hashAt(lo);
  let expectedSeq = lo + 1;
  let checked = 0;
  let linkedEntries = 0;
  for (let from = lo + 1; from <= hi; from += pageSize) {
    const rows = await reader.links(from, Math.min(hi, from + pageSize - 1));
    const doubtful: Doubtful[] = [];
    for (const [seq, rowPrev, rowHash, entryId, canonical] of rows) {
      const inOrder = seq === expectedSeq && rowPrev === prevHash;
      if (entryId === null) {
        place(seq, MISSING_LEAF);
        broken(Math.min(seq, expectedSeq));
      } else {
        linkedEntries++;
        if (canonical !== null && chainHashOf(seq, rowPrev, canonical) === rowHash) {
          place(seq, leafHashOf(canonical));
          if (!inOrder) broken(Math.min(seq, expectedSeq));
        } else {
          doubtful.push({ seq, prevHash: rowPrev, hash: rowHash, inOrder, expectedSeq });
        }
      }
      prevHash = rowHash;
      expectedSeq = seq + 1;
      checked++;
    }
    // Rewritten entries, or the database escaped a character otherwise than JSON.stringify: encoded here.
    if (doubtful.length) {
      const entries = await reader.entries(doubtful.map((d) => d.seq));
      for (const d of doubtful) {
        const entry = entries.get(d.seq);
        const canonical = entry ? canonicalEntry(entry) : '';
        place(d.seq, leafHashOf(canonical));
        if (!entry || !d.inOrder || chainHashOf(d.seq, d.prevHash, canonical) !== d.hash) broken(Math.min(d.seq, d.expectedSeq));
      }
    }
  }
  // Links missing at the end of the range: the next link present (there is one up to the head) does not follow.
  if (expectedSeq <= hi && hi < task.head) broken(expectedSeq);
  if (checked < count) leaves.fillMissing();
  return rangeResult(task, leaves.bytes, checked, linkedEntries, firstBrokenSeq);
}
