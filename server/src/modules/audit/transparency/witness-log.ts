import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CheckpointFormatError, parseSignedCheckpoint, type SignedCheckpoint } from './checkpoint';
import { EMPTY_ROOT, TreeBuilder, subtreesOf, verifyConsistency } from './merkle';
import { NoteFormatError, cosign, verifiedBy, type NoteSigner, type NoteVerifier } from './signed-note';

const HASH_SIZE = 32;
const TAIL_BYTES = 64 * 1024;
/** Leaves between two right edges written to `tree-edge`. */
const EDGE_EVERY = 4096;

export type WitnessAnswer =
  | { accepted: true; note: string }
  /** 409: `oldSize` is not the size the witness holds (not a refusal: ask again from `size`). 403/422: refused. */
  | { accepted: false; status: 400 | 403 | 404 | 409 | 422; reason: string; size: number };

/**
 * A witness's storage in one directory, every file append-only: `checkpoints`
 * (one JSON line per accepted checkpoint), `refusals` (one JSON line per
 * refused one) and, when it mirrors the log, `leaf-hashes` (32 bytes per leaf)
 * and `tree-edge` (now and then a line: a size and the right edge of the tree
 * over that many leaves, so a restart does not fold them all again).
 * It accepts a checkpoint only when a consistency proof shows that it extends
 * the newest one it holds (and, mirroring, that the new leaf hashes fold to
 * its root), so an older or forked history is refused.
 */
export class WitnessLog {
  private mirror: TreeBuilder | null = null;

