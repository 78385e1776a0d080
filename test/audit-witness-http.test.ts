import { createHash } from 'node:crypto';
import { parseSignedCheckpoint } from '../server/src/modules/audit/transparency/checkpoint';
import { checkpointText } from '../server/src/modules/audit/transparency/checkpoint';
import { generateKey, parseSignerKey, signNote, verifiedBy } from '../server/src/modules/audit/transparency/signed-note';
import { MANAGER, STAFF, startServer, type TestServer } from './support/server';

/**
 * Another Mamori as the HTTP witness of this one (AUDIT_WITNESS_LOGS on the
 * witness, AUDIT_WITNESS_URLS on the log): it cosigns checkpoints that extend
 * what it holds, answers 409 with its size, and refuses anything else.
 */
describe('a witness over HTTP run by another Mamori', () => {
  const logKey = generateKey('log.test/audit');
  let witness: TestServer;
  let log: TestServer;
  let manager: string;

  beforeAll(async () => {
    witness = await startServer('sqlite', { auditWitnessLogs: [logKey.verifierKey] });
    log = await startServer('sqlite', { auditSigningKey: logKey.signerKey, auditWitnessUrls: [`${witness.url}/witness`] });
    manager = await log.login(MANAGER);
  });
  afterAll(async () => {
    await log?.close();
    await witness?.close();
  });

  const witnesses = async () => (await log.gql('{ auditWitnesses { name kind witnessedSize lag refusal error } }', {}, manager)).data?.auditWitnesses;

  test('each checkpoint is cosigned by the witness with its own key, and the log verifies against it', async () => {
    await log.gql('{ allDataSubjects(perPage: 2) { fullName } }', {}, await log.login(STAFF));
    await log.published();
    const [, http] = await witnesses();
    const newest = await log.app.services.transparency.publisher.latest();
    expect(http).toMatchObject({ kind: 'HTTP', witnessedSize: newest!.size, lag: 0, refusal: null, error: null });
    const held = log.app.services.transparency.publisher.witnesses[1]!.held()!;
    expect(verifiedBy(held.parsed, [witness.app.services.transparency.keys.signer.verifier, logKey && parseSignerKey(logKey.signerKey).verifier])).toHaveLength(2);
    const result = (await log.gql('{ verifyAuditChain { ok problem witnessedSize } }', {}, manager)).data?.verifyAuditChain;
    expect(result).toMatchObject({ ok: true, problem: null });
    expect(result.witnessedSize).toBeGreaterThanOrEqual(newest!.size);
  });

  test('the witness answers 409 with its size, 404 for an unknown log, and refuses a checkpoint that does not extend its own', async () => {
    await log.published();
    const held = log.app.services.transparency.publisher.witnesses[1]!.held()!;
    const post = (body: string) => fetch(`${witness.url}/witness/add-checkpoint`, { method: 'POST', body, headers: { 'content-type': 'text/plain' } });
    const signer = parseSignerKey(logKey.signerKey);
    // a checkpoint signed with the log's own key (the attacker does not have it; this shows the witness's check does not rest on it)
    const fork = signNote(checkpointText({ origin: signer.name, size: held.size + 3, root: createHash('sha256').update('fork').digest() }), [signer]);
    const wrongOld = await post(`old 1\n\n${fork}`);
    expect(wrongOld.status).toBe(409);
    expect(await wrongOld.text()).toBe(`${held.size}\n`);
    const refused = await post(`old ${held.size}\n${Buffer.alloc(32, 1).toString('base64')}\n\n${fork}`);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toMatch(/does not extend/);
    const smaller = signNote(checkpointText({ origin: signer.name, size: held.size - 1, root: held.root }), [signer]);
    expect((await post(`old ${held.size}\n\n${smaller}`)).status).toBe(422);
    const stranger = parseSignerKey(generateKey('stranger.test/audit').signerKey);
    expect((await post(`old 0\n\n${signNote(checkpointText({ origin: stranger.name, size: 1, root: held.root }), [stranger])}`)).status).toBe(404);
    const unsigned = signNote(checkpointText({ origin: signer.name, size: held.size + 1, root: held.root }), [parseSignerKey(generateKey(signer.name).signerKey)]);
    expect((await post(`old ${held.size}\n\n${unsigned}`)).status).toBe(403);
    expect((await post('junk')).status).toBe(400);
    // what the witness holds is unchanged
    const again = await post(`old ${held.size}\n\n${held.note.split('\n\n')[0]}\n\n${parseSignedCheckpoint(held.note).parsed.signatures[0]!.line}`);
    expect(again.status).toBe(200);
  });

  test('a witness that cannot be reached delays nothing: requests go on and the lag shows', async () => {
    const unreachable = await startServer('sqlite', { auditWitnessUrls: ['http://127.0.0.1:9/witness'] });
    try {
      const token = await unreachable.login(MANAGER);
      const res = await unreachable.gql('{ allDataSubjects(perPage: 1) { fullName } }', {}, token);
      expect(res.data?.allDataSubjects).toHaveLength(1);
      await unreachable.published();
      const list = (await unreachable.gql('{ auditWitnesses { kind witnessedSize lag error } }', {}, token)).data?.auditWitnesses;
      const http = list.find((w: { kind: string }) => w.kind === 'HTTP');
      expect(http.error).toBeTruthy();
      expect(http.lag).toBeGreaterThan(0);
      const metrics = await (await fetch(`${unreachable.url}/metrics`)).text();
      expect(metrics).toMatch(/mamori_audit_witness_failures_total\{witness="http:\/\/127\.0\.0\.1:9\/witness"\} [1-9]/);
    } finally {
      await unreachable.close();
    }
  });
});
