import { createHash } from 'node:crypto';
import {
  TreeBuilder,
  consistencyRanges,
  foldSubtrees,
  inclusionRanges,
  leafHash,
  nodeHash,
  splitPoint,
  subtreesOf,
  verifyConsistency,
  verifyInclusion,
  type Range,
} from './merkle';

const leaves = Array.from({ length: 40 }, (_, i) => leafHash(Buffer.from(`leaf ${i}`)));

/** MTH(D[lo:hi]) straight from RFC 9162's recursive definition. */
function mth(lo: number, hi: number): Buffer {
  if (hi - lo === 1) return leaves[lo]!;
  const k = splitPoint(hi - lo);
  return nodeHash(mth(lo, lo + k), mth(lo + k, hi));
}
const hashOf = (r: Range) => mth(r.lo, r.hi);

describe('RFC 9162 Merkle tree', () => {
  test('the empty tree and the leaf and node prefixes', () => {
    expect(foldSubtrees([]).toString('hex')).toBe(createHash('sha256').digest('hex'));
    expect(leafHash(Buffer.alloc(0)).toString('hex')).toBe('6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
  });

  test('a tree built leaf by leaf has the recursive root, and stored subtrees fold to it', () => {
    const builder = new TreeBuilder();
    const stored = new Map<string, Buffer>();
    for (let n = 1; n <= leaves.length; n++) {
      for (const node of builder.append(leaves[n - 1]!)) stored.set(`${node.level}/${node.index}`, node.hash);
      expect(builder.root()).toEqual(mth(0, n));
      const fromStore = foldSubtrees(subtreesOf({ lo: 0, hi: n }).map((s) => stored.get(`${s.level}/${s.index}`)!));
      expect(fromStore).toEqual(mth(0, n));
    }
  });

  test('every inclusion and consistency proof verifies, and a changed one does not', () => {
    for (let n = 1; n <= leaves.length; n++) {
      const root = mth(0, n);
      for (let m = 0; m < n; m++) {
        const proof = inclusionRanges(m, n).map(hashOf);
        expect(verifyInclusion(m, n, leaves[m]!, proof, root)).toBe(true);
        expect(verifyInclusion(m, n, leaves[(m + 1) % leaves.length]!, proof, root)).toBe(false);
      }
      for (let m = 1; m <= n; m++) {
        const proof = consistencyRanges(m, n).map(hashOf);
        expect(verifyConsistency(m, n, mth(0, m), root, proof)).toBe(true);
        if (m < n) expect(verifyConsistency(m, n, mth(1, m + 1 <= n ? m + 1 : n), root, proof)).toBe(false);
      }
    }
  });
});
