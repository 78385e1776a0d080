import { digestText, UiLinks } from '../server/src/modules/reminder/reminder-texts';
import { databaseKinds } from './support/databases';
import { startServer, type GraphQLResponse, type TestServer } from './support/server';
import { assignedCase, auditSince, codeOf, lastAuditId, moveClock, moveThrough, newSubject, ruleOf, signIn, transition, type Tokens } from './support/case-workflow';

const REVIEW = 'id fiscalYear title periodFrom periodTo plannedOn heldOn participants lawChanges otherInputs conclusions status closedOn openActionCount';
const ACTION = 'id reviewId description ownerId dueOn status doneOn result overdue';
const INPUTS = `periodFrom periodTo gatheredOn
  internalAudit { auditCount closedAuditCount findings { kind count } openNonconformityCount openCorrectiveActionCount overdueCorrectiveActionCount }
  incidents { count byKind { kind count } reportableCount preliminaryOnTimeCount preliminaryLateCount preliminaryOverdueCount finalOnTimeCount finalLateCount finalOverdueCount }
  cases { total { type received completed completedOnTime completedLate open openOverdue } byType { type received completed completedOnTime completedLate open openOverdue } }
  training { fiscalYear courseCount userCount completeCount byDepartment { department userCount completeCount } }
  records { ledgerRecordCount ledgerReviewOverdueCount riskAssessmentOverdueCount highRiskUnmitigatedCount subcontractorCount supervisionOverdueCount subcontractorNotAllowedCount earlierActionOpenCount earlierActionOverdueCount }`;
const GATHER = `query($from: Date!, $to: Date!) { managementReviewInputs(periodFrom: $from, periodTo: $to) { ${INPUTS} } }`;
const CREATE = `mutation($title: String!, $periodFrom: Date!, $periodTo: Date!, $plannedOn: Date!, $participants: [String!], $lawChanges: String, $otherInputs: String) {
  createManagementReview(title: $title, periodFrom: $periodFrom, periodTo: $periodTo, plannedOn: $plannedOn, participants: $participants, lawChanges: $lawChanges, otherInputs: $otherInputs) { ${REVIEW} } }`;
const UPDATE = `mutation($id: ID!, $title: String, $periodFrom: Date, $periodTo: Date, $plannedOn: Date, $participants: [String!], $conclusions: String) {
  updateManagementReview(id: $id, title: $title, periodFrom: $periodFrom, periodTo: $periodTo, plannedOn: $plannedOn, participants: $participants, conclusions: $conclusions) { ${REVIEW} } }`;
const HOLD = `mutation($id: ID!, $heldOn: Date!, $participants: [String!], $conclusions: String) {
  holdManagementReview(id: $id, heldOn: $heldOn, participants: $participants, conclusions: $conclusions) { ${REVIEW} presentedInputs { ${INPUTS} } } }`;
const CLOSE = `mutation($id: ID!) { closeManagementReview(id: $id) { ${REVIEW} } }`;
const CREATE_ACTION = `mutation($reviewId: ID!, $description: String!, $ownerId: ID!, $dueOn: Date!) {
  createManagementReviewAction(reviewId: $reviewId, description: $description, ownerId: $ownerId, dueOn: $dueOn) { ${ACTION} } }`;
const RESULT = `mutation($id: ID!, $result: String!, $doneOn: Date!) { recordManagementReviewActionResult(id: $id, result: $result, doneOn: $doneOn) { ${ACTION} } }`;
const DASHBOARD = '{ dashboard { managementReview { scope fiscalYear heldThisFiscalYear nextReviewId nextPlannedOn openActionCount overdueActionCount overdueActionIds } } }';

const FROM = '2030-04-01';
const TO = '2031-03-31';

/*
 * The days of this suite lie in fiscal year 2030 (April 2030 to March 2031),
 * far from the demo data seeded around today, so what is gathered for the
 * period is exactly what the suite records.
 */
