import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkpointText } from './checkpoint';
import { TreeBuilder, consistencyRanges, foldSubtrees, inclusionRanges, leafHash, subtreesOf, type Range } from './merkle';
import { parseSignerKey, signNote } from './signed-note';

/**
 * The committed test vectors (test/interop/vectors.json): a fixed key, ten
 * leaves, two checkpoints and every proof between them. This spec recomputes
 * them (UPDATE_VECTORS=1 rewrites the file); the proofs suite has Go check them.
 */
const FILE = join(__dirname, '../../../../../test/interop/vectors.json');
const SIGNER = 'PRIVATE+KEY+test.example/log+e2042d3c+AYgk65tGP6sLKEoCE5iBSxFv7x5eTx7n5NImEpZOg0iv';

function vectors() {
  const signer = parseSignerKey(SIGNER);
  const leaves = Array.from({ length: 10 }, (_, i) => Buffer.from(JSON.stringify([i + 1, '2026-12-01T00:00:00.000Z', null, null, 'READ', null, null, null, '', null, null, `vector-${i}`, null, 'ALLOWED', null])));
  const nodes = new Map<string, Buffer>();
  const builder = new TreeBuilder();
  for (const leaf of leaves) for (const n of builder.append(leafHash(leaf))) nodes.set(`${n.level}/${n.index}`, n.hash);
  const hash = (r: Range) => foldSubtrees(subtreesOf(r).map((s) => nodes.get(`${s.level}/${s.index}`)!));
  const b64 = (b: Buffer) => b.toString('base64');
  const checkpoint = (size: number) => signNote(checkpointText({ origin: signer.name, size, root: hash({ lo: 0, hi: size }) }), [signer]);
  return {
    verifierKey: signer.verifier.text,
    leaves: leaves.map(b64),
    checkpoints: [checkpoint(7), checkpoint(10)],
    inclusion: leaves.map((leaf, i) => ({ treeSize: 10, leafIndex: i, leafData: b64(leaf), hashes: inclusionRanges(i, 10).map(hash).map(b64) })),
    consistency: [{ fromSize: 7, treeSize: 10, hashes: consistencyRanges(7, 10).map(hash).map(b64) }],
  };
}

test('the committed test vectors are what this implementation computes', () => {
  const computed = `${JSON.stringify(vectors(), null, 2)}\n`;
  if (process.env.UPDATE_VECTORS === '1' || !existsSync(FILE)) writeFileSync(FILE, computed);
  expect(readFileSync(FILE, 'utf8')).toBe(computed);
});
