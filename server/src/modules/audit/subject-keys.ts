import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { SubjectKey } from './subject-key.entity';

/**
 * Per-subject keys for the digests of changed values. Each key is random and
 * stored wrapped (AES-256-GCM) under a key derived from AUDIT_HMAC_KEY;
 * erasing a subject destroys its key, so old digests can no longer be tested
 * against guesses while the chain (which hashes the digests) still verifies.
 */
export class SubjectKeys {
  private readonly wrappingKey: Buffer;

  constructor(auditHmacKey: string) {
    this.wrappingKey = Buffer.from(hkdfSync('sha256', auditHmacKey, 'mamori', 'subject-key-wrap', 32));
  }

  async create(manager: EntityManager, subjectId: number): Promise<void> {
    await manager.insert(SubjectKey, { subjectId, wrappedKey: this.wrap(randomBytes(32)), destroyedAt: null });
  }

  async destroy(manager: EntityManager, subjectId: number, at: string): Promise<void> {
    await manager.update(SubjectKey, { subjectId }, { wrappedKey: null, destroyedAt: at });
  }

  /** Digests of each value under the subject's key; null when the key is destroyed. */
  async digester(manager: EntityManager, subjectId: number): Promise<((field: string, value: unknown) => string) | null> {
    // A plain statement: this runs inside every change of personal data.
    const [row] = (await manager.query('SELECT wrapped_key AS wrappedKey FROM subject_key WHERE subject_id = ?', [subjectId])) as Array<{ wrappedKey: string | null }>;
    if (!row?.wrappedKey) return null;
    const key = this.unwrap(row.wrappedKey);
    return (field, value) =>
      createHmac('sha256', key)
        .update(`${field}\u0000${value === null || value === undefined ? '\u0001null' : String(value)}`)
        .digest('hex');
  }

  private wrap(key: Buffer): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.wrappingKey, iv);
    const sealed = Buffer.concat([cipher.update(key), cipher.final()]);
    return [iv, cipher.getAuthTag(), sealed].map((b) => b.toString('base64url')).join('.');
  }

  private unwrap(wrapped: string): Buffer {
    const [iv, tag, sealed] = wrapped.split('.').map((s) => Buffer.from(s, 'base64url')) as [Buffer, Buffer, Buffer];
    const decipher = createDecipheriv('aes-256-gcm', this.wrappingKey, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed), decipher.final()]);
  }
}
