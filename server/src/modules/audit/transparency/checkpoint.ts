import { parseNote, type ParsedNote } from './signed-note';

/** A checkpoint (C2SP tlog-checkpoint): origin, tree size and root hash, as a signed note's text. */
export interface Checkpoint {
  origin: string;
  size: number;
  root: Buffer;
}

export function checkpointText(c: Checkpoint): string {
  return `${c.origin}\n${c.size}\n${c.root.toString('base64')}\n`;
}

export class CheckpointFormatError extends Error {}

/** Reads a checkpoint's body; extension lines after the root are allowed and ignored. */
export function parseCheckpointText(text: string): Checkpoint {
  const [origin, size, root] = text.split('\n');
  const rootBytes = Buffer.from(root ?? '', 'base64');
  if (!origin || !/^(0|[1-9][0-9]{0,15})$/.test(size ?? '') || rootBytes.length !== 32 || rootBytes.toString('base64') !== root) {
    throw new CheckpointFormatError('not a checkpoint: expected origin, tree size and base64 root hash lines');
  }
  return { origin, size: Number(size), root: rootBytes };
}

export interface SignedCheckpoint extends Checkpoint {
  note: string;
  parsed: ParsedNote;
}

export function parseSignedCheckpoint(note: string): SignedCheckpoint {
  const parsed = parseNote(note);
  return { ...parseCheckpointText(parsed.text), note, parsed };
}
