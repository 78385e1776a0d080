import { databaseKinds } from './support/databases';
import { MANAGER, STAFF, STAFF2, SUPERVISOR, startServer, type TestServer } from './support/server';

const PERSONAL = 'fullName fullNameKana postalCode postalAddress phone email company division title';

/** Audit entries written after `sinceId`, oldest first. */
async function entriesSince(s: TestServer, sinceId: number) {
  return s.sql<{ action: string; subject_id: number | null; fields: string; case_id: number | null; reason: string | null; outcome: string }>(
    'SELECT action, subject_id, fields, case_id, reason, outcome FROM audit_entry WHERE id > ? ORDER BY id',
    [sinceId],
  );
}
async function lastId(s: TestServer): Promise<number> {
  const [row] = await s.sql('SELECT MAX(id) AS id FROM audit_entry');
  return Number(row.id ?? 0);
}

describe.each(databaseKinds())('personal-data reads are need-to-know and audited on %s', (kind) => {
  let s: TestServer;
  let manager: string;
  let staff: string;
  let staff2: string;
  let supervisor: string;
  let mine: number; // subject of the open case assigned to staff
  let other: number; // a subject with no case of staff
  let caseId: number;

  beforeAll(async () => {
    s = await startServer(kind);
    [manager, staff, staff2, supervisor] = await Promise.all([s.login(MANAGER), s.login(STAFF), s.login(STAFF2), s.login(SUPERVISOR)]);
    const [c] = await s.sql("SELECT id, subject_id FROM request_case WHERE assignee_id IS NOT NULL AND subject_id IS NOT NULL ORDER BY id LIMIT 1");
    caseId = Number(c.id);
    mine = Number(c.subject_id);
    const [o] = await s.sql('SELECT id FROM data_subject WHERE id <> ? ORDER BY id LIMIT 1', [mine]);
    other = Number(o.id);
  });
  afterAll(() => s?.close());

  test('staff read a subject of their open assigned case: one READ entry naming the fields and the case', async () => {
    const before = await lastId(s);
    const res = await s.gql(`query($id: ID!) { DataSubject(id: $id) { id category fullName email } }`, { id: String(mine) }, staff);
    expect(res.data?.DataSubject.fullName).toBeTruthy();
    const entries = await entriesSince(s, before);
    expect(entries).toEqual([
      { action: 'READ', subject_id: mine, fields: 'email,fullName', case_id: caseId, reason: null, outcome: 'ALLOWED' },
    ]);
  });

  test('aliases and repeated selections of one subject merge into one entry', async () => {
    const before = await lastId(s);
    await s.gql(
      `query($id: ID!) { a: DataSubject(id: $id) { fullName } b: DataSubject(id: $id) { fullName phone n: fullName } }`,
      { id: String(mine) },
      manager,
    );
    const entries = await entriesSince(s, before);
    expect(entries.map((e) => [e.action, e.subject_id, e.fields])).toEqual([['READ', mine, 'fullName,phone']]);
  });

  test('non-personal selections write nothing', async () => {
    const before = await lastId(s);
    const res = await s.gql(`{ allDataSubjects(perPage: 100) { id category restricted createdAt } _allDataSubjectsMeta { count } }`, {}, manager);
    expect(res.data?.allDataSubjects.length).toBeGreaterThan(1);
    expect(await entriesSince(s, before)).toEqual([]);
  });

  test('a list writes one entry per subject, in one batch', async () => {
    const before = await lastId(s);
    const res = await s.gql(`{ allDataSubjects(perPage: 100) { id fullName email } }`, {}, manager);
    const ids = res.data?.allDataSubjects.map((x: { id: string }) => Number(x.id)).sort((a: number, b: number) => a - b);
    const entries = await entriesSince(s, before);
    expect(entries.map((e) => e.subject_id).sort((a, b) => a! - b!)).toEqual(ids);
    expect(new Set(entries.map((e) => e.fields))).toEqual(new Set(['email,fullName']));
    const requestIds = await s.sql('SELECT DISTINCT request_id FROM audit_entry WHERE id > ?', [before]);
    expect(requestIds).toHaveLength(1);
  });

  test('staff lists and counts hold only the subjects of their open assigned cases', async () => {
    const res = await s.gql(`{ allDataSubjects(perPage: 100) { id fullName } _allDataSubjectsMeta { count } }`, {}, staff);
    expect(res.data?.allDataSubjects.map((x: { id: string }) => Number(x.id))).toEqual([mine]);
    expect(res.data?._allDataSubjectsMeta.count).toBe(1);
    const res2 = await s.gql(`{ allDataSubjects { id } _allDataSubjectsMeta { count } }`, {}, staff2);
    expect(res2.data).toEqual({ allDataSubjects: [], _allDataSubjectsMeta: { count: 0 } });
  });

  test('a direct read of another subject by staff is FORBIDDEN with exactly one ACCESS_DENIED entry', async () => {
    const before = await lastId(s);
    const res = await s.gql(`query($id: ID!) { DataSubject(id: $id) { ${PERSONAL} } }`, { id: String(other) }, staff);
    expect(res.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect(res.data?.DataSubject ?? null).toBeNull();
    const entries = await entriesSince(s, before);
    expect(entries.map((e) => [e.action, e.subject_id, e.outcome])).toEqual([['ACCESS_DENIED', other, 'DENIED']]);
  });

  test('nested under a case: the subject’s fields are guarded and audited per subject', async () => {
    const before = await lastId(s);
    const res = await s.gql(`query($id: ID!) { Case(id: $id) { id subject { id fullName } } }`, { id: String(caseId) }, staff);
    expect(res.data?.Case.subject.fullName).toBeTruthy();
    const entries = await entriesSince(s, before);
    expect(entries.map((e) => [e.action, e.subject_id, e.fields])).toEqual([['READ', mine, 'fullName']]);
    const denied = await s.gql(`query($id: ID!) { Case(id: $id) { id subject { fullName } } }`, { id: String(caseId) }, staff2);
    expect(denied.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect(denied.body).not.toContain(res.data?.Case.subject.fullName);
  });

  test('supervisors never read personal data, by any path', async () => {
    for (const query of [
      `{ DataSubject(id: "${mine}") { fullName } }`,
      `{ allDataSubjects { id fullName } }`,
      `{ allCases { id requesterName } }`,
      `{ Case(id: "${caseId}") { subject { fullName } } }`,
      `{ matchDataSubjects(caseId: "${caseId}", query: "山田") { id } }`,
    ]) {
      const res = await s.gql(query, {}, supervisor);
      expect({ query, code: res.errors?.[0]?.extensions.code }).toEqual({ query, code: 'FORBIDDEN' });
    }
  });

  test('break-glass: staff read outside their cases with a reason, audited as BREAK_GLASS and queued for review', async () => {
    const short = await s.gql(`mutation($id: ID!) { breakGlassRead(subjectId: $id, reason: "urgent") { fullName } }`, { id: String(other) }, staff);
    expect(short.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const reason = 'The customer is on the phone asking to correct a wrong delivery address.';
    const before = await lastId(s);
    const res = await s.gql(`mutation($id: ID!, $r: String!) { breakGlassRead(subjectId: $id, reason: $r) { id fullName phone } }`, { id: String(other), r: reason }, staff);
    expect(res.data?.breakGlassRead.fullName).toBeTruthy();
    const entries = await entriesSince(s, before);
    expect(entries.map((e) => [e.action, e.subject_id, e.fields, e.reason])).toEqual([['BREAK_GLASS', other, 'fullName,phone', reason]]);
    const queue = await s.gql('{ breakGlassReviewQueue { id subjectId reason } }', {}, manager);
    const item = queue.data?.breakGlassReviewQueue.find((e: { subjectId: string }) => Number(e.subjectId) === other);
    expect(item.reason).toBe(reason);
    const reviewed = await s.gql('mutation($id: ID!) { reviewBreakGlass(entryId: $id, note: "Justified") { entryId } }', { id: item.id }, manager);
    expect(reviewed.data?.reviewBreakGlass.entryId).toBe(item.id);
    const after = await s.gql('{ breakGlassReviewQueue { id } }', {}, manager);
    expect(after.data?.breakGlassReviewQueue.map((e: { id: string }) => e.id)).not.toContain(item.id);
  });

  test('matchDataSubjects returns masked names only and is audited as SEARCH under the case', async () => {
    const before = await lastId(s);
    const res = await s.gql(`query($c: ID!) { matchDataSubjects(caseId: $c, query: "ﾔﾏﾀﾞ") { id maskedName category } }`, { c: String(caseId) }, staff);
    expect(res.data?.matchDataSubjects).toEqual([{ id: String(mine), maskedName: '山田 **', category: 'CUSTOMER' }]);
    const entries = await entriesSince(s, before);
    expect(entries.map((e) => [e.action, e.case_id])).toEqual([['SEARCH', caseId]]);
  });

  test('search matches full-width and half-width forms (NFKC)', async () => {
    const res = await s.gql(`{ allDataSubjects(filter: { q: "ＴＡＲＯ.ＹＡＭＡＤＡ" }) { id } }`, {}, manager);
    expect(res.data?.allDataSubjects).toEqual([{ id: String(mine) }]);
  });

  test('staff see only their own audit entries; the manager sees all', async () => {
    const own = await s.gql('{ allAuditEntries(perPage: 1000) { actorId } }', {}, staff);
    const me = await s.gql('{ me { id } }', {}, staff);
    expect(new Set(own.data?.allAuditEntries.map((e: { actorId: string }) => e.actorId))).toEqual(new Set([me.data?.me.id]));
    const all = await s.gql('{ _allAuditEntriesMeta { count } }', {}, manager);
    expect(all.data?._allAuditEntriesMeta.count).toBeGreaterThan(own.data?.allAuditEntries.length);
  });
});
