import { databaseKinds } from './support/databases';
import { startServer, type TestServer } from './support/server';
import { auditSince, codeOf, lastAuditId, moveClock, ruleOf, signIn, type Tokens } from './support/case-workflow';

const COURSE = 'id title fiscalYear dueOn retiredAt';
const CREATE_COURSE = `mutation($title: String!, $fiscalYear: Int!, $dueOn: Date!) { createTrainingCourse(title: $title, fiscalYear: $fiscalYear, dueOn: $dueOn) { ${COURSE} } }`;
const RECORD = `mutation($courseId: ID!, $userId: ID!, $completedOn: Date!, $result: TrainingResult!, $score: Int) {
  recordTrainingCompletion(courseId: $courseId, userId: $userId, completedOn: $completedOn, result: $result, score: $score) { id courseId userId completedOn result score } }`;
const STATUS = 'userId fiscalYear coursesRequired coursesPassed missingCourseIds complete overdue lastPassedOn';

describe.each(databaseKinds())('training records on %s', (kind) => {
  let s: TestServer;
  let t: Tokens;
  let course: string;
  let managerId: string;

  const createCourse = (vars: Record<string, unknown>, token = t.manager) => s.gql(CREATE_COURSE, { title: '個人情報保護研修 2026年度', fiscalYear: 2026, dueOn: '2027-01-31', ...vars }, token);
  const record = (vars: Record<string, unknown>, token = t.manager) =>
    s.gql(RECORD, { courseId: course, userId: t.staffId, completedOn: '2026-12-01', result: 'PASSED', score: 90, ...vars }, token);
  const statusOf = async (userId: string, fiscalYear?: number) => {
    const res = await s.gql(`query($y: Int) { trainingStatus(fiscalYear: $y) { ${STATUS} } }`, { y: fiscalYear ?? null }, t.manager);
    return (res.data?.trainingStatus as Array<{ userId: string }>).find((r) => r.userId === userId);
  };

  beforeAll(async () => {
    s = await startServer(kind);
    s.clock.set('2026-12-01T03:00:00Z');
    t = await signIn(s);
    managerId = (await s.gql('{ me { id } }', {}, t.manager)).data?.me.id;
    const res = await createCourse({});
    course = res.data?.createTrainingCourse.id;
  });
  afterAll(() => s?.close());

  test('a course is created with its fiscal year and due day, and audited', async () => {
    const before = await lastAuditId(s);
    const res = await createCourse({ title: '  標的型メール訓練  ', dueOn: '2027-03-31' });
    expect(res.data?.createTrainingCourse).toMatchObject({ title: '標的型メール訓練', fiscalYear: 2026, dueOn: '2027-03-31', retiredAt: null });
    const entries = await auditSince(s, before);
    expect(entries.map((e) => [e.action, e.entity_type, e.entity_id, e.subject_id])).toEqual([['CREATE', 'TrainingCourse', res.data?.createTrainingCourse.id, null]]);
    // retired again so that only the first course is required in the tests below
    await s.gql('mutation($id: ID!) { retireTrainingCourse(id: $id) { id } }', { id: res.data?.createTrainingCourse.id }, t.manager);
  });

  test('the due day must lie within the fiscal year (1 April to 31 March)', async () => {
    const before = await lastAuditId(s);
    for (const dueOn of ['2026-03-31', '2027-04-01']) {
      const res = await createCourse({ dueOn });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions.field).toBe('dueOn');
    }
    expect(codeOf(await createCourse({ title: '   ' }))).toBe('BAD_USER_INPUT');
    expect(await auditSince(s, before)).toEqual([]);
  });

  test('only the manager manages courses and records training', async () => {
    expect(codeOf(await createCourse({}, t.staff))).toBe('FORBIDDEN');
    expect(codeOf(await record({}, t.staff))).toBe('FORBIDDEN');
    expect(codeOf(await s.gql(`{ trainingStatus { ${STATUS} } }`, {}, t.supervisor))).toBe('FORBIDDEN');
  });

  test('active users without a pass are flagged incomplete; a pass completes the course and is audited', async () => {
    expect(await statusOf(t.staffId)).toMatchObject({ fiscalYear: 2026, coursesRequired: 1, coursesPassed: 0, missingCourseIds: [course], complete: false, overdue: false });
    const failed = await record({ result: 'FAILED', score: 40, completedOn: '2026-11-20' });
    expect(failed.data?.recordTrainingCompletion).toMatchObject({ result: 'FAILED', score: 40 });
    expect((await statusOf(t.staffId))?.complete).toBe(false);
    const before = await lastAuditId(s);
    const passed = await record({});
    expect(passed.data?.recordTrainingCompletion).toMatchObject({ courseId: course, userId: t.staffId, completedOn: '2026-12-01', result: 'PASSED', score: 90 });
    expect((await auditSince(s, before)).map((e) => [e.action, e.entity_type, e.entity_id])).toEqual([['CREATE', 'TrainingCompletion', passed.data?.recordTrainingCompletion.id]]);
    expect(await statusOf(t.staffId)).toMatchObject({ coursesPassed: 1, missingCourseIds: [], complete: true, overdue: false, lastPassedOn: '2026-12-01' });
    const incomplete = await s.gql('{ trainingStatus(incompleteOnly: true) { userId } }', {}, t.manager);
    const flagged = (incomplete.data?.trainingStatus as Array<{ userId: string }>).map((r) => r.userId);
    expect(flagged).toContain(managerId);
    expect(flagged).not.toContain(t.staffId);
  });

  test('each user sees their own standing and attempts, never another user’s', async () => {
    const mine = await s.gql(`{ myTrainingStatus { ${STATUS} } allTrainingCompletions { userId result } _allTrainingCompletionsMeta { count } }`, {}, t.staff);
    expect(mine.data?.myTrainingStatus).toMatchObject({ userId: t.staffId, complete: true });
    expect(mine.data?.allTrainingCompletions).toEqual([
      { userId: t.staffId, result: 'FAILED' },
      { userId: t.staffId, result: 'PASSED' },
    ]);
    const other = await s.gql('{ myTrainingStatus { userId complete } allTrainingCompletions { userId } }', {}, t.staff2);
    expect(other.data?.myTrainingStatus.complete).toBe(false);
    expect(other.data?.allTrainingCompletions).toEqual([]);
    const all = await s.gql('{ _allTrainingCompletionsMeta { count } }', {}, t.manager);
    expect(all.data?._allTrainingCompletionsMeta.count).toBe(2);
  });

  test('the internal auditor reads every user’s standing and attempts, and records none', async () => {
    const audited = await s.gql(`{ trainingStatus { userId department complete } _allTrainingCompletionsMeta { count } }`, {}, t.auditor);
    expect(audited.data?._allTrainingCompletionsMeta.count).toBe(2);
    expect((audited.data?.trainingStatus as Array<{ userId: string }>).map((r) => r.userId)).toEqual(expect.arrayContaining([t.staffId, managerId]));
    expect(codeOf(await record({}, t.auditor))).toBe('FORBIDDEN');
    expect(codeOf(await createCourse({}, t.auditor))).toBe('FORBIDDEN');
  });

  test('bad attempts are refused and change nothing: future day, before the fiscal year, score out of range, unknown user', async () => {
    const before = await lastAuditId(s);
    expect(codeOf(await record({ completedOn: '2026-12-02' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await record({ completedOn: '2026-03-31' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await record({ score: 101 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await record({ score: -1 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await record({ userId: '999999' }))).toBe('NOT_FOUND');
    expect(await auditSince(s, before)).toEqual([]);
  });

  test('training recorded for a deactivated user is a CONFLICT naming the rule; the user is no longer required', async () => {
    const created = await s.gql(
      'mutation { createUser(email: "leaver@mamori.example", displayName: "退職 予定", role: STAFF, password: "a-long-enough-password-1") { id } }',
      {},
      t.manager,
    );
    const leaver = created.data?.createUser.id as string;
    expect(await statusOf(leaver)).toMatchObject({ complete: false });
    await s.gql('mutation($id: ID!) { updateUser(id: $id, active: false) { id } }', { id: leaver }, t.manager);
    const before = await lastAuditId(s);
    const res = await record({ userId: leaver });
    expect(codeOf(res)).toBe('CONFLICT');
    expect(ruleOf(res)).toBe('USER_DEACTIVATED');
    expect(await auditSince(s, before)).toEqual([]);
    expect(await statusOf(leaver)).toBeUndefined();
  });

  test('a retired course is kept, no longer required, and refuses new attempts and changes', async () => {
    const extra = (await createCourse({ title: '廃止予定の研修' })).data?.createTrainingCourse.id as string;
    expect((await statusOf(t.staffId))?.complete).toBe(false);
    const before = await lastAuditId(s);
    const retired = await s.gql('mutation($id: ID!) { retireTrainingCourse(id: $id) { id retiredAt } }', { id: extra }, t.manager);
    expect(retired.data?.retireTrainingCourse.retiredAt).toBeTruthy();
    expect((await auditSince(s, before)).map((e) => [e.action, e.entity_type, e.fields])).toEqual([['UPDATE', 'TrainingCourse', expect.stringContaining('retiredAt')]]);
    expect((await statusOf(t.staffId))?.complete).toBe(true);
    expect(ruleOf(await record({ courseId: extra }))).toBe('COURSE_RETIRED');
    expect(ruleOf(await s.gql('mutation($id: ID!) { updateTrainingCourse(id: $id, title: "x") { id } }', { id: extra }, t.manager))).toBe('COURSE_RETIRED');
    const listed = await s.gql('query($id: ID!) { TrainingCourse(id: $id) { id retiredAt } }', { id: extra }, t.staff);
    expect(listed.data?.TrainingCourse.id).toBe(extra);
  });

  test('a course not passed by its due day is overdue; due exactly today is not', async () => {
    const staff2Id = (await s.gql('{ me { id } }', {}, t.staff2)).data?.me.id as string;
    await moveClock(s, t, '2027-01-31T03:00:00Z');
    expect(await statusOf(staff2Id)).toMatchObject({ complete: false, overdue: false });
    await moveClock(s, t, '2027-02-01T03:00:00Z');
    expect(await statusOf(staff2Id)).toMatchObject({ complete: false, overdue: true });
    expect(await statusOf(t.staffId)).toMatchObject({ complete: true, overdue: false });
  });

  test('the year turns at midnight on 1 April in Japan time, not UTC', async () => {
    const next = (await createCourse({ title: '2027年度研修', fiscalYear: 2027, dueOn: '2027-06-30' })).data?.createTrainingCourse.id as string;
    // 31 March 23:59 in Japan (the clock runs on while the test signs in): still fiscal year 2026, whose course staff has passed
    await moveClock(s, t, '2027-03-31T14:59:00Z');
    expect(await statusOf(t.staffId)).toMatchObject({ fiscalYear: 2026, complete: true });
    expect((await s.gql('{ myTrainingStatus { fiscalYear } }', {}, t.staff)).data?.myTrainingStatus.fiscalYear).toBe(2026);
    expect(codeOf(await record({ courseId: next, completedOn: '2027-03-31' }))).toBe('BAD_USER_INPUT');
    // 1 April 00:00 in Japan (still 31 March in UTC): fiscal year 2027, its course not yet passed
    await moveClock(s, t, '2027-03-31T15:00:00Z');
    expect(await statusOf(t.staffId)).toMatchObject({ fiscalYear: 2027, complete: false, missingCourseIds: [next] });
    const passed = await record({ courseId: next, completedOn: '2027-04-01' });
    expect(passed.data?.recordTrainingCompletion.completedOn).toBe('2027-04-01');
    expect(await statusOf(t.staffId)).toMatchObject({ fiscalYear: 2027, complete: true });
    // earlier years stay answerable
    expect(await statusOf(t.staffId, 2026)).toMatchObject({ fiscalYear: 2026, complete: true });
  });
});
