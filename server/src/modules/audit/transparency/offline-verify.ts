import { CANONICAL_COLUMNS } from '../canonical';
import { parseSignedCheckpoint } from './checkpoint';
import { InclusionChecker, leafHash } from './merkle';
import { parseVerifierKey, verifiedBy } from './signed-note';

/** The entry columns in canonical order (canonical.ts) as the export names them. */
const CANONICAL_FIELDS = CANONICAL_COLUMNS.map(([column, property]) => (column === 'fields' ? column : property));

export interface OfflineReport {
  ok: boolean;
  treeSize: number;
  verified: number;
  /** One line per problem: the export line number and what is wrong. No entry content. */
  problems: string[];
}

const fromB64 = (s: unknown): Buffer | null => (typeof s === 'string' && Buffer.from(s, 'base64').toString('base64') === s ? Buffer.from(s, 'base64') : null);
/** Exactly the base64 of 32 bytes (the last digit before the padding carries 4 bits, its low two zero). */
const HASH_B64 = /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/;

/**
 * Checks a JSONL export against a signed checkpoint with nothing but the
 * verifier key: the checkpoint's signature, then for every line that its
 * fields encode canonically to exactly its leaf bytes and that the leaf is
 * included in the checkpoint's tree (RFC 9162 inclusion proof). A filtered
 * export verifies the same way, line by line; the proofs of a whole export
 * share their nodes, each hashed once (InclusionChecker).
 */
export function verifyExport(exportText: string, checkpointNote: string, verifierKey: string): OfflineReport {
  const verifier = parseVerifierKey(verifierKey);
  const checkpoint = parseSignedCheckpoint(checkpointNote.replace(/\r\n/g, '\n'));
  const problems: string[] = [];
  if (checkpoint.origin !== verifier.name || verifiedBy(checkpoint.parsed, [verifier]).length === 0) {
    return { ok: false, treeSize: checkpoint.size, verified: 0, problems: ['the checkpoint is not signed by this verifier key'] };
  }
  const inclusion = new InclusionChecker(checkpoint.size, checkpoint.root);
  let verified = 0;
  let at = 0;
  for (let number = 1; at < exportText.length; number++) {
    const end = exportText.indexOf('\n', at);
    const text = exportText.slice(at, end < 0 ? exportText.length : end);
    at = end < 0 ? exportText.length : end + 1;
    if (!text.trim()) continue;
    const problem = checkLine(text, checkpoint.size, inclusion);
    if (problem) problems.push(`line ${number}: ${problem}`);
    else verified++;
  }
  return { ok: problems.length === 0 && verified > 0, treeSize: checkpoint.size, verified, problems };
}

function checkLine(text: string, treeSize: number, inclusion: InclusionChecker): string | null {
  let line: Record<string, unknown>;
  try {
    line = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return 'not JSON';
  }
  const proof = line.inclusionProof;
  if (typeof line.leafData !== 'string' || !Array.isArray(proof) || !proof.every((h) => typeof h === 'string' && HASH_B64.test(h))) {
    return 'no leaf bytes or inclusion proof (entry not covered by this checkpoint)';
  }
  if (line.treeSize !== treeSize) {
    if (!fromB64(line.leafData)) return 'no leaf bytes or inclusion proof (entry not covered by this checkpoint)';
    return `proven against tree size ${String(line.treeSize)}, not the checkpoint's ${treeSize}`;
  }
  const leaf = Buffer.from(JSON.stringify(CANONICAL_FIELDS.map((field) => line[field] ?? null)), 'utf8');
  if (leaf.toString('base64') !== line.leafData || line.leafIndex !== Number(line.seq) - 1) {
    return fromB64(line.leafData) ? "the entry's fields are not its leaf bytes" : 'no leaf bytes or inclusion proof (entry not covered by this checkpoint)';
  }
  const hashes = proof as string[];
  if (!inclusion.check(Number(line.leafIndex), leafHash(leaf), hashes.length, (i) => Buffer.from(hashes[i]!, 'base64'))) {
    return "the inclusion proof does not lead to the checkpoint's root";
  }
  return null;
}
