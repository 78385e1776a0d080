import { hash } from 'node:crypto';
import type { Dialect } from '../../../db/dialect';
import type { AuditEntry } from '../audit-entry.entity';
import { CANONICAL_COLUMNS, ENTRY_COLUMNS, GENESIS_HASH, canonicalEntry } from '../canonical';
import { subtreeLevels, subtreesOf } from './merkle';

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

export interface RangeReader {
  /** Links with seq in [from, to], in seq order. */
  links(from: number, to: number): Promise<LinkRow[]>;
  /** The stored hash of the link at `seq`, null if there is none. */
  hashAt(seq: number): Promise<string | null>;
  /** The entries linked at `seqs` as columns, keyed by seq. */
  entries(seqs: number[]): Promise<Map<number, AuditEntry>>;
}

/**
 * Rows per statement, by seq range (an index range, never an OFFSET): small
 * enough that a page's rows die young; pages of 8,192 cost more in garbage
 * collection than they saved in statements.
 */
export const RANGE_PAGE = 1024;

/**
 * The links of a seq range with their entries, each entry's canonical encoding
 * built by the database: one string per row instead of fifteen columns to
 * decode and encode again, about half the cost of reading a row. Its escaping
 * is only trusted where the chain hash over it matches; anywhere else the
 * entry is read as columns and encoded by `canonicalEntry`.
 */
export function linkRowsSql(dialect: Dialect): string {
  const canonical = dialect.jsonArray(CANONICAL_COLUMNS.map(([column, , integer]) => ({ sql: `e.${column}`, integer, json: column === 'changes' })));
  return `SELECT l.seq AS seq, l.prev_hash AS prevHash, l.hash AS hash, e.id AS entryId, ${canonical} AS canonical
    FROM audit_link l LEFT JOIN audit_entry e ON e.id = l.entry_id WHERE l.seq BETWEEN ? AND ? ORDER BY l.seq`;
}

export function entriesSql(count: number): string {
  return `SELECT l.seq AS linkSeq, ${ENTRY_COLUMNS} FROM audit_link l JOIN audit_entry e ON e.id = l.entry_id
    WHERE l.seq IN (${Array.from({ length: count }, () => '?').join(',')})`;
}

export const HASH_AT_SQL = 'SELECT hash FROM audit_link WHERE seq = ?';

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
 * Recomputes the chain links and the leaves of one range from the stored
 * entries and hashes its subtrees. A link is intact, as in a pass from seq 1,
 * when it has the expected seq, names the previous link's hash and its hash
 * is that of its entry; the first broken seq is the one such a pass names.
 */
export async function verifyRange(reader: RangeReader, task: RangeTask, pageSize = RANGE_PAGE): Promise<RangeResult> {
  const { lo, hi } = task;
  const count = hi - lo;
  const leaves = Buffer.from(new ArrayBuffer(count * 32));
  const placed = new Uint8Array(count);
  const place = (seq: number, leaf: string) => {
    leaves.write(leaf, (seq - 1 - lo) * 32, 32, 'latin1');
    placed[seq - 1 - lo] = 1;
  };
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
  if (checked < count) for (let i = 0; i < count; i++) if (!placed[i]) leaves.write(MISSING_LEAF, i * 32, 32, 'latin1');
  const levels = subtreeLevels(leaves, count);
  const edges = [...new Set([...task.sizes, hi])].map((size) => ({
    size,
    hashes: subtreesOf({ lo, hi: size }).map(({ level, index }) => {
      const at = (index - lo / 2 ** level) * 32;
      return new Uint8Array(levels[level]!.subarray(at, at + 32));
    }),
  }));
  return { lo, hi, checked, linkedEntries, firstBrokenSeq, edges, leaves: task.leaves ? leaves : null };
}
