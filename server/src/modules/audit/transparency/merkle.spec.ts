import { createHash } from 'node:crypto';
import {
  InclusionChecker,
  TreeBuilder,
  consistencyRanges,
  foldSubtrees,
  inclusionRanges,
  leafHash,
  nodeHash,
  splitPoint,
  subtreeLevels,
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

  test('proofs checked together share their nodes and decide as one by one: every leaf of every size, in any order, and changed ones', () => {
    for (let n = 1; n <= leaves.length; n++) {
      const root = mth(0, n);
      const checker = new InclusionChecker(n, root);
      const order = Array.from({ length: n }, (_, i) => (i * 7 + 3) % n);
      for (const m of [...order, ...order]) {
        const proof = inclusionRanges(m, n).map(hashOf);
        expect(checker.check(m, leaves[(m + 1) % leaves.length]!, proof.length, (i) => proof[i]!)).toBe(false);
        expect(checker.check(m, leaves[m]!, proof.length + 1, (i) => proof[i] ?? root)).toBe(false);
        if (proof.length) {
          const bent = proof.map((h, i) => (i === proof.length - 1 ? nodeHash(h, h) : h));
          expect(new InclusionChecker(n, root).check(m, leaves[m]!, bent.length, (i) => bent[i]!)).toBe(false);
        }
        expect(checker.check(m, leaves[m]!, proof.length, (i) => proof[i]!)).toBe(true);
      }
      expect(checker.check(n, leaves[0]!, 0, () => root)).toBe(false);
    }
  });

  test('the levels of a range hash its complete subtrees as the recursive definition does', () => {
    for (const n of [1, 2, 3, 8, 13, 32, 40]) {
      const levels = subtreeLevels(Buffer.concat(leaves.slice(0, n)), n);
      levels.forEach((level, j) => {
        expect(level.length).toBe(Math.floor(n / 2 ** j) * 32);
        for (let i = 0; i < level.length / 32; i++) expect(level.subarray(i * 32, i * 32 + 32)).toEqual(mth(i * 2 ** j, (i + 1) * 2 ** j));
      });
    }
  });
});
