import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { databaseKinds } from './support/databases';
import { startServer, type TestServer } from './support/server';
import { assignedCase, auditSince, codeOf, getCase, lastAuditId, moveClock, moveThrough, newSubject, signIn, transition, type Tokens } from './support/case-workflow';

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(256, 0x20)]);
const RUN = 'mutation { runRetention { casesPurged documentsDestroyed provisionsPastRetention ranAt } }';

describe.each(databaseKinds())('retention on %s', (kind) => {
  let s: TestServer;
  let t: Tokens;
  let documentDir: string;
  const docs: Record<string, Array<{ id: string; key: string }>> = {};
  let responded: string; // completed 2027-03-01, then closed
  let rejected: string; // completed 2027-03-02
  let open: string; // never completed

  const attach = async (caseId: string, count: number) => {
    docs[caseId] = [];
    for (let i = 0; i < count; i++) {
      const res = await fetch(`${s.url}/api/cases/${caseId}/documents?kind=OTHER`, { method: 'POST', headers: { authorization: `Bearer ${t.staff}` }, body: PDF });
      const { id } = await res.json();
      const [row] = await s.sql('SELECT storage_key FROM case_document WHERE id = ?', [Number(id)]);
      docs[caseId]!.push({ id, key: row.storage_key });
    }
  };
  const filesLeft = (caseId: string) => docs[caseId]!.filter((d) => existsSync(join(documentDir, d.key))).length;
  const run = async () => {
    const res = await s.gql(RUN, {}, t.manager);
    if (!res.data) throw new Error(res.body);
    return res.data.runRetention;
  };

  beforeAll(async () => {
    s = await startServer(kind);
    documentDir = s.app.services.config.documentDir;
    s.clock.set('2027-03-01T03:00:00Z');
    t = await signIn(s);
    const subject = await newSubject(s, t.manager);
    responded = await assignedCase(s, t, { subjectId: subject });
    rejected = await assignedCase(s, t, { subjectId: subject, feeYen: 0 });
    open = await assignedCase(s, t, { subjectId: subject });
    await attach(responded, 2);
    await attach(rejected, 1);
    await attach(open, 1);
    await moveThrough(s, t.staff, responded, ['VERIFYING', 'IN_PROGRESS', 'RESPONDED']);
    await s.gql('mutation($id: ID!) { recordReplyMailed(id: $id, mailedOn: "2027-03-01") { id } }', { id: responded }, t.staff);
    await moveThrough(s, t.staff, responded, ['CLOSED']);
    await moveClock(s, t, '2027-03-02T03:00:00Z');
    await transition(s, t.staff, rejected, 'REJECTED', { reasons: ['FEE_MISSING_OR_INSUFFICIENT'] });
    await moveThrough(s, t.staff, open, ['VERIFYING', 'IN_PROGRESS']);
  });
  afterAll(async () => {
    await s?.close();
    if (documentDir) rmSync(documentDir, { recursive: true, force: true });
  });

  test('documents are kept until completed day + 1 year: the day before, nothing of these cases is destroyed', async () => {
    expect((await getCase(s, t.manager, responded)).documentsDestroyOn).toBe('2028-03-01');
    await moveClock(s, t, '2028-02-29T14:59:00Z'); // 23:59 on 29 February in Japan
    const result = await run();
    expect(result.documentsDestroyed).toBe(0);
    for (const id of [responded, rejected, open]) {
      expect((await getCase(s, t.manager, id)).documentsDestroyedAt).toBeNull();
      expect(filesLeft(id)).toBe(docs[id]!.length);
    }
  });

  test('on the day, exactly the documents past one year are destroyed, files removed, each audited as RETENTION_PURGE', async () => {
    await moveClock(s, t, '2028-02-29T15:00:00Z'); // 00:00 on 1 March in Japan
    const before = await lastAuditId(s);
    const result = await run();
    expect(result).toMatchObject({ casesPurged: 1, documentsDestroyed: 2 });
    expect(result.ranAt).toMatch(/^2028-02-29T15:00/);
    expect(filesLeft(responded)).toBe(0);
    expect(filesLeft(rejected)).toBe(1);
    expect(filesLeft(open)).toBe(1);
    const purged = await getCase(s, t.manager, responded);
    expect(purged.documentsDestroyedAt).toMatch(/^2028-02-29T15:00/);
    const [destroyed] = await s.sql('SELECT COUNT(*) AS n FROM case_document WHERE case_id = ? AND destroyed_at IS NOT NULL', [Number(responded)]);
    expect(Number(destroyed.n)).toBe(2);

    const entries = await auditSince(s, before);
    expect(entries.filter((e) => e.action === 'RETENTION_PURGE').map((e) => [e.entity_type, e.entity_id, e.case_id])).toEqual([
      ['CaseDocument', docs[responded]![0]!.id, Number(responded)],
      ['CaseDocument', docs[responded]![1]!.id, Number(responded)],
      ['Case', responded, Number(responded)],
    ]);
    // nothing else is deleted: the case, its rows and its timeline stay
    const [rows] = await s.sql('SELECT COUNT(*) AS n FROM case_document WHERE case_id = ?', [Number(responded)]);
    expect(Number(rows.n)).toBe(2);
    expect((await getCase(s, t.manager, responded)).status).toBe('CLOSED');
  });

  test('a destroyed document can no longer be downloaded, and the case takes no new ones', async () => {
    const res = await fetch(`${s.url}/api/cases/${responded}/documents/${docs[responded]![0]!.id}`, { headers: { authorization: `Bearer ${t.manager}` } });
    expect(res.status).toBe(409);
    expect((await res.json()).errors[0].extensions.rule).toBe('DOCUMENT_DESTROYED');
    const upload = await fetch(`${s.url}/api/cases/${responded}/documents`, { method: 'POST', headers: { authorization: `Bearer ${t.manager}` }, body: PDF });
    expect(upload.status).toBe(409);
  });

  test('a second run the same day destroys nothing; the next day the rejected case follows; the open case never', async () => {
    expect(await run()).toMatchObject({ casesPurged: 0, documentsDestroyed: 0 });
    await moveClock(s, t, '2028-03-02T03:00:00Z');
    expect(await run()).toMatchObject({ casesPurged: 1, documentsDestroyed: 1 });
    expect(filesLeft(rejected)).toBe(0);
    await moveClock(s, t, '2031-03-02T03:00:00Z');
    expect(await run()).toMatchObject({ casesPurged: 0, documentsDestroyed: 0 });
    expect(filesLeft(open)).toBe(1);
    expect((await getCase(s, t.manager, open)).documentsDestroyedAt).toBeNull();
  });

  test('provision records past three years are counted for review, never deleted', async () => {
    const subject = await newSubject(s, t.manager);
    const created = await s.gql(
      'mutation($s: ID!) { createThirdPartyProvision(subjectId: $s, recipient: "保存期間 株式会社", items: ["氏名"], providedOn: "2028-01-10", legalBasis: LAW) { id } }',
      { s: subject },
      t.manager,
    );
    const id = created.data?.createThirdPartyProvision.id;
    await moveClock(s, t, '2031-01-10T03:00:00Z'); // retained until 2031-01-10
    const before = (await run()).provisionsPastRetention;
    await moveClock(s, t, '2031-01-11T03:00:00Z');
    const after = (await run()).provisionsPastRetention;
    expect(after).toBe(before + 1);
    const listed = await s.gql('{ allThirdPartyProvisions(perPage: 1000, filter: { pastRetention: true }) { id } _allThirdPartyProvisionsMeta(filter: { pastRetention: true }) { count } }', {}, t.manager);
    expect(listed.data?.allThirdPartyProvisions.map((p: { id: string }) => p.id)).toContain(id);
    expect(listed.data?._allThirdPartyProvisionsMeta.count).toBe(after);
    const [row] = await s.sql('SELECT COUNT(*) AS n FROM third_party_provision WHERE id = ?', [Number(id)]);
    expect(Number(row.n)).toBe(1);
  });

  test('only the privacy manager runs retention', async () => {
    expect(codeOf(await s.gql(RUN, {}, t.staff))).toBe('FORBIDDEN');
    expect(codeOf(await s.gql(RUN, {}, t.supervisor))).toBe('FORBIDDEN');
  });
});
