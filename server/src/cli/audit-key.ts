import { generateKey } from '../modules/audit/transparency/signed-note';

/**
 * `npm run audit-key -- <name>` prints a new Ed25519 checkpoint signing key
 * (for AUDIT_SIGNING_KEY) and the verifier key to publish. The name is the
 * log's origin, for example `audit.example.co.jp/mamori`.
 */
const name = process.argv[2] ?? 'mamori.example/audit';
try {
  const { signerKey, verifierKey } = generateKey(name);
  process.stdout.write(`AUDIT_SIGNING_KEY=${signerKey}\n# verifier key (publish it; auditors check checkpoints with it):\n${verifierKey}\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}
