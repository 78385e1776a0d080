import type { Database } from '../../../db/data-source';
import { badInput, conflict } from '../../../errors';
import type { Caller } from '../../common/caller';
import type { ChainLinker } from '../audit-chain';
import type { AuditEntry } from '../audit-entry.entity';
import { ENTRY_COLUMNS, canonicalEntry } from '../canonical';
import { CheckpointFormatError, parseSignedCheckpoint } from './checkpoint';
import { leafBytes } from './leaf';
import { leafHash } from './merkle';
import type { StoredCheckpoint, WitnessStatus } from './publisher';
import { NoteFormatError, verifiedBy } from './signed-note';
import { consistencyProof, inclusionProof, rangeHashesMany, storedTreeSize, treeRoot } from './tree-store';
import type { Transparency } from './transparency';
import { inclusionRanges } from './merkle';

export interface CheckpointView {
  origin: string;
  treeSize: number;
  rootHash: string;
  note: string;
  verifierKey: string;
  previousVerifierKeys: string[];
  signedAt: string;
}

export interface InclusionProofView {
  treeSize: number;
  leafIndex: number;
  leafData: string;
  leafHash: string;
  hashes: string[];
}

export interface CheckpointCheck {
  signatureValid: boolean;
  treeSize: number;
  /** The log still holds this tree: same root at that size. */
  held: boolean;
}

const b64 = (b: Buffer) => b.toString('base64');

/** Checkpoints and proofs of the audit log, in RFC 9162 / C2SP formats. */
export class AuditProofService {
  constructor(
    private readonly db: Database,
    private readonly linker: ChainLinker,
    private readonly transparency: Transparency,
  ) {}

  /** Links what is committed and signs a checkpoint over it, so the newest checkpoint covers every entry so far. */
  async fresh(): Promise<StoredCheckpoint | null> {
    await this.linker.linkPending(false);
    await this.transparency.publisher.publish();
    return this.transparency.publisher.latest();
  }

  private view(c: StoredCheckpoint): CheckpointView {
    const [current, ...previous] = this.transparency.keys.verifiers;
    return {
      origin: c.origin,
      treeSize: c.size,
      rootHash: b64(c.root),
      note: c.note,
      verifierKey: current!.text,
      previousVerifierKeys: previous.map((v) => v.text),
      signedAt: c.signedAt,
    };
  }

  async checkpoint(caller: Caller): Promise<CheckpointView | null> {
    const c = await this.fresh();
    caller.audit.record('AUDIT_READ', { entityType: 'AuditCheckpoint', reason: c ? `checkpoint ${c.size}` : 'no checkpoint yet' });
    return c && this.view(c);
  }

  /**
   * The newest signed checkpoint, or one signed now where none covers `leaves`
   * yet: a proof of an entry just written is still answered, while proofs of
   * what is signed reuse its checkpoint (signing one per request would make
   * every proof wait for a signature and a witness's disk).
   */
  private async newestCovering(leaves: number): Promise<StoredCheckpoint | null> {
    const latest = await this.transparency.publisher.latest();
    return latest && latest.size >= leaves ? latest : this.fresh();
  }

  /** `size` checked against the stored tree, or the newest checkpoint's size when it is not given. */
  private async sizeOrNewest(size: number | null | undefined, argument: string, covering: number): Promise<number> {
    if (size === null || size === undefined) {
      const newest = await this.newestCovering(covering);
      if (!newest) throw badInput(argument, 'The log has no checkpoint yet');
      return newest.size;
    }
    const treeSize = await storedTreeSize(this.db.manager);
    if (!Number.isInteger(size) || size < 1 || size > treeSize) throw badInput(argument, `${argument} must be between 1 and ${treeSize}`);
    return size;
  }

  async inclusion(seq: number, treeSize: number | null | undefined, caller: Caller): Promise<InclusionProofView> {
    if (!Number.isInteger(seq) || seq < 1) throw badInput('seq', 'seq must be at least 1');
    const size = await this.sizeOrNewest(treeSize, 'treeSize', seq);
    if (seq > size) throw badInput('seq', `seq must not exceed the tree size ${size}`);
    const [row]: AuditEntry[] = await this.db.manager.query(
      `SELECT ${ENTRY_COLUMNS} FROM audit_link l JOIN audit_entry e ON e.id = l.entry_id WHERE l.seq = ?`,
      [seq],
    );
    if (!row) throw conflict('ENTRY_MISSING', `The entry at seq ${seq} is missing from the log; verify the log`);
    const leaf = leafBytes(canonicalEntry(row));
    const hashes = await inclusionProof(this.db.manager, seq - 1, size);
    caller.audit.record('AUDIT_VERIFY', { entityType: 'AuditChain', reason: `inclusion proof of ${seq} in ${size}` });
    return { treeSize: size, leafIndex: seq - 1, leafData: b64(leaf), leafHash: b64(leafHash(leaf)), hashes: hashes.map(b64) };
  }

  async consistency(fromSize: number, toSize: number | null | undefined, caller: Caller): Promise<{ fromSize: number; treeSize: number; hashes: string[] }> {
    const size = await this.sizeOrNewest(toSize, 'toSize', Number.isInteger(fromSize) && fromSize > 1 ? fromSize : 1);
    if (!Number.isInteger(fromSize) || fromSize < 1 || fromSize > size) throw badInput('fromSize', `fromSize must be between 1 and ${size}`);
    const hashes = await consistencyProof(this.db.manager, fromSize, size);
    caller.audit.record('AUDIT_VERIFY', { entityType: 'AuditChain', reason: `consistency proof from ${fromSize} to ${size}` });
    return { fromSize, treeSize: size, hashes: hashes.map(b64) };
  }

  /** A saved signed checkpoint: is its signature ours, and does the log still hold that tree? */
  async check(note: string, caller: Caller): Promise<CheckpointCheck> {
    let checkpoint;
    try {
      checkpoint = parseSignedCheckpoint(note.replace(/\r\n/g, '\n'));
    } catch (error) {
      if (error instanceof CheckpointFormatError || error instanceof NoteFormatError) throw badInput('checkpoint', `Not a signed checkpoint: ${error.message}`);
      throw error;
    }
    await this.linker.linkPending();
    const signatureValid =
      checkpoint.origin === this.transparency.publisher.origin && verifiedBy(checkpoint.parsed, this.transparency.keys.verifiers).length > 0;
    const treeSize = await storedTreeSize(this.db.manager);
    const held = checkpoint.size <= treeSize && (await treeRoot(this.db.manager, checkpoint.size)).equals(checkpoint.root);
    caller.audit.record('AUDIT_VERIFY', {
      entityType: 'AuditCheckpoint',
      reason: `saved checkpoint ${checkpoint.size}: signature ${signatureValid ? 'valid' : 'INVALID'}, ${held ? 'still held' : 'NOT held'}`,
    });
    return { signatureValid, treeSize: checkpoint.size, held: signatureValid && held };
  }

  witnesses(): WitnessStatus[] {
    return this.transparency.publisher.witnessStatus();
  }

  /** Inclusion proofs of many leaves in one tree, for an export. */
  async proofsFor(indices: number[], size: number): Promise<Buffer[][]> {
    return rangeHashesMany(this.db.manager, indices.map((i) => inclusionRanges(i, size)));
  }
}
