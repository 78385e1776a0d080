import crypto, { createHash } from 'node:crypto';
import type { AuditEntry } from './audit-entry.entity';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * The entry's columns in the order of its canonical encoding: the column, the
 * property it is read into, and whether it holds an integer.
 */
export const CANONICAL_COLUMNS = [
  ['id', 'id', true],
  ['occurred_at', 'occurredAt', false],
  ['actor_id', 'actorId', true],
  ['actor_role', 'actorRole', false],
  ['action', 'action', false],
  ['entity_type', 'entityType', false],
  ['entity_id', 'entityId', false],
  ['subject_id', 'subjectId', true],
  ['fields', 'fieldList', false],
  ['case_id', 'caseId', true],
  ['reason', 'reason', false],
  ['request_id', 'requestId', false],
  ['client_ip', 'clientIp', false],
  ['outcome', 'outcome', false],
  ['changes', 'changes', false],
] as const satisfies ReadonlyArray<readonly [string, keyof AuditEntry, boolean]>;

/** The entry's columns as the properties of an AuditEntry (row aliases for `canonicalEntry`). */
export const ENTRY_COLUMNS = CANONICAL_COLUMNS.map(([column, property]) => `e.${column} AS ${property}`).join(', ');

/**
 * The canonical encoding of an entry: its stored columns in a fixed order as a
 * JSON array. Every column is a string, an integer or null, stored and returned
 * byte for byte by both databases, so a verifier recomputes exactly this.
 */
export function canonicalEntry(e: AuditEntry): string {
  return JSON.stringify(CANONICAL_COLUMNS.map(([, property]) => e[property]));
}

/** One-shot SHA-256 (node:crypto `hash`, Node ≥ 20.12): about twice as fast as createHash for an entry's few hundred bytes. */
const sha256Hex: (input: string) => string =
  typeof crypto.hash === 'function' ? (input) => crypto.hash('sha256', input, 'hex') : (input) => createHash('sha256').update(input).digest('hex');

/** hash(seq) = SHA-256 over seq, the previous hash and the canonical entry. */
export function linkHash(seq: number, prevHash: string, canonical: string): string {
  return sha256Hex(`${seq}\n${prevHash}\n${canonical}`);
}