  constructor(
    readonly dir: string,
    readonly origin: string,
    private readonly verifiers: NoteVerifier[],
    private readonly cosigner: NoteSigner | null,
    readonly mirrorsLeaves: boolean,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  private file(name: string): string {
    return join(this.dir, name);
  }

  /** The last line of `name` (read from its end), or null. */
  private lastLine(name: string): string | null {
    const path = this.file(name);
    if (!existsSync(path)) return null;
    const size = statSync(path).size;
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    const fd = openSync(path, 'r');
    try {
      readSync(fd, buffer, 0, length, size - length);
    } finally {
      closeSync(fd);
    }
    const lines = buffer.toString('utf8').split('\n').filter(Boolean);
    return lines[lines.length - 1] ?? null;
  }

  /** The newest accepted checkpoint, read from the end of `checkpoints`. */
  latest(): SignedCheckpoint | null {
    const last = this.lastLine('checkpoints');
    return last ? parseSignedCheckpoint((JSON.parse(last) as { note: string }).note) : null;
  }

  /** How many leaf hashes the mirror holds. */
  leafCount(): number {
    const path = this.file('leaf-hashes');
    return existsSync(path) ? Math.floor(statSync(path).size / HASH_SIZE) : 0;
  }

  /** Mirrored leaf hashes [from, to), 32 bytes each in one buffer. */
  leafHashBytes(from: number, to: number): Buffer {
    const end = Math.min(to, this.leafCount());
    if (end <= from) return Buffer.alloc(0);
    // not zeroed: the read fills it, and only what it read is returned
    const buffer = Buffer.allocUnsafe((end - from) * HASH_SIZE);
    const fd = openSync(this.file('leaf-hashes'), 'r');
    try {
      return buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, from * HASH_SIZE));
    } finally {
      closeSync(fd);
    }
  }

  /** Mirrored leaf hashes [from, to). */
  readLeafHashes(from: number, to: number): Buffer[] {
    const buffer = this.leafHashBytes(from, to);
    return Array.from({ length: buffer.length / HASH_SIZE }, (_, i) => buffer.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE));
  }

  /**
   * The tree over the mirrored leaves, from the newest right edge written to
   * `tree-edge` (where it is whole) and the leaves after it, so a restart
   * folds a few thousand leaves, not the whole log.
   */
  private mirrorTree(): TreeBuilder {
    const count = this.leafCount();
    if (this.mirror?.size === count) return this.mirror;
    const tree = this.storedEdge(count) ?? new TreeBuilder();
    for (let from = tree.size; from < count; from += 65536) for (const leaf of this.readLeafHashes(from, Math.min(count, from + 65536))) tree.append(leaf);
    this.mirror = tree;
    return tree;
  }

  /** The newest stored edge, if it is whole and of at most `count` leaves. */
  private storedEdge(count: number): TreeBuilder | null {
    const [sizeText, ...hashes] = (this.lastLine('tree-edge') ?? '').split(' ');
    const size = Number(sizeText);
    if (!Number.isSafeInteger(size) || size <= 0 || size > count) return null;
    const subtrees = subtreesOf({ lo: 0, hi: size });
    if (hashes.length !== subtrees.length) return null;
    const edge = subtrees.map((s, i) => ({ ...s, hash: Buffer.from(hashes[i]!, 'base64') }));
    // A wrong edge cannot slip through: the next hand-over's leaves would not fold to its root, and it is refused.
    return edge.some((n) => n.hash.length !== HASH_SIZE) ? null : new TreeBuilder(size, edge);
  }

  private refuse(status: 403 | 422, reason: string, size: number, at: string): WitnessAnswer {
    appendFileSync(this.file('refusals'), `${JSON.stringify({ at, size, reason })}\n`);
    return { accepted: false, status, reason, size: this.latest()?.size ?? 0 };
  }

  /**
   * Hands over a signed checkpoint with a consistency proof from `oldSize`
   * (and, for a mirroring witness, the leaf hashes it adds). `at` is only
   * recorded with a refusal.
   */
  add(oldSize: number, proof: Buffer[], note: string, at: string, leaves: Buffer[] = []): WitnessAnswer {
    let checkpoint: SignedCheckpoint;
    try {
      checkpoint = parseSignedCheckpoint(note);
    } catch (error) {
      if (error instanceof CheckpointFormatError || error instanceof NoteFormatError) return { accepted: false, status: 400, reason: error.message, size: 0 };
      throw error;
    }
    const held = this.latest();
    const heldSize = held?.size ?? 0;
    if (checkpoint.origin !== this.origin) return { accepted: false, status: 404, reason: 'unknown log origin', size: heldSize };
    if (verifiedBy(checkpoint.parsed, this.verifiers).length === 0) {
      return this.refuse(403, 'the checkpoint is not signed by a key of the witnessed history', checkpoint.size, at);
    }
    if (oldSize !== heldSize) return { accepted: false, status: 409, reason: `the witness holds size ${heldSize}`, size: heldSize };
    if (checkpoint.size < heldSize) return this.refuse(422, `the checkpoint (size ${checkpoint.size}) is smaller than the witnessed size ${heldSize}`, checkpoint.size, at);
    if (!verifyConsistency(heldSize, checkpoint.size, held?.root ?? EMPTY_ROOT, checkpoint.root, proof)) {
      return this.refuse(422, `the checkpoint (size ${checkpoint.size}) does not extend the witnessed size ${heldSize}`, checkpoint.size, at);
    }
    if (this.mirrorsLeaves) {
      const tree = this.mirrorTree();
      const extended = new TreeBuilder(tree.size, tree.rightEdge());
      for (const leaf of leaves) extended.append(leaf);
      if (extended.size !== checkpoint.size || !extended.root().equals(checkpoint.root)) {
        return this.refuse(422, `the leaf hashes do not fold to the root of size ${checkpoint.size}`, checkpoint.size, at);
      }
      if (leaves.length) {
        appendFileSync(this.file('leaf-hashes'), Buffer.concat(leaves));
        // one edge per EDGE_EVERY leaves: a restart folds at most that many (and those of the last hand-over)
        if (Math.floor(extended.size / EDGE_EVERY) > Math.floor(tree.size / EDGE_EVERY)) {
          appendFileSync(this.file('tree-edge'), `${[extended.size, ...extended.rightEdge().map((n) => n.hash.toString('base64'))].join(' ')}\n`);
        }
      }
      this.mirror = extended;
    }
    if (checkpoint.size === heldSize && held) return { accepted: true, note: this.cosigner ? cosign(note, this.cosigner) : note };
    appendFileSync(this.file('checkpoints'), `${JSON.stringify({ note })}\n`);
    return { accepted: true, note: this.cosigner ? cosign(note, this.cosigner) : note };
  }
}
