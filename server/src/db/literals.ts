/**
 * SQL literals for values the server makes itself (sequence numbers, hex
 * digests, its own timestamps), written into a statement instead of bound:
 * the driver's per-character escaping of thousands of such values is a large
 * part of a bulk insert's cost. Each value is checked to be exactly what it
 * claims, so nothing else can reach a statement this way; anything that
 * fails the check throws.
 */
export class LiteralError extends Error {
  override name = 'LiteralError';
}

/** A non-negative integer. */
export function integerLiteral(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new LiteralError('not a non-negative integer');
  return String(value);
}

const HEX_DIGEST = /^[0-9a-f]{64}$/;

/** A SHA-256 digest as 64 lower-case hex digits, quoted. */
export function hexDigestLiteral(value: string): string {
  if (typeof value !== 'string' || !HEX_DIGEST.test(value)) throw new LiteralError('not a hex SHA-256 digest');
  return `'${value}'`;
}

/** A SHA-256 digest (32 bytes) as hex, quoted. */
export function digestLiteral(digest: Buffer): string {
  if (!Buffer.isBuffer(digest) || digest.length !== 32) throw new LiteralError('not a SHA-256 digest');
  return `'${digest.toString('hex')}'`;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** An instant as Date.toISOString writes it (as the server stores instants), quoted. */
export function isoInstantLiteral(value: string): string {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) throw new LiteralError('not an ISO instant');
  return `'${value}'`;
}
