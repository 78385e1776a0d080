import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigError } from '../../../config';
import { NoteKeyError, generateKey, parseSignerKey, parseVerifierKey, type NoteSigner, type NoteVerifier } from './signed-note';

/** Development keys are named so; production refuses them. */
export const DEVELOPMENT_KEY_PREFIX = 'mamori-development';
const DEV_KEY_FILE = 'audit-signing-key.dev';

export class SigningKeyError extends ConfigError {}

export interface SigningKeys {
  signer: NoteSigner;
  /** The current verifier key first, then earlier ones (key rotation). */
  verifiers: NoteVerifier[];
}

/**
 * The checkpoint signing key: AUDIT_SIGNING_KEY, never the database. Outside
 * production a development key is generated once into the data directory.
 */
export function loadSigningKeys(options: { production: boolean; signingKey: string | null; previousVerifierKeys: string[]; dataDir: string }): SigningKeys {
  const devFile = join(options.dataDir, DEV_KEY_FILE);
  let text = options.signingKey;
  if (!text) {
    if (options.production) throw new SigningKeyError('AUDIT_SIGNING_KEY must be set in production (npm run audit-key)');
    if (!existsSync(devFile)) {
      mkdirSync(dirname(devFile), { recursive: true });
      writeFileSync(devFile, `${generateKey(`${DEVELOPMENT_KEY_PREFIX}/${randomBytes(4).toString('hex')}`).signerKey}\n`, { mode: 0o600, flag: 'wx' });
    }
    text = readFileSync(devFile, 'utf8').trim();
  }
  let signer: NoteSigner;
  let previous: NoteVerifier[];
  try {
    signer = parseSignerKey(text);
    previous = options.previousVerifierKeys.map(parseVerifierKey);
  } catch (error) {
    if (error instanceof NoteKeyError) throw new SigningKeyError(`AUDIT_SIGNING_KEY: ${error.message}`);
    throw error;
  }
  if (options.production && (signer.name.startsWith(DEVELOPMENT_KEY_PREFIX) || (existsSync(devFile) && readFileSync(devFile, 'utf8').trim() === text))) {
    throw new SigningKeyError('AUDIT_SIGNING_KEY is a development key; production needs its own (npm run audit-key)');
  }
  return { signer, verifiers: [signer.verifier, ...previous.filter((v) => v.text !== signer.verifier.text)] };
}
