import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logger } from '../server/src/logger';
import { checkpointText, parseSignedCheckpoint, type SignedCheckpoint } from '../server/src/modules/audit/transparency/checkpoint';
import { leafHash, verifyConsistency, verifyInclusion } from '../server/src/modules/audit/transparency/merkle';
import { generateKey, parseNote, parseSignerKey, parseVerifierKey, signNote, verifiedBy } from '../server/src/modules/audit/transparency/signed-note';
import { createTestDatabase, databaseKinds, type DatabaseKind, type TestDatabase } from './support/databases';
import { MANAGER, STAFF, startServer, witnessProcess, type TestServer, type WitnessProcess } from './support/server';

/**
 * The log's life with a witness that is another Mamori install in its own
 * process (test/support/witness-process.js, on loopback): the signing key
 * rotated, the witness down while entries are added and back again, the clock
 * stepped backwards on a restart. Each time the witness must end up holding a
 * checkpoint that extends the one it held, and the log must verify.
 *
 * How each test was seen to fail when its behaviour broke: the rotation test
 * with the witness keeping one key per name (the first or the last listed:
 * 403 for the new key after the witness learnt it, or for the old one) and without AUDIT_PREVIOUS_VERIFIER_KEYS
 * (the old checkpoint no longer verifies against the published keys); the outage
 * test without the publisher's retry (the lag stays until the next entry); the
 * clock test without the alarm's metric.
 */
const ORIGIN = 'lifecycle.test/audit';
const VERIFY = '{ verifyAuditChain { ok problem problems headSeq witnessedSize } }';
const CHECKPOINT = '{ auditCheckpoint { treeSize rootHash note verifierKey previousVerifierKeys } }';
const WITNESSES = '{ auditWitnesses { kind name witnessedSize lag refusal error } }';
const INCLUSION = 'query($s: Int!, $t: Int) { auditInclusionProof(seq: $s, treeSize: $t) { leafIndex leafData hashes } }';
const CONSISTENCY = 'query($f: Int!, $t: Int) { auditConsistencyProof(fromSize: $f, toSize: $t) { hashes } }';

/** Activity that writes audit entries: sign-ins and audited reads; then a checkpoint is handed over. */
async function activity(s: TestServer, rounds: number): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    const token = await s.login(i % 2 ? STAFF : MANAGER);
    const res = await s.gql('{ allDataSubjects(perPage: 2) { id fullName } }', {}, token);
    expect(res.data?.allDataSubjects.length).toBeGreaterThan(0);
  }
  await s.published();
}

