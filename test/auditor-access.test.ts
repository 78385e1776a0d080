import { databaseKinds } from './support/databases';
import { startServer, type TestServer } from './support/server';
import { assignedCase, auditSince, codeOf, lastAuditId, newSubject, signIn, transition, type Tokens } from './support/case-workflow';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const NOTE = '申出人から電話あり、住所は東京都港区と確認';

describe.each(databaseKinds())('the internal auditor on %s', (kind) => {
  let s: TestServer;
  let t: Tokens;
  let caseId: string;
  let documentId: string;

  beforeAll(async () => {
    s = await startServer(kind);
    s.clock.set('2027-03-01T03:00:00Z');
    t = await signIn(s);
    caseId = await assignedCase(s, t, { subjectId: await newSubject(s, t.manager) });
    const upload = await fetch(`${s.url}/api/cases/${caseId}/documents?kind=REQUEST_FORM`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${t.staff}` },
      body: PNG,
    });
    documentId = (await upload.json()).id;
    expect((await transition(s, t.staff, caseId, 'VERIFYING', { note: NOTE })).errors).toBeUndefined();
  });
  afterAll(() => s?.close());

  test('lists every case (not only assigned ones) with its workflow and deadlines', async () => {
    const mine = await s.gql('{ _allCasesMeta { count } }', {}, t.auditor);
    const all = await s.gql('{ _allCasesMeta { count } }', {}, t.manager);
    expect(mine.data?._allCasesMeta.count).toBe(all.data?._allCasesMeta.count);
    const one = await s.gql('query($id: ID!) { Case(id: $id) { id status dueOn daysLeft timeline { to at actorName } } }', { id: caseId }, t.auditor);
    expect(one.errors).toBeUndefined();
    expect(one.data?.Case.timeline.map((x: { to: string }) => x.to)).toEqual(['RECEIVED', 'VERIFYING']);
  });

  test.each([
    ['the requester name', 'requesterName'],
    ['the reply address', 'replyAddress'],
    ['the scans', 'documents { id }'],
    ['the notes of the timeline', 'timeline { note }'],
  ])('is refused %s of a case, and the refusal is audited', async (_what, selection) => {
    const before = await lastAuditId(s);
    const res = await s.gql(`query($id: ID!) { Case(id: $id) { id ${selection} } }`, { id: caseId }, t.auditor);
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(res.body).not.toContain(NOTE);
    expect((await auditSince(s, before)).filter((e) => e.action === 'ACCESS_DENIED').length).toBeGreaterThan(0);
  });

  test('cannot download a scan or read a reply letter', async () => {
    const res = await fetch(`${s.url}/api/cases/${caseId}/documents/${documentId}`, { headers: { authorization: `Bearer ${t.auditor}` } });
    expect(res.status).toBe(403);
    const letter = await s.gql('query($id: ID!) { caseReplyLetter(id: $id) }', { id: caseId }, t.auditor);
    expect(codeOf(letter)).toBe('FORBIDDEN');
  });

  test('changes nothing it audits: case work, supervision, incidents, training and users are refused', async () => {
    const before = await s.sql("SELECT status, updated_at FROM request_case WHERE id = ?", [Number(caseId)]);
    for (const mutation of [
      `mutation { transitionCase(id: "${caseId}", to: IN_PROGRESS) { id } }`,
      `mutation { updateCase(id: "${caseId}", feeYen: 1000) { id } }`,
      'mutation { createSubcontractor(name: "監査で作成", contact: "x", entrustedCategories: [CUSTOMER], entrustedPurposes: [], meetsStandards: true) { id } }',
      'mutation { updateUser(id: "1", displayName: "監査で変更") { id } }',
      'mutation { createTrainingCourse(title: "監査", fiscalYear: 2026, dueOn: "2027-03-31") { id } }',
    ]) {
      expect({ mutation, code: codeOf(await s.gql(mutation, {}, t.auditor)) }).toEqual({ mutation, code: 'FORBIDDEN' });
    }
    expect(await s.sql("SELECT status, updated_at FROM request_case WHERE id = ?", [Number(caseId)])).toEqual(before);
  });

  test('reads the whole audit trail with its verification, checkpoint and proofs, but does not export it', async () => {
    await s.published();
    const trail = await s.gql('{ _allAuditEntriesMeta { count } }', {}, t.auditor);
    const whole = await s.gql('{ _allAuditEntriesMeta { count } }', {}, t.manager);
    expect(trail.data?._allAuditEntriesMeta.count).toBe(whole.data?._allAuditEntriesMeta.count);
    const staffOwn = await s.gql('{ _allAuditEntriesMeta { count } }', {}, t.staff);
    expect(trail.data?._allAuditEntriesMeta.count).toBeGreaterThan(staffOwn.data?._allAuditEntriesMeta.count);
    const checks = await s.gql(
      '{ verifyAuditChain { ok } auditCheckpoint { treeSize } auditInclusionProof(seq: 1) { leafIndex } auditWitnesses { name } }',
      {},
      t.auditor,
    );
    expect(checks.errors).toBeUndefined();
    expect(checks.data?.verifyAuditChain.ok).toBe(true);
    expect(codeOf(await s.gql('{ exportAuditEntries(format: CSV) }', {}, t.auditor))).toBe('FORBIDDEN');
  });
});
