import crypto, { createHash } from 'node:crypto';
import type { AuditEntry } from './audit-entry.entity';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * The canonical encoding of an entry: its stored columns in a fixed order as a
 * JSON array. Every column is a string, an integer or null, stored and returned
 * byte for byte by both databases, so a verifier recomputes exactly this.
 */
export function canonicalEntry(e: AuditEntry): string {
  return JSON.stringify([
    e.id,
    e.occurredAt,
    e.actorId,
    e.actorRole,
    e.action,
    e.entityType,
    e.entityId,
    e.subjectId,
    e.fieldList,
    e.caseId,
    e.reason,
    e.requestId,
    e.clientIp,
    e.outcome,
    e.changes,
  ]);
}

/** One-shot SHA-256 (node:crypto `hash`, Node ≥ 20.12): about twice as fast as createHash for an entry's few hundred bytes. */
const sha256Hex: (input: string) => string =
  typeof crypto.hash === 'function' ? (input) => crypto.hash('sha256', input, 'hex') : (input) => createHash('sha256').update(input).digest('hex');

/** hash(seq) = SHA-256 over seq, the previous hash and the canonical entry. */
export function linkHash(seq: number, prevHash: string, canonical: string): string {
  return sha256Hex(`${seq}\n${prevHash}\n${canonical}`);
}
