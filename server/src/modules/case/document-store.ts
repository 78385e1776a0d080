import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** The accepted scan formats, recognised by their first bytes (never by a name or a header the client sends). */
const SIGNATURES: Array<{ type: string; extension: string; magic: Buffer }> = [
  { type: 'application/pdf', extension: 'pdf', magic: Buffer.from('%PDF-', 'latin1') },
  { type: 'image/png', extension: 'png', magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { type: 'image/jpeg', extension: 'jpg', magic: Buffer.from([0xff, 0xd8, 0xff]) },
];

export function detectContentType(bytes: Buffer): string | null {
  return SIGNATURES.find((s) => bytes.subarray(0, s.magic.length).equals(s.magic))?.type ?? null;
}

/** The generated reply letter, saved as the electronic form of the disclosure. */
export const LETTER_CONTENT_TYPE = 'text/html; charset=utf-8';

export const extensionOf = (contentType: string) =>
  contentType === LETTER_CONTENT_TYPE ? 'html' : (SIGNATURES.find((s) => s.type === contentType)?.extension ?? 'bin');

/**
 * Case documents at rest: AES-256-GCM under a key derived (HKDF) from
 * AUDIT_HMAC_KEY with its own info string, a random IV per file, and the
 * case and file name bound in as associated data, so a file cannot be moved
 * to another case unnoticed. File: version byte | IV | tag | ciphertext.
 */
export class DocumentStore {
  private readonly key: Buffer;

  constructor(
    private readonly dir: string,
    secret: string,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'mamori', 'case-document-encryption', 32));
  }

  newKey(): string {
    return randomBytes(16).toString('hex');
  }

  async put(caseId: number, storageKey: string, content: Buffer): Promise<void> {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv).setAAD(this.aad(caseId, storageKey));
    const sealed = Buffer.concat([cipher.update(content), cipher.final()]);
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const temporary = join(this.dir, `${storageKey}.part`);
    await writeFile(temporary, Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), sealed]), { mode: 0o600 });
    await rename(temporary, this.path(storageKey));
  }

  async get(caseId: number, storageKey: string): Promise<Buffer> {
    const file = await readFile(this.path(storageKey));
    if (file[0] !== VERSION) throw new Error('unknown document file version');
    const iv = file.subarray(1, 1 + IV_BYTES);
    const tag = file.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv).setAAD(this.aad(caseId, storageKey));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(file.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
  }

  /** Removes the stored file; a file already gone is fine (destruction is idempotent). */
  async remove(storageKey: string): Promise<void> {
    await rm(this.path(storageKey), { force: true });
  }

  private path(storageKey: string): string {
    if (!/^[0-9a-f]{32}$/.test(storageKey)) throw new Error('invalid storage key');
    return join(this.dir, storageKey);
  }

  private aad(caseId: number, storageKey: string): Buffer {
    return Buffer.from(`case-document:${caseId}:${storageKey}`);
  }
}
