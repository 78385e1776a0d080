import type { EntityManager } from 'typeorm';
import { parseSignedCheckpoint, type SignedCheckpoint } from './checkpoint';
import { parseNote } from './signed-note';
import { consistencyProof, storedLeafHashes } from './tree-store';
import type { WitnessAnswer, WitnessLog } from './witness-log';

/** A party outside the database that each new checkpoint is handed to. */
export interface Witness {
  readonly name: string;
  readonly kind: 'DIRECTORY' | 'HTTP';
  /** The newest checkpoint the witness is known to hold (as far as this process knows). */
  held(): SignedCheckpoint | null;
  /** The size the witness holds, known even when its checkpoint is not (an HTTP witness that answered 409). */
  heldSize(): number;
  /** Hands over a signed checkpoint with the proof the witness needs. Throws when the witness cannot be reached. */
  submit(manager: EntityManager, checkpoint: SignedCheckpoint, at: string): Promise<WitnessAnswer>;
}

const LEAF_CHUNK = 50_000;

/** The proof from `heldSize`; none when the checkpoint is smaller (the witness refuses it). */
function proofFrom(manager: EntityManager, heldSize: number, size: number): Promise<Buffer[]> {
  return heldSize > 0 && heldSize < size ? consistencyProof(manager, heldSize, size) : Promise.resolve([]);
}

/** The append-only directory witness on the server's own filesystem (or a mounted WORM volume). */
export class DirectoryWitness implements Witness {
  readonly kind = 'DIRECTORY' as const;
  readonly name: string;

  constructor(readonly log: WitnessLog) {
    this.name = `directory ${log.dir}`;
  }

  held(): SignedCheckpoint | null {
    return this.log.latest();
  }

  heldSize(): number {
    return this.log.latest()?.size ?? 0;
  }

  async submit(manager: EntityManager, checkpoint: SignedCheckpoint, at: string): Promise<WitnessAnswer> {
    const heldSize = this.log.latest()?.size ?? 0;
    const proof = await proofFrom(manager, heldSize, checkpoint.size);
    const leaves: Buffer[] = [];
    if (this.log.mirrorsLeaves) {
      for (let from = this.log.leafCount(); from < checkpoint.size; from += LEAF_CHUNK) {
        leaves.push(...(await storedLeafHashes(manager, from, Math.min(checkpoint.size, from + LEAF_CHUNK))));
      }
    }
    return this.log.add(heldSize, proof, checkpoint.note, at, leaves);
  }
}

/**
 * A witness over HTTP in the spirit of C2SP tlog-witness: POST
 * `<url>/add-checkpoint` with `old <size>`, the consistency proof (one base64
 * hash a line), a blank line and the signed checkpoint; 200 answers with the
 * witness's cosignature lines, 409 with the size it holds.
 */
export class HttpWitness implements Witness {
  readonly kind = 'HTTP' as const;
  private knownSize = 0;
  private cosigned: SignedCheckpoint | null = null;

  constructor(
    readonly name: string,
    private readonly timeoutMs = 5000,
  ) {}

  held(): SignedCheckpoint | null {
    return this.cosigned;
  }

  heldSize(): number {
    return this.knownSize;
  }

  async submit(manager: EntityManager, checkpoint: SignedCheckpoint): Promise<WitnessAnswer> {
    let answer = await this.post(manager, checkpoint);
    // 409: the witness holds another size than we thought (after a restart); once more with a proof from there.
    if (!answer.accepted && answer.status === 409) answer = await this.post(manager, checkpoint);
    return answer;
  }

  private async post(manager: EntityManager, checkpoint: SignedCheckpoint): Promise<WitnessAnswer> {
    const proof = await proofFrom(manager, this.knownSize, checkpoint.size);
    const body = `old ${this.knownSize}\n${proof.map((h) => `${h.toString('base64')}\n`).join('')}\n${checkpoint.note}`;
    const res = await fetch(`${this.name.replace(/\/$/, '')}/add-checkpoint`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = (await res.text()).slice(0, 2000);
    if (res.status === 200) {
      const cosignedNote = `${checkpoint.note}${text}`;
      parseNote(cosignedNote);
      this.cosigned = parseSignedCheckpoint(cosignedNote);
      this.knownSize = checkpoint.size;
      return { accepted: true, note: cosignedNote };
    }
    if (res.status === 409 && /^\d+\n?$/.test(text)) {
      this.knownSize = Number(text.trim());
      return { accepted: false, status: 409, reason: `the witness holds size ${this.knownSize}`, size: this.knownSize };
    }
    if (res.status === 403 || res.status === 422 || res.status === 404 || res.status === 400) {
      return { accepted: false, status: res.status, reason: text.trim().split('\n')[0]!.slice(0, 300), size: this.knownSize };
    }
    throw new Error(`the witness answered HTTP ${res.status}`);
  }
}