/** What the witness process keeps of the log: its accepted checkpoints, oldest first. */
function witnessHistory(witness: WitnessProcess): SignedCheckpoint[] {
  return readFileSync(join(witness.logDir(ORIGIN), 'checkpoints'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => parseSignedCheckpoint((JSON.parse(line) as { note: string }).note));
}

/** The witness holds `size` or a newer checkpoint (each read of the trail is audited and signed within a second). */
function expectHolds(status: { witnessedSize: number; lag: number; refusal: string | null; error: string | null }, size: number): void {
  expect(status).toMatchObject({ lag: 0, refusal: null, error: null });
  expect(status.witnessedSize).toBeGreaterThanOrEqual(size);
}

async function metric(s: TestServer, name: string): Promise<number> {
  const text = await (await fetch(`${s.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(name));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe.each(databaseKinds())('the %s log with a witness in another process', (kind: DatabaseKind) => {
  let db: TestDatabase;
  let dataDir: string;
  let witnessDir: string;
  let keep: TestDatabase;
  let log: TestServer | null = null;
  let witness: WitnessProcess | null = null;

  beforeEach(async () => {
    db = await createTestDatabase(kind);
    keep = { url: db.url, drop: async () => undefined };
    dataDir = mkdtempSync(join(tmpdir(), 'mamori-lifecycle-'));
    witnessDir = mkdtempSync(join(tmpdir(), 'mamori-witness-'));
  });
  afterEach(async () => {
    await log?.close();
    await witness?.close();
    log = witness = null;
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(witnessDir, { recursive: true, force: true });
  });

  const as = async (s: TestServer) => {
    const token = await s.login(MANAGER);
    return async (query: string, variables: Record<string, unknown> = {}) => {
      const res = await s.gql(query, variables, token);
      if (!res.data) throw new Error(res.body);
      return res.data;
    };
  };
  const httpWitness = async (q: Awaited<ReturnType<typeof as>>) => (await q(WITNESSES)).auditWitnesses.find((w: { kind: string }) => w.kind === 'HTTP');

  test('signing-key rotation: old checkpoints still verify, new ones carry the new key, the witness goes on with the same origin once it knows the key and refuses one it does not', async () => {
    const oldKey = generateKey(ORIGIN);
    const newKey = generateKey(ORIGIN);
    witness = await witnessProcess(witnessDir, [oldKey.verifierKey]);
    log = await startServer(kind, { dataDir, auditSigningKey: oldKey.signerKey, auditWitnessUrls: [witness.url] }, keep);
    await activity(log, 2);
    let q = await as(log);
    const before = (await q(CHECKPOINT)).auditCheckpoint;
    const first = await httpWitness(q);
    expect(first).toMatchObject({ refusal: null, error: null });
    // (this server signs again within a second: its reads are audited too)
    expect(first.witnessedSize).toBeGreaterThanOrEqual(before.treeSize);
    await log.close();
    // what the witness holds under the old key (the last reads were audited too, and signed at shutdown)
    const heldOld = witnessHistory(witness).at(-1)!.size;
    expect(heldOld).toBeGreaterThanOrEqual(before.treeSize);

    // The new key, the old verifier key kept for the old checkpoints; the witness does not know the new key yet.
    log = await startServer(kind, { dataDir, auditSigningKey: newKey.signerKey, auditPreviousVerifierKeys: [oldKey.verifierKey], auditWitnessUrls: [witness.url] }, keep);
    q = await as(log);
    await activity(log, 1);
    const rotated = (await q(CHECKPOINT)).auditCheckpoint;
    expect(rotated.treeSize).toBeGreaterThan(before.treeSize);
    expect(rotated).toMatchObject({ verifierKey: newKey.verifierKey, previousVerifierKeys: [oldKey.verifierKey] });
    expect(verifiedBy(parseNote(rotated.note), [parseVerifierKey(newKey.verifierKey)])).toHaveLength(1);
    expect(verifiedBy(parseNote(rotated.note), [parseVerifierKey(oldKey.verifierKey)])).toHaveLength(0);
    // a third party checks the old checkpoint against the keys the log publishes
    const published = [rotated.verifierKey, ...rotated.previousVerifierKeys].map(parseVerifierKey);
    expect(verifiedBy(parseNote(before.note), published)).toHaveLength(1);
    // the witness refuses a key it was not given: an alarm, and what it holds is unchanged
    expect(await httpWitness(q)).toMatchObject({ refusal: expect.stringMatching(/not signed by a key/), error: null });
    expect(witnessHistory(witness).at(-1)!.size).toBe(heldOld);
    expect((await q(VERIFY)).verifyAuditChain.problems).toEqual(['WITNESS_REFUSED']);

    // The witness's operator adds the new key (in any order): the same history goes on under it.
    const port = witness.port;
    await witness.close();
    witness = null;
    witness = await witnessProcess(witnessDir, [newKey.verifierKey, oldKey.verifierKey], port);
    await activity(log, 1);
    const newest = (await q(CHECKPOINT)).auditCheckpoint;
    expectHolds(await httpWitness(q), newest.treeSize);
    expect((await q(VERIFY)).verifyAuditChain).toMatchObject({ ok: true, problem: null });
    const history = witnessHistory(witness);
    expect(history.map((c) => c.origin)).toEqual(history.map(() => ORIGIN));
    expect(history.map((c) => c.size)).toContain(heldOld);
    // (or a newer one: the reads above are audited and signed within a second)
    expect(history.at(-1)!.size).toBeGreaterThanOrEqual(newest.treeSize);
    expect(verifiedBy(history.at(-1)!.parsed, [parseVerifierKey(newKey.verifierKey)])).toHaveLength(1);

    // Both keys are the log's: what the witness holds, signed again under the old key, is still accepted.
    const held = history.at(-1)!;
    const underOld = signNote(checkpointText({ origin: ORIGIN, size: held.size, root: held.root }), [parseSignerKey(oldKey.signerKey)]);
    expect((await fetch(`${witness.url}/add-checkpoint`, { method: 'POST', body: `old ${held.size}\n\n${underOld}` })).status).toBe(200);
    // A checkpoint of the same name under a key neither the log nor the witness has is refused (403).
    const stranger = parseSignerKey(generateKey(ORIGIN).signerKey);
    const forged = signNote(checkpointText({ origin: ORIGIN, size: held.size + 1, root: Buffer.alloc(32, 7) }), [stranger]);
    const res = await fetch(`${witness.url}/add-checkpoint`, { method: 'POST', body: `old ${held.size}\n\n${forged}` });
    expect(res.status).toBe(403);
    expect(witnessHistory(witness).some((c) => c.root.equals(Buffer.alloc(32, 7)))).toBe(false);
  }, 300_000);

  test('witness outage: requests are answered, the lag shows, and once back the witness receives a checkpoint that extends its last one, with nothing lost', async () => {
    const key = generateKey(ORIGIN);
    witness = await witnessProcess(witnessDir, [key.verifierKey]);
    log = await startServer(kind, { dataDir, auditSigningKey: key.signerKey, auditWitnessUrls: [witness.url] }, keep);
    const q = await as(log);
    await activity(log, 2);
    expect((await httpWitness(q)).witnessedSize).toBeGreaterThan(0);
    const url = witness.url;
    const port = witness.port;
    await witness.kill();
    const heldBefore = witnessHistory(witness).at(-1)!.size;
    witness = null;

    // Fail-closed is for audit entries, not for witnessing: every request is still answered.
    await activity(log, 3);
    const during = (await q(CHECKPOINT)).auditCheckpoint;
    expect(during.treeSize).toBeGreaterThan(heldBefore);
    const down = await httpWitness(q);
    expect(down).toMatchObject({ witnessedSize: heldBefore, refusal: null, error: expect.any(String) });
    expect(down.lag).toBeGreaterThan(0);
    expect(await metric(log, `mamori_audit_witness_lag_entries{witness="${url}"}`)).toBeGreaterThan(0);
    expect(await metric(log, `mamori_audit_witness_failures_total{witness="${url}"}`)).toBeGreaterThan(0);
    // an unreachable witness is not a problem of the log; the directory witness holds the newest checkpoint
    expect((await q(VERIFY)).verifyAuditChain).toMatchObject({ ok: true, problems: [] });

    // Back on the same address: the publisher's retry hands the newest checkpoint over, no new entry needed.
    witness = await witnessProcess(witnessDir, [key.verifierKey], port);
    const deadline = Date.now() + 30_000;
    let back = await httpWitness(q);
    while ((back.error !== null || back.lag !== 0) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      back = await httpWitness(q);
    }
    expect(back).toMatchObject({ lag: 0, refusal: null, error: null });
    expect(await metric(log, `mamori_audit_witness_lag_entries{witness="${url}"}`)).toBe(0);
    const history = witnessHistory(witness);
    const [last, previous] = [history.at(-1)!, history.at(-2)!];
    expect(previous.size).toBe(heldBefore);
    expect(last.size).toBe(back.witnessedSize);
    expect(last.size).toBeGreaterThanOrEqual(during.treeSize);
    // the witness's newest checkpoint extends the one it held before the outage
    const consistency = (await q(CONSISTENCY, { f: previous.size, t: last.size })).auditConsistencyProof;
    expect(verifyConsistency(previous.size, last.size, previous.root, last.root, consistency.hashes.map((h: string) => Buffer.from(h, 'base64')))).toBe(true);
    // nothing lost: every entry linked during the outage is in the tree the witness holds
    for (let seq = heldBefore + 1; seq <= during.treeSize; seq++) {
      const p = (await q(INCLUSION, { s: seq, t: last.size })).auditInclusionProof;
      const leaf = leafHash(Buffer.from(p.leafData, 'base64'));
      expect(verifyInclusion(p.leafIndex, last.size, leaf, p.hashes.map((h: string) => Buffer.from(h, 'base64')), last.root)).toBe(true);
    }
    expect((await q(VERIFY)).verifyAuditChain).toMatchObject({ ok: true, problem: null });
  }, 300_000);

  test('the clock stepped backwards on a restart (CLOCK_OFFSET_MS): checkpoints go on consistent, the witness accepts them (they carry no time), and the step is an alarm', async () => {
    const key = generateKey(ORIGIN);
    witness = await witnessProcess(witnessDir, [key.verifierKey]);
    log = await startServer(kind, { dataDir, auditSigningKey: key.signerKey, auditWitnessUrls: [witness.url] }, keep);
    await activity(log, 2);
    const [before] = await log.sql('SELECT tree_size AS size, signed_at AS signedAt FROM audit_checkpoint ORDER BY tree_size DESC LIMIT 1');
    await log.close();

    const errors = jest.spyOn(logger, 'error');
    try {
      log = await startServer(kind, { dataDir, auditSigningKey: key.signerKey, auditWitnessUrls: [witness.url], clockOffsetMs: -2 * 60 * 60 * 1000 }, keep);
      const alarmsBefore = await metric(log, 'mamori_audit_clock_backwards_total');
      const q = await as(log);
      await activity(log, 2);
      const [after] = await log.sql('SELECT tree_size AS size, signed_at AS signedAt FROM audit_checkpoint ORDER BY tree_size DESC LIMIT 1');
      expect(Number(after.size)).toBeGreaterThan(Number(before.size));
      expect(after.signedAt < before.signedAt).toBe(true);
      expect(errors).toHaveBeenCalledWith('audit checkpoint: the clock moved backwards', expect.objectContaining({ previous: before.signedAt }));
      expect(await metric(log, 'mamori_audit_clock_backwards_total')).toBeGreaterThan(alarmsBefore);
      // sizes and roots only: the witness takes the newer checkpoint as an extension of the one it holds
      const newest = (await q(CHECKPOINT)).auditCheckpoint;
      expectHolds(await httpWitness(q), newest.treeSize);
      const history = witnessHistory(witness);
      const sizes = history.map((c) => c.size);
      expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
      const at = sizes.indexOf(Number(before.size));
      expect(at).toBeGreaterThanOrEqual(0);
      const consistency = (await q(CONSISTENCY, { f: Number(before.size), t: newest.treeSize })).auditConsistencyProof;
      const proof = consistency.hashes.map((h: string) => Buffer.from(h, 'base64'));
      expect(verifyConsistency(Number(before.size), newest.treeSize, history[at]!.root, history.at(-1)!.root, proof)).toBe(true);
      expect((await q(VERIFY)).verifyAuditChain).toMatchObject({ ok: true, problem: null });
    } finally {
      errors.mockRestore();
    }
  }, 300_000);
});
