import { parseSignedCheckpoint } from './checkpoint';
import { leafHash, verifyInclusion } from './merkle';
import { parseVerifierKey, verifiedBy } from './signed-note';

/** The entry columns in canonical order (canonical.ts) as the export names them. */
const CANONICAL_FIELDS = [
  'id', 'occurredAt', 'actorId', 'actorRole', 'action', 'entityType', 'entityId', 'subjectId',
  'fields', 'caseId', 'reason', 'requestId', 'clientIp', 'outcome', 'changes',
] as const;

export interface OfflineReport {
  ok: boolean;
  treeSize: number;
  verified: number;
  /** One line per problem: the export line number and what is wrong. No entry content. */
  problems: string[];
}

const fromB64 = (s: unknown): Buffer | null => (typeof s === 'string' && Buffer.from(s, 'base64').toString('base64') === s ? Buffer.from(s, 'base64') : null);

/**
 * Checks a JSONL export against a signed checkpoint with nothing but the
 * verifier key: the checkpoint's signature, then for every line that its
 * fields are exactly its leaf bytes and that the leaf is included in the
 * checkpoint's tree (RFC 9162 inclusion proof). A filtered export verifies
 * the same way, line by line.
 */
export function verifyExport(exportText: string, checkpointNote: string, verifierKey: string): OfflineReport {
  const verifier = parseVerifierKey(verifierKey);
  const checkpoint = parseSignedCheckpoint(checkpointNote.replace(/\r\n/g, '\n'));
  const problems: string[] = [];
  if (checkpoint.origin !== verifier.name || verifiedBy(checkpoint.parsed, [verifier]).length === 0) {
    return { ok: false, treeSize: checkpoint.size, verified: 0, problems: ['the checkpoint is not signed by this verifier key'] };
  }
  let verified = 0;
  exportText.split('\n').forEach((text, i) => {
    if (!text.trim()) return;
    const at = `line ${i + 1}`;
    let line: Record<string, unknown>;
    try {
      line = JSON.parse(text) as Record<string, unknown>;
    } catch {
      problems.push(`${at}: not JSON`);
      return;
    }
    const leaf = fromB64(line.leafData);
    const proof = Array.isArray(line.inclusionProof) ? line.inclusionProof.map(fromB64) : null;
    if (!leaf || !proof || proof.some((h) => !h || h.length !== 32)) {
      problems.push(`${at}: no leaf bytes or inclusion proof (entry not covered by this checkpoint)`);
      return;
    }
    if (line.treeSize !== checkpoint.size) {
      problems.push(`${at}: proven against tree size ${String(line.treeSize)}, not the checkpoint's ${checkpoint.size}`);
      return;
    }
    let decoded: unknown;
    try {
      decoded = JSON.parse(leaf.toString('utf8'));
    } catch {
      decoded = null;
    }
    const matches =
      Array.isArray(decoded) &&
      decoded.length === CANONICAL_FIELDS.length &&
      CANONICAL_FIELDS.every((field, k) => JSON.stringify(decoded[k]) === JSON.stringify(line[field] ?? null)) &&
      line.leafIndex === Number(line.seq) - 1;
    if (!matches) {
      problems.push(`${at}: the entry's fields are not its leaf bytes`);
      return;
    }
    if (!verifyInclusion(Number(line.leafIndex), checkpoint.size, leafHash(leaf), proof as Buffer[], checkpoint.root)) {
      problems.push(`${at}: the inclusion proof does not lead to the checkpoint's root`);
      return;
    }
    verified++;
  });
  return { ok: problems.length === 0 && verified > 0, treeSize: checkpoint.size, verified, problems };
}
