import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CheckpointFormatError, parseSignedCheckpoint, type SignedCheckpoint } from './checkpoint';
import { EMPTY_ROOT, TreeBuilder, verifyConsistency } from './merkle';
import { NoteFormatError, cosign, verifiedBy, type NoteSigner, type NoteVerifier } from './signed-note';

const HASH_SIZE = 32;
const TAIL_BYTES = 64 * 1024;

export type WitnessAnswer =
  | { accepted: true; note: string }
  /** 409: `oldSize` is not the size the witness holds (not a refusal: ask again from `size`). 403/422: refused. */
  | { accepted: false; status: 400 | 403 | 404 | 409 | 422; reason: string; size: number };

/**
 * A witness's storage in one directory, every file append-only: `checkpoints`
 * (one JSON line per accepted checkpoint), `refusals` (one JSON line per
 * refused one) and, when it mirrors the log, `leaf-hashes` (32 bytes per leaf).
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

  /** The newest accepted checkpoint, read from the end of `checkpoints`. */
  latest(): SignedCheckpoint | null {
    const path = this.file('checkpoints');
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
    const last = lines[lines.length - 1];
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

  private mirrorTree(): TreeBuilder {
    if (!this.mirror || this.mirror.size !== this.leafCount()) {
      const builder = new TreeBuilder();
      const count = this.leafCount();
      for (let from = 0; from < count; from += 65536) for (const leaf of this.readLeafHashes(from, from + 65536)) builder.append(leaf);
      this.mirror = builder;
    }
    return this.mirror;
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
      if (leaves.length) appendFileSync(this.file('leaf-hashes'), Buffer.concat(leaves));
      this.mirror = extended;
    }
    if (checkpoint.size === heldSize && held) return { accepted: true, note: this.cosigner ? cosign(note, this.cosigner) : note };
    appendFileSync(this.file('checkpoints'), `${JSON.stringify({ note })}\n`);
    return { accepted: true, note: this.cosigner ? cosign(note, this.cosigner) : note };
  }
}
