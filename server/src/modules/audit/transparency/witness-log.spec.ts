import { appendFileSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkpointText } from './checkpoint';
import { TreeBuilder, consistencyRanges, leafHash, nodeHash, splitPoint } from './merkle';
import { generateKey, parseSignerKey, parseVerifierKey, signNote } from './signed-note';
import { WitnessLog } from './witness-log';

const ORIGIN = 'witness-log.spec/audit';
const key = generateKey(ORIGIN);
const signer = parseSignerKey(key.signerKey);
const verifiers = [parseVerifierKey(key.verifierKey)];
const leaves = Array.from({ length: 10_000 }, (_, i) => leafHash(Buffer.from(`entry ${i}`)));

function mth(lo: number, hi: number): Buffer {
  if (hi - lo === 1) return leaves[lo]!;
  const k = splitPoint(hi - lo);
  return nodeHash(mth(lo, lo + k), mth(lo + k, hi));
}

function rootOf(size: number): Buffer {
  const tree = new TreeBuilder();
  for (const leaf of leaves.slice(0, size)) tree.append(leaf);
  return tree.root();
}

/** Hands the witness the checkpoint of `to` leaves, extending `from`, with the leaf hashes in between. */
function handOver(witness: WitnessLog, from: number, to: number) {
  const proof = from === 0 ? [] : consistencyRanges(from, to).map((r) => mth(r.lo, r.hi));
  const note = signNote(checkpointText({ origin: ORIGIN, size: to, root: rootOf(to) }), [signer]);
  return witness.add(from, proof, note, '2026-12-01T00:00:00.000Z', leaves.slice(from, to));
}

describe('a mirroring witness directory after a restart', () => {
  let dir: string;
  const open = () => new WitnessLog(dir, ORIGIN, verifiers, null, true);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mamori-witness-log-'));
    for (const [from, to] of [[0, 3000], [3000, 6000], [6000, 9000]] as const) expect(handOver(open(), from, to)).toMatchObject({ accepted: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('keeps a right edge every 4,096 leaves and goes on from the newest one, not from every leaf', () => {
    const edges = readFileSync(join(dir, 'tree-edge'), 'utf8').split('\n').filter(Boolean);
    expect(edges.map((line) => Number(line.split(' ')[0]))).toEqual([6000, 9000]);
    // A leaf hash before the newest edge, changed: a witness that folded every leaf again would refuse what follows.
    const file = join(dir, 'leaf-hashes');
    const bytes = readFileSync(file);
    bytes[0] ^= 1;
    writeFileSync(file, bytes);
    expect(handOver(open(), 9000, 10_000)).toMatchObject({ accepted: true });
  });

  test('without an edge it folds every leaf hash again and goes on', () => {
    unlinkSync(join(dir, 'tree-edge'));
    expect(handOver(open(), 9000, 10_000)).toMatchObject({ accepted: true });
  });

  test('a wrong edge lets nothing through: the next checkpoint does not fold from it and is refused', () => {
    const wrong = readFileSync(join(dir, 'tree-edge'), 'utf8').trim().split('\n').at(-1)!.split(' ');
    wrong[1] = Buffer.alloc(32, 7).toString('base64');
    appendFileSync(join(dir, 'tree-edge'), `${wrong.join(' ')}\n`);
    expect(handOver(open(), 9000, 10_000)).toMatchObject({ accepted: false, status: 422, reason: 'the leaf hashes do not fold to the root of size 10000' });
  });
});