describe.each(databaseKinds())('management review on %s', (kind) => {
  let s: TestServer;
  let t: Tokens;
  const ids: Record<'staff' | 'staff2' | 'supervisor' | 'manager' | 'auditor', string> = {} as never;
  let reviewId: string;
  let snapshotBefore: Record<string, any>;

  const data = <T = Record<string, any>>(res: GraphQLResponse, name: string): T => {
    if (!res.data?.[name]) throw new Error(`${name} failed: ${res.body}`);
    return res.data[name] as T;
  };
  const gather = async (token = t.manager, from = FROM, to = TO) => data(await s.gql(GATHER, { from, to }, token), 'managementReviewInputs');
  const plan = (vars: Record<string, unknown> = {}, token = t.manager) =>
    s.gql(CREATE, { title: '2030年度 マネジメントレビュー', periodFrom: FROM, periodTo: TO, plannedOn: '2031-04-10', participants: ['代表取締役 山本', '個人情報保護管理者 佐藤'], ...vars }, token);
  const at = (instant: string) => moveClock(s, t, instant);

  beforeAll(async () => {
    s = await startServer(kind);
    t = await signIn(s);
    const users = data<Array<{ id: string; email: string }>>(await s.gql('{ allUsers(perPage: 100) { id email } }', {}, t.manager), 'allUsers');
    const idOf = (email: string) => users.find((u) => u.email === email)!.id;
    Object.assign(ids, {
      staff: idOf('staff@mamori.example'),
      staff2: idOf('staff2@mamori.example'),
      supervisor: idOf('supervisor@mamori.example'),
      manager: idOf('manager@mamori.example'),
      auditor: idOf('auditor@mamori.example'),
    });

    // cases received 1 March 2031 (due 15 March): answered on time, answered late, left open
    await at('2031-03-01T03:00:00Z');
    const subject = await newSubject(s, t.manager);
    const reject = async (id: string) => {
      const res = await transition(s, t.staff, id, 'REJECTED', { reasons: ['HARM_TO_INDIVIDUAL_OR_THIRD_PARTY'] });
      if (!res.data?.transitionCase) throw new Error(`reject failed: ${res.body}`);
    };
    const onTime = await assignedCase(s, t, { subjectId: subject, receivedOn: '2031-03-01' });
    const late = await assignedCase(s, t, { subjectId: subject, receivedOn: '2031-03-01' });
    await assignedCase(s, t, { subjectId: subject, receivedOn: '2031-03-01' });
    await moveThrough(s, t.staff, onTime, ['VERIFYING', 'IN_PROGRESS']);
    await moveThrough(s, t.staff, late, ['VERIFYING', 'IN_PROGRESS']);
    // the internal audit of the year: a nonconformity with an action due 10 March never taken, and an observation
    const audit = data(
      await s.gql(
        'mutation($a: ID!) { createInternalAudit(title: "年度末監査", scope: "開示等請求", departments: ["お客様相談室"], plannedFrom: "2031-03-02", plannedTo: "2031-03-05", auditorId: $a) { id } }',
        { a: ids.auditor },
        t.auditor,
      ),
      'createInternalAudit',
    ).id;
    const finding = (k: string) =>
      s.gql(`mutation($id: ID!) { createAuditFinding(auditId: $id, kind: ${k}, area: CASES, description: "記録の不備", foundOn: "2031-03-01") { id } }`, { id: audit }, t.auditor);
    const nonconformity = data(await finding('NONCONFORMITY'), 'createAuditFinding').id;
    data(await finding('OBSERVATION'), 'createAuditFinding');
    data(await s.gql(`mutation($f: ID!, $o: ID!) { createCorrectiveAction(findingId: $f, ownerId: $o, dueOn: "2031-03-10") { id } }`, { f: nonconformity, o: ids.staff }, t.manager), 'createCorrectiveAction');
    // the year's training: the customer desk and the manager passed, nobody else
    const course = data(await s.gql('mutation { createTrainingCourse(title: "2030年度 個人情報保護教育", fiscalYear: 2030, dueOn: "2031-03-31") { id } }', {}, t.manager), 'createTrainingCourse').id;
    for (const userId of [ids.staff, ids.staff2, ids.manager]) {
      data(await s.gql('mutation($c: ID!, $u: ID!) { recordTrainingCompletion(courseId: $c, userId: $u, completedOn: "2031-03-01", result: PASSED) { id } }', { c: course, u: userId }, t.manager), 'recordTrainingCompletion');
    }
    await at('2031-03-10T03:00:00Z');
    await reject(onTime);
    await at('2031-03-20T03:00:00Z');
    await reject(late);
    // the last day of the year and the first of the next, in Japan time
    await at('2031-04-01T03:00:00Z');
    await assignedCase(s, t, { subjectId: subject, receivedOn: '2031-03-31' });
    await assignedCase(s, t, { subjectId: subject, receivedOn: '2031-04-01' });
    await assignedCase(s, t, { subjectId: subject, receivedOn: '2030-03-31' });
    const incident = (detectedAt: string) =>
      s.gql('mutation($at: DateTime!) { createIncident(kind: LEAK, detectedAt: $at, description: "誤送信", peopleAffected: 1500) { id } }', { at: detectedAt }, t.manager);
    data(await incident('2031-03-31T14:59:59Z'), 'createIncident'); // 23:59:59 on 31 March in Japan: in the year
    data(await incident('2031-03-31T15:00:00Z'), 'createIncident'); // midnight of 1 April in Japan: the next year
    data(await incident('2030-03-31T15:00:00Z'), 'createIncident'); // midnight of 1 April 2030 in Japan: in the year
    data(await incident('2030-03-31T14:59:59Z'), 'createIncident'); // still 31 March 2030 in Japan: the year before
    await at('2031-04-08T03:00:00Z');
  });
  afterAll(() => s?.close());

  test('the inputs of a period are gathered from the records: cases on time and late, incidents, audit findings, training', async () => {
    const inputs = await gather();
    expect(inputs).toMatchObject({ periodFrom: FROM, periodTo: TO, gatheredOn: '2031-04-08' });
    const counts = { type: 'DISCLOSURE', received: 4, completed: 2, completedOnTime: 1, completedLate: 1, open: 2, openOverdue: 1 };
    expect(inputs.cases).toEqual({ total: { ...counts, type: null }, byType: [counts] });
    expect(inputs.incidents).toEqual({
      count: 2,
      byKind: [{ kind: 'LEAK', count: 2 }],
      reportableCount: 2,
      preliminaryOnTimeCount: 0,
      preliminaryLateCount: 0,
      // 1 April 2030's is long overdue; 31 March 2031's was due 5 April
      preliminaryOverdueCount: 2,
      finalOnTimeCount: 0,
      finalLateCount: 0,
      finalOverdueCount: 1,
    });
    expect(inputs.internalAudit).toEqual({
      auditCount: 1,
      closedAuditCount: 0,
      findings: [
        { kind: 'CONFORMITY', count: 0 },
        { kind: 'OBSERVATION', count: 1 },
        { kind: 'NONCONFORMITY', count: 1 },
      ],
      openNonconformityCount: 1,
      openCorrectiveActionCount: 1,
      overdueCorrectiveActionCount: 1,
    });
    const [{ n: active }] = await s.sql<{ n: number }>('SELECT COUNT(*) AS n FROM app_user WHERE active = ?', [true]);
    expect(inputs.training).toMatchObject({ fiscalYear: 2030, courseCount: 1, userCount: Number(active), completeCount: 3 });
    expect(inputs.training.byDepartment).toEqual(expect.arrayContaining([
      { department: 'お客様相談室', userCount: 2, completeCount: 2 },
      { department: '購買部', userCount: 1, completeCount: 0 },
      { department: '個人情報保護管理室', userCount: 1, completeCount: 1 },
    ]));
    // the demo's review of last year left one action open
    expect(inputs.records.earlierActionOpenCount).toBe(1);
    expect(JSON.stringify(inputs)).not.toMatch(/試験 申請者|丸の内/);
  });

  test('the fiscal year turns at midnight in Japan: 1 April belongs to the next period', async () => {
    const next = await gather(t.manager, '2031-04-01', '2031-04-08');
    expect(next.cases.total).toMatchObject({ received: 1, open: 1, openOverdue: 0 });
    expect(next.incidents.count).toBe(1);
    expect(next.training).toMatchObject({ fiscalYear: 2031, courseCount: 0, completeCount: 0 });
    const lastDay = await gather(t.manager, '2031-03-31', '2031-03-31');
    expect(lastDay.cases.total.received).toBe(1);
    expect(lastDay.incidents.count).toBe(1);
    expect(lastDay.training.fiscalYear).toBe(2030);
  });

  test('the privacy manager plans a review; bad input is refused and changes nothing', async () => {
    const before = await lastAuditId(s);
    const res = await plan({ plannedOn: '2031-03-31', periodTo: '2031-03-30' });
    expect(res.errors).toBeUndefined();
    const planned = res.data!.createManagementReview;
    expect(planned).toMatchObject({ fiscalYear: 2030, status: 'PLANNED', heldOn: null, participants: ['代表取締役 山本', '個人情報保護管理者 佐藤'], openActionCount: 0 });
    expect((await auditSince(s, before)).map((e) => [e.action, e.entity_type, e.entity_id])).toEqual([['CREATE', 'ManagementReview', planned.id]]);
    // planned on 1 April it belongs to the next fiscal year
    expect(data(await s.gql(UPDATE, { id: planned.id, plannedOn: '2031-04-01', periodTo: TO }, t.manager), 'updateManagementReview').fiscalYear).toBe(2031);

    const [{ n: rows }] = await s.sql<{ n: number }>('SELECT COUNT(*) AS n FROM management_review');
    const refused = async (vars: Record<string, unknown>, field: string) => {
      const r = await plan(vars);
      expect({ vars, code: codeOf(r) }).toEqual({ vars, code: 'BAD_USER_INPUT' });
      if (field) expect(r.errors![0]!.extensions.field).toBe(field);
    };
    await refused({ periodFrom: '2031-04-01', periodTo: '2031-03-31' }, 'periodTo');
    await refused({ periodFrom: '2028-04-01' }, 'periodTo');
    await refused({ plannedOn: '2031-03-30' }, 'plannedOn');
    await refused({ title: '   ' }, 'title');
    await refused({ title: 'x'.repeat(201) }, '');
    await refused({ participants: ['  '] }, 'participants');
    await refused({ participants: Array.from({ length: 31 }, (_, i) => `参加者${i}`) }, '');
    await refused({ lawChanges: 'x'.repeat(2001) }, '');
    await refused({ plannedOn: '2031-02-30' }, '');
    expect(await s.sql('SELECT COUNT(*) AS n FROM management_review')).toEqual([{ n: rows }]);
  });

  test('the internal auditor reads reviews and inputs but changes nothing; staff and supervisors are refused', async () => {
    reviewId = data(await plan(), 'createManagementReview').id;
    expect(data(await s.gql(`query($id: ID!) { ManagementReview(id: $id) { id inputs { cases { total { received } } } } }`, { id: reviewId }, t.auditor), 'ManagementReview').inputs.cases.total.received).toBe(4);
    expect((await gather(t.auditor)).cases.total.received).toBe(4);
    for (const token of [t.auditor, t.staff, t.supervisor]) {
      expect(codeOf(await plan({}, token))).toBe('FORBIDDEN');
      expect(codeOf(await s.gql(HOLD, { id: reviewId, heldOn: '2031-04-08' }, token))).toBe('FORBIDDEN');
      expect(codeOf(await s.gql(CLOSE, { id: reviewId }, token))).toBe('FORBIDDEN');
      expect(codeOf(await s.gql(CREATE_ACTION, { reviewId, description: 'x', ownerId: ids.staff, dueOn: '2031-05-01' }, token))).toBe('FORBIDDEN');
    }
    for (const token of [t.staff, t.supervisor]) {
      expect(codeOf(await s.gql(GATHER, { from: FROM, to: TO }, token))).toBe('FORBIDDEN');
      expect(codeOf(await s.gql('{ allManagementReviews { id } }', {}, token))).toBe('FORBIDDEN');
      expect(codeOf(await s.gql(`query($id: ID!) { ManagementReview(id: $id) { id } }`, { id: reviewId }, token))).toBe('FORBIDDEN');
    }
    expect(codeOf(await s.gql('{ allManagementReviews { id } }', {}))).toBe('UNAUTHENTICATED');
  });

  test('actions are decided once the review is held', async () => {
    const res = await s.gql(CREATE_ACTION, { reviewId, description: '教育の未受講者へ再案内', ownerId: ids.supervisor, dueOn: '2031-05-01' }, t.manager);
    expect(ruleOf(res)).toBe('REVIEW_NOT_HELD');
    expect(ruleOf(await s.gql(CLOSE, { id: reviewId }, t.manager))).toBe('REVIEW_NOT_HELD');
  });

  test('recording it as held keeps the inputs as presented, even when the records change later', async () => {
    expect(codeOf(await s.gql(HOLD, { id: reviewId, heldOn: '2031-04-09' }, t.manager))).toBe('BAD_USER_INPUT'); // the future
    expect(codeOf(await s.gql(HOLD, { id: reviewId, heldOn: '2031-03-30' }, t.manager))).toBe('BAD_USER_INPUT'); // before the period ends
    const live = await gather();
    const before = await lastAuditId(s);
    const held = data(await s.gql(HOLD, { id: reviewId, heldOn: '2031-04-08', conclusions: '運用は概ね適切。期限管理を強化する。' }, t.manager), 'holdManagementReview');
    expect(held).toMatchObject({ status: 'HELD', heldOn: '2031-04-08', fiscalYear: 2031, conclusions: '運用は概ね適切。期限管理を強化する。' });
    expect(held.presentedInputs).toEqual(live);
    const entries = await auditSince(s, before);
    expect(entries.map((e) => [e.action, e.entity_type, e.entity_id, e.reason])).toEqual([['UPDATE', 'ManagementReview', reviewId, 'held']]);
    for (const field of ['status', 'heldOn', 'inputsSnapshot']) expect(entries[0]!.fields).toContain(field);
    expect(ruleOf(await s.gql(HOLD, { id: reviewId, heldOn: '2031-04-08' }, t.manager))).toBe('REVIEW_ALREADY_HELD');
    expect(ruleOf(await s.gql(UPDATE, { id: reviewId, periodFrom: '2030-05-01' }, t.manager))).toBe('REVIEW_HELD');

    // the supervisor passes the course afterwards: the live inputs move, what was presented does not
    const course = (await s.sql<{ id: number }>('SELECT id FROM training_course WHERE fiscal_year = 2030'))[0]!.id;
    data(await s.gql('mutation($c: ID!, $u: ID!) { recordTrainingCompletion(courseId: $c, userId: $u, completedOn: "2031-03-31", result: PASSED) { id } }', { c: String(course), u: ids.supervisor }, t.manager), 'recordTrainingCompletion');
    const after = data(await s.gql(`query($id: ID!) { ManagementReview(id: $id) { inputs { training { completeCount } } presentedInputs { ${INPUTS} } } }`, { id: reviewId }, t.auditor), 'ManagementReview');
    expect(after.inputs.training.completeCount).toBe(4);
    expect(after.presentedInputs).toEqual(live);
    snapshotBefore = after.presentedInputs;
  });

  test('the held day is a Japan day: 1 April is in the future until midnight in Japan, then in the new fiscal year', async () => {
    await at('2031-03-31T14:30:00Z');
    const early = data(await plan({ plannedOn: '2031-04-01' }), 'createManagementReview').id;
    expect(codeOf(await s.gql(HOLD, { id: early, heldOn: '2031-04-01' }, t.manager))).toBe('BAD_USER_INPUT');
    await at('2031-03-31T15:30:00Z');
    expect(data(await s.gql(HOLD, { id: early, heldOn: '2031-04-01' }, t.manager), 'holdManagementReview')).toMatchObject({ status: 'HELD', fiscalYear: 2031 });
    await at('2031-04-08T03:00:00Z');
  });

  test('actions: owner an active user, due after the review; overdue flagged; the owner records the result; closing waits for them', async () => {
    const assign = (vars: Record<string, unknown>, token = t.manager) =>
      s.gql(CREATE_ACTION, { reviewId, description: '開示等請求の期限管理を週次で確認する', ownerId: ids.staff, dueOn: '2031-04-20', ...vars }, token);
    expect(codeOf(await assign({ ownerId: ids.auditor }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await assign({ dueOn: '2031-04-07' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await assign({ description: ' ' }))).toBe('BAD_USER_INPUT');
    const gone = data(
      await s.gql('mutation { createUser(email: "left@mamori.example", displayName: "退職 者", role: STAFF, password: "management-review-2031") { id } }', {}, t.manager),
      'createUser',
    ).id;
    data(await s.gql('mutation($id: ID!) { updateUser(id: $id, active: false) { id } }', { id: gone }, t.manager), 'updateUser');
    expect(codeOf(await assign({ ownerId: gone }))).toBe('BAD_USER_INPUT');

    const before = await lastAuditId(s);
    const action = data(await assign({}), 'createManagementReviewAction');
    expect(action).toMatchObject({ reviewId, ownerId: ids.staff, status: 'OPEN', overdue: false });
    const other = data(await assign({ ownerId: ids.staff2, dueOn: '2031-04-08' }), 'createManagementReviewAction');
    expect((await auditSince(s, before)).map((e) => [e.action, e.entity_type])).toEqual([
      ['CREATE', 'ManagementReviewAction'],
      ['CREATE', 'ManagementReviewAction'],
    ]);

    // closing with an open action is refused, naming the rule and the actions
    const refusal = await s.gql(CLOSE, { id: reviewId }, t.manager);
    expect(refusal.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', rule: 'REVIEW_ACTIONS_OPEN', actionIds: [action.id, other.id] });

    // due today is not overdue; the next day it is, on every dashboard that shows it
    expect(data(await s.gql(`query($id: ID!) { ManagementReviewAction(id: $id) { overdue } }`, { id: other.id }, t.manager), 'ManagementReviewAction').overdue).toBe(false);
    await at('2031-04-09T03:00:00Z');
    const managerCard = data(await s.gql(DASHBOARD, {}, t.manager), 'dashboard').managementReview;
    // (the demo's review of last year left an action open, long overdue by now)
    expect(managerCard).toMatchObject({ scope: 'ALL', fiscalYear: 2031, heldThisFiscalYear: true });
    expect(managerCard.overdueActionIds).toContain(other.id);
    expect(managerCard.overdueActionIds).not.toContain(action.id);
    expect(data(await s.gql(DASHBOARD, {}, t.auditor), 'dashboard').managementReview).toMatchObject({ scope: 'ALL', overdueActionIds: managerCard.overdueActionIds });
    const ownCard = data(await s.gql(DASHBOARD, {}, t.staff2), 'dashboard').managementReview;
    expect(ownCard).toMatchObject({ scope: 'MINE', heldThisFiscalYear: null, overdueActionCount: 1, openActionCount: 1, overdueActionIds: [other.id] });
    // the owner's daily digest names it; the auditor's, who only reads reviews, does not
    const digest = (role: string, language: 'ja' | 'en') => digestText({ role, today: '2031-04-09', managementReview: ownCard } as never, { retentionPurged: 0 }, language, new UiLinks('https://mamori.example'));
    expect(digest('STAFF', 'en')?.body).toContain('Management review actions past their due day: 1\n    https://mamori.example/#/ManagementReviewAction');
    expect(digest('STAFF', 'ja')?.body).toContain('期限を過ぎたマネジメントレビューの処置: 1件');
    expect(digest('AUDITOR', 'en')).toBeNull();
    expect(data(await s.gql(DASHBOARD, {}, t.staff), 'dashboard').managementReview).toMatchObject({ scope: 'MINE', overdueActionCount: 0, openActionCount: 1 });

    // owners read only their own actions
    expect(data<any[]>(await s.gql('{ allManagementReviewActions { id ownerId } }', {}, t.staff2), 'allManagementReviewActions')).toEqual([{ id: other.id, ownerId: ids.staff2 }]);
    expect(data<any[]>(await s.gql('{ allManagementReviewActions { ownerId } }', {}, t.staff), 'allManagementReviewActions').every((a) => a.ownerId === ids.staff)).toBe(true);
    expect(codeOf(await s.gql(`query($id: ID!) { ManagementReviewAction(id: $id) { id } }`, { id: other.id }, t.staff))).toBe('FORBIDDEN');
    expect(codeOf(await s.gql(RESULT, { id: other.id, result: '実施', doneOn: '2031-04-09' }, t.staff))).toBe('FORBIDDEN');
    expect(codeOf(await s.gql(RESULT, { id: action.id, result: '実施', doneOn: '2031-04-09' }, t.auditor))).toBe('FORBIDDEN');

    expect(codeOf(await s.gql(RESULT, { id: action.id, result: '実施', doneOn: '2031-04-10' }, t.staff))).toBe('BAD_USER_INPUT');
    expect(codeOf(await s.gql(RESULT, { id: action.id, result: '  ', doneOn: '2031-04-09' }, t.staff))).toBe('BAD_USER_INPUT');
    const resultBefore = await lastAuditId(s);
    expect(data(await s.gql(RESULT, { id: action.id, result: '週次の確認を始めた', doneOn: '2031-04-09' }, t.staff), 'recordManagementReviewActionResult')).toMatchObject({
      status: 'DONE',
      doneOn: '2031-04-09',
      result: '週次の確認を始めた',
      overdue: false,
    });
    expect((await auditSince(s, resultBefore)).map((e) => [e.action, e.entity_type, e.entity_id, e.reason])).toEqual([['UPDATE', 'ManagementReviewAction', action.id, 'done']]);
    expect(ruleOf(await s.gql(RESULT, { id: action.id, result: 'again', doneOn: '2031-04-09' }, t.staff))).toBe('ACTION_DONE');
    data(await s.gql(RESULT, { id: other.id, result: '契約期限の一覧を作成した', doneOn: '2031-04-09' }, t.staff2), 'recordManagementReviewActionResult');

    // closed once every action is done; then nothing changes any more
    const closeBefore = await lastAuditId(s);
    expect(data(await s.gql(CLOSE, { id: reviewId }, t.manager), 'closeManagementReview')).toMatchObject({ status: 'CLOSED', closedOn: '2031-04-09', openActionCount: 0 });
    expect((await auditSince(s, closeBefore)).map((e) => [e.action, e.entity_type, e.reason])).toEqual([['UPDATE', 'ManagementReview', 'closed']]);
    expect(ruleOf(await s.gql(UPDATE, { id: reviewId, conclusions: '変更' }, t.manager))).toBe('REVIEW_CLOSED');
    expect(ruleOf(await assign({}))).toBe('REVIEW_CLOSED');
    const kept = data(await s.gql(`query($id: ID!) { ManagementReview(id: $id) { presentedInputs { ${INPUTS} } } }`, { id: reviewId }, t.manager), 'ManagementReview');
    expect(kept.presentedInputs).toEqual(snapshotBefore);
  });

  test('a review held without conclusions does not close', async () => {
    const id = data(await plan(), 'createManagementReview').id;
    data(await s.gql(HOLD, { id, heldOn: '2031-04-09' }, t.manager), 'holdManagementReview');
    expect(ruleOf(await s.gql(CLOSE, { id }, t.manager))).toBe('REVIEW_CONCLUSIONS_MISSING');
    expect(codeOf(await s.gql(UPDATE, { id, participants: [] }, t.manager))).toBe('BAD_USER_INPUT');
  });
});
