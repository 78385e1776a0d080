import { cosign, generateKey, parseNote, parseSignerKey, parseVerifierKey, signNote, verifiedBy } from './signed-note';

// A key pair written by Go's note.GenerateKey (golang.org/x/mod/sumdb/note).
const GO_SIGNER = 'PRIVATE+KEY+test.example/log+e2042d3c+AYgk65tGP6sLKEoCE5iBSxFv7x5eTx7n5NImEpZOg0iv';
const GO_VERIFIER = 'test.example/log+e2042d3c+AS7w49ew0CRLE0+DUHUfBHjbHWMIn4T0L1RYA6HgbvvB';

describe('signed notes', () => {
  test('a signer key written by Go yields the verifier key Go wrote', () => {
    expect(parseSignerKey(GO_SIGNER).verifier.text).toBe(GO_VERIFIER);
    expect(parseVerifierKey(GO_VERIFIER).keyHash).toBe(0xe2042d3c);
  });

  test('a signed note verifies; a changed text, another key or a wrong key hash does not', () => {
    const signer = parseSignerKey(GO_SIGNER);
    const note = signNote('test.example/log\n3\nAAAA\n', [signer]);
    expect(note).toMatch(/^test\.example\/log\n3\nAAAA\n\n\u2014 test\.example\/log [A-Za-z0-9+/]+=*\n$/u);
    expect(verifiedBy(parseNote(note), [signer.verifier])).toHaveLength(1);
    expect(verifiedBy(parseNote(note.replace('\n3\n', '\n4\n')), [signer.verifier])).toHaveLength(0);
    const other = parseVerifierKey(generateKey('test.example/log').verifierKey);
    expect(verifiedBy(parseNote(note), [other])).toHaveLength(0);
    const witness = parseSignerKey(generateKey('witness.example').signerKey);
    const cosigned = cosign(note, witness);
    expect(verifiedBy(parseNote(cosigned), [signer.verifier, witness.verifier])).toHaveLength(2);
  });

  test('malformed keys are refused', () => {
    expect(() => parseSignerKey(GO_SIGNER.replace('e2042d3c', 'e2042d3d'))).toThrow(/key hash/);
    expect(() => parseVerifierKey('name+e2042d3c')).toThrow(/format/);
    expect(() => parseSignerKey(GO_VERIFIER)).toThrow(/format|PRIVATE/);
  });
});
