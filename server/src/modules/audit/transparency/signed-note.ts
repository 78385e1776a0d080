import { createHash, createPrivateKey, createPublicKey, randomBytes, sign, verify, type KeyObject } from 'node:crypto';

/**
 * Signed notes (C2SP signed-note, as Go's golang.org/x/mod/sumdb/note writes
 * them) with Ed25519 keys. A note is UTF-8 text ending in a newline, a blank
 * line, then one line per signature: `— <key name> <base64(key hash ‖ signature)>`.
 */
const ED25519 = 0x01;
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const SIGNATURE_PREFIX = '\u2014 ';

export class NoteKeyError extends Error {}

/** The 4-byte key hash: SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key), first four bytes, big-endian. */
export function keyHash(name: string, publicKey: Buffer): number {
  return createHash('sha256').update(`${name}\n`).update(Buffer.from([ED25519])).update(publicKey).digest().readUInt32BE(0);
}

function validName(name: string): boolean {
  return name.length > 0 && !/[\s+]/u.test(name);
}

const hex8 = (n: number) => n.toString(16).padStart(8, '0');

export interface NoteVerifier {
  name: string;
  keyHash: number;
  /** The verifier key in note format: `<name>+<hex key hash>+<base64(0x01 ‖ public key)>`. */
  text: string;
  verify(message: Buffer, signature: Buffer): boolean;
}

export interface NoteSigner {
  name: string;
  keyHash: number;
  sign(message: Buffer): Buffer;
  verifier: NoteVerifier;
}

function verifierOf(name: string, publicKey: Buffer): NoteVerifier {
  const hash = keyHash(name, publicKey);
  const key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, publicKey]), format: 'der', type: 'spki' });
  return {
    name,
    keyHash: hash,
    text: `${name}+${hex8(hash)}+${Buffer.concat([Buffer.from([ED25519]), publicKey]).toString('base64')}`,
    verify: (message, signature) => signature.length === 64 && verify(null, message, key, signature),
  };
}

function publicKeyOf(privateKey: KeyObject): Buffer {
  return createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length);
}

/** Splits at the first `fields - 1` plus signs: names hold none, the base64 key may. */
function keyParts(text: string, fields: number): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  for (let i = 0; i < fields - 1; i++) {
    const plus = rest.indexOf('+');
    if (plus < 0) throw new NoteKeyError('the key is not in note key format');
    parts.push(rest.slice(0, plus));
    rest = rest.slice(plus + 1);
  }
  return [...parts, rest];
}

function decodeKey(name: string, hashHex: string, b64: string): Buffer {
  if (!validName(name)) throw new NoteKeyError('the key name is empty or holds a space or "+"');
  if (!/^[0-9a-f]{8}$/.test(hashHex)) throw new NoteKeyError('the key hash is not 8 hexadecimal digits');
  const bytes = Buffer.from(b64, 'base64');
  if (bytes.length !== 33 || bytes[0] !== ED25519 || bytes.toString('base64') !== b64) throw new NoteKeyError('the key is not an Ed25519 key');
  return bytes.subarray(1);
}

/** Parses a verifier key `<name>+<hex key hash>+<base64 key>`. */
export function parseVerifierKey(text: string): NoteVerifier {
  const [name, hashHex, b64] = keyParts(text, 3) as [string, string, string];
  const verifier = verifierOf(name, decodeKey(name, hashHex, b64));
  if (hex8(verifier.keyHash) !== hashHex) throw new NoteKeyError('the key hash does not match the key');
  return verifier;
}

/** Parses a signer key `PRIVATE+KEY+<name>+<hex key hash>+<base64 key>`, as note.GenerateKey writes it. */
export function parseSignerKey(text: string): NoteSigner {
  const [p, k, name, hashHex, b64] = keyParts(text, 5) as [string, string, string, string, string];
  if (p !== 'PRIVATE' || k !== 'KEY') throw new NoteKeyError('a signer key starts with PRIVATE+KEY+');
  const seed = decodeKey(name, hashHex, b64);
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const verifier = verifierOf(name, publicKeyOf(privateKey));
  if (hex8(verifier.keyHash) !== hashHex) throw new NoteKeyError('the key hash does not match the key');
  return { name, keyHash: verifier.keyHash, verifier, sign: (message) => sign(null, message, privateKey) };
}

/** A new Ed25519 key pair in note format. */
export function generateKey(name: string): { signerKey: string; verifierKey: string } {
  if (!validName(name)) throw new NoteKeyError('the key name is empty or holds a space or "+"');
  const seed = randomBytes(32);
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const verifier = verifierOf(name, publicKeyOf(privateKey));
  const signerKey = `PRIVATE+KEY+${name}+${hex8(verifier.keyHash)}+${Buffer.concat([Buffer.from([ED25519]), seed]).toString('base64')}`;
  return { signerKey, verifierKey: verifier.text };
}

/** One signature line of a note. */
export function signatureLine(signer: NoteSigner, text: string): string {
  const prefix = Buffer.alloc(4);
  prefix.writeUInt32BE(signer.keyHash);
  return `${SIGNATURE_PREFIX}${signer.name} ${Buffer.concat([prefix, signer.sign(Buffer.from(text, 'utf8'))]).toString('base64')}\n`;
}

/** Signs `text` (which ends in a newline) with every signer. */
export function signNote(text: string, signers: NoteSigner[]): string {
  if (!text.endsWith('\n')) throw new Error('note text must end in a newline');
  return `${text}\n${signers.map((s) => signatureLine(s, text)).join('')}`;
}

export interface NoteSignature {
  name: string;
  keyHash: number;
  signature: Buffer;
  line: string;
}

export interface ParsedNote {
  text: string;
  signatures: NoteSignature[];
}

export class NoteFormatError extends Error {}

/** Splits a note into its text and signatures (without checking them). */
export function parseNote(note: string): ParsedNote {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new NoteFormatError('not a signed note');
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  const signatures = lines.map((line) => {
    const match = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/u.exec(line);
    if (!match) throw new NoteFormatError('a signature line is malformed');
    const bytes = Buffer.from(match[2]!, 'base64');
    if (bytes.length < 5) throw new NoteFormatError('a signature line is malformed');
    return { name: match[1]!, keyHash: bytes.readUInt32BE(0), signature: bytes.subarray(4), line: `${line}\n` };
  });
  if (signatures.length === 0) throw new NoteFormatError('the note carries no signature');
  return { text, signatures };
}

/** The verifiers among `verifiers` whose signature on the note is present and valid. */
export function verifiedBy(note: ParsedNote, verifiers: NoteVerifier[]): NoteVerifier[] {
  const message = Buffer.from(note.text, 'utf8');
  return verifiers.filter((v) => note.signatures.some((s) => s.name === v.name && s.keyHash === v.keyHash && v.verify(message, s.signature)));
}

/** Adds a signer's line to an existing note (a witness's cosignature). */
export function cosign(note: string, signer: NoteSigner): string {
  const parsed = parseNote(note);
  return `${note}${signatureLine(signer, parsed.text)}`;
}
