import { japanDay } from '../server/src/clock';
import { databaseKinds } from './support/databases';
import { startServer, type GraphQLResponse, type TestServer } from './support/server';
import { assignedCase, codeOf, lastAuditId, moveClock, recordCase, signIn, type Tokens } from './support/case-workflow';
import { createRecord, createRisk, customerAccounts, purposeId } from './support/ledger';

const ITEM = 'key kind dueOn endsOn title resource recordId status overdue';
const CALENDAR = `query($fiscalYear: Int, $kinds: [CalendarItemKind!]) {
  complianceCalendar(fiscalYear: $fiscalYear, kinds: $kinds) { fiscalYear from to today items { ${ITEM} } } }`;
const TODAY = '2026-12-01';
const NOW = '2026-12-01T03:00:00Z';
const REQUESTER = '暦 太郎';

interface Item {
  key: string;
  kind: string;
  dueOn: string;
  endsOn: string | null;
  title: string;
  resource: string;
  recordId: string;
  status: string;
  overdue: boolean;
}

describe.each(databaseKinds())('the yearly calendar of what is due on %s', (kind) => {
  let s: TestServer;
  let t: Tokens;
  let purpose: string;
  const ids: Record<string, string> = {};

  const ok = async <T = Record<string, any>>(query: string, vars: Record<string, unknown>, token: string): Promise<T> => {
    const res = await s.gql(query, vars, token);
    if (!res.data || res.errors) throw new Error(`request failed: ${res.body}`);
    return res.data as T;
  };
  const calendar = (token: string, vars: Record<string, unknown> = {}): Promise<GraphQLResponse> => s.gql(CALENDAR, vars, token);
  const itemsOf = async (token: string, vars: Record<string, unknown> = {}): Promise<Item[]> => {
    const res = await calendar(token, vars);
    if (!res.data) throw new Error(`complianceCalendar failed: ${res.body}`);
    return res.data.complianceCalendar.items;
  };
  const find = (items: Item[], key: string) => items.find((i) => i.key === key);

  beforeAll(async () => {
    s = await startServer(kind);
    s.clock.set(NOW);
    t = await signIn(s);
    purpose = await purposeId(s, t.manager, 'CUSTOMER_SERVICES');
    const users = (await ok<{ allUsers: Array<{ id: string; email: string }> }>('{ allUsers(perPage: 100) { id email } }', {}, t.manager)).allUsers;
    const idOf = (email: string) => users.find((u) => u.email === email)!.id;
    ids.auditor = idOf('auditor@mamori.example');
    ids.staff = idOf('staff@mamori.example');

    // ledger: a review due today, a risk re-assessment due yesterday
    const ledger = (await createRecord(s, t.manager, customerAccounts(purpose, { lastReviewedOn: '2025-12-01' }))).data!.createLedgerRecord.id as string;
    ids.ledger = ledger;
    ids.risk = (await createRisk(s, t.manager, { ledgerRecordId: ledger, reviewedOn: '2025-11-30' })).data!.createRiskAssessment.id;

    ids.course = (await ok('mutation { createTrainingCourse(title: "暦の研修 2026", fiscalYear: 2026, dueOn: "2027-01-31") { id } }', {}, t.manager)).createTrainingCourse.id;
    ids.lastDayCourse = (await ok('mutation { createTrainingCourse(title: "年度末の研修", fiscalYear: 2026, dueOn: "2027-03-31") { id } }', {}, t.manager)).createTrainingCourse.id;
    ids.nextYearCourse = (await ok('mutation { createTrainingCourse(title: "新年度の研修", fiscalYear: 2027, dueOn: "2027-04-01") { id } }', {}, t.manager)).createTrainingCourse.id;

    // internal audit: planned from today to 10 December, a nonconformity, an action owned by staff due 20 December
    ids.audit = (
      await ok(
        `mutation($a: ID!) { createInternalAudit(title: "暦の内部監査", scope: "請求の手順", departments: ["お客様相談室"], plannedFrom: "2026-12-01", plannedTo: "2026-12-10", auditorId: $a) { id } }`,
        { a: ids.auditor },
        t.auditor,
      )
    ).createInternalAudit.id;
    const finding = (
      await ok(
        'mutation($id: ID!) { createAuditFinding(auditId: $id, kind: NONCONFORMITY, area: CASES, description: "受付記録の不備", foundOn: "2026-12-01") { id } }',
        { id: ids.audit },
        t.auditor,
      )
    ).createAuditFinding.id;
    ids.action = (await ok('mutation($f: ID!, $o: ID!) { createCorrectiveAction(findingId: $f, ownerId: $o, dueOn: "2026-12-20") { id } }', { f: finding, o: ids.staff }, t.manager)).createCorrectiveAction.id;

    // management review: one held on 20 November with an action for staff due 10 December, the next planned for 15 March
    ids.review1 = (
      await ok('mutation { createManagementReview(title: "上期のマネジメントレビュー", periodFrom: "2026-04-01", periodTo: "2026-10-31", plannedOn: "2026-11-20") { id } }', {}, t.manager)
    ).createManagementReview.id;
    await ok('mutation($id: ID!) { holdManagementReview(id: $id, heldOn: "2026-11-20", participants: ["代表取締役"]) { id } }', { id: ids.review1 }, t.manager);
    ids.reviewAction = (
      await ok('mutation($r: ID!, $o: ID!) { createManagementReviewAction(reviewId: $r, description: "委託先管理の手順を見直す", ownerId: $o, dueOn: "2026-12-10") { id } }', { r: ids.review1, o: ids.staff }, t.manager)
    ).createManagementReviewAction.id;
    ids.review2 = (
      await ok('mutation { createManagementReview(title: "年度末のマネジメントレビュー", periodFrom: "2026-04-01", periodTo: "2027-02-28", plannedOn: "2027-03-15") { id } }', {}, t.manager)
    ).createManagementReview.id;

    // supervision: an agreement expiring 31 January, a review overdue since 15 November, a hand-over ending 15 December
    ids.subcontractor = (
      await ok(
        'mutation($p: [ID!]) { createSubcontractor(name: "暦の委託先株式会社", contact: "総務部", entrustedCategories: [CUSTOMER], entrustedPurposes: $p, meetsStandards: true) { id } }',
        { p: [purpose] },
        t.supervisor,
      )
    ).createSubcontractor.id;
    ids.agreement = (
      await ok(
        'mutation($id: ID!) { createConfidentialityAgreement(subcontractorId: $id, signedOn: "2026-06-01", effectiveFrom: "2026-06-01", expiresOn: "2027-01-31", documentRef: "NDA-CAL") { id } }',
        { id: ids.subcontractor },
        t.supervisor,
      )
    ).createConfidentialityAgreement.id;
    ids.review = (
      await ok(
        'mutation($id: ID!) { createSupervisionReview(subcontractorId: $id, reviewedOn: "2026-06-10", result: COMPLIANT, nextReviewDue: "2026-11-15") { id } }',
        { id: ids.subcontractor },
        t.supervisor,
      )
    ).createSupervisionReview.id;
    ids.entrustment = (
      await ok(
        `mutation($id: ID!, $p: [ID!]!) { createEntrustment(subcontractorId: $id, dataCategories: [CUSTOMER], subjectCount: 40, purposeIds: $p,
          handedOverOn: "2026-11-20", endsOn: "2026-12-15") { id } }`,
        { id: ids.subcontractor, p: [purpose] },
        t.supervisor,
      )
    ).createEntrustment.id;

    // a reportable incident detected on 20 November (Japan time): preliminary report due 25 November, final 20 December
    ids.incident = (
      await ok('mutation { createIncident(kind: LEAK, detectedAt: "2026-11-20T01:00:00Z", description: "誤送信", peopleAffected: 3, sensitiveData: true) { id } }', {}, t.staff)
    ).createIncident.id;
    ids.measure = (await ok('mutation($id: ID!) { createIncidentMeasure(incidentId: $id, description: "再発防止", dueOn: "2026-12-05") { id } }', { id: ids.incident }, t.manager)).createIncidentMeasure.id;

    // cases: one assigned to staff, one to nobody; replies due 14 days after receipt
    ids.staffCase = await assignedCase(s, t, { receivedOn: '2026-11-20', requesterName: REQUESTER });
    ids.otherCase = await recordCase(s, t.manager, { receivedOn: '2026-11-17', requesterName: REQUESTER });

    // data received on 1 December 2023: kept until today
    ids.received = (
      await ok(
        `mutation { createReceivedDataRecord(providerName: "株式会社提供元", providerAddress: "東京都港区芝公園4-2-8", acquisitionMethod: "本人の同意を得て取得",
          receivedOn: "2023-12-01", items: ["氏名"], subjectCategory: CUSTOMER) { id } }`,
        {},
        t.manager,
      )
    ).createReceivedDataRecord.id;
  });
  afterAll(() => s?.close());
  afterEach(async () => {
    if (japanDay(s.clock.now()) !== TODAY) await moveClock(s, t, NOW);
  });

  test('the privacy manager sees each source on its day with its status', async () => {
    const res = await calendar(t.manager);
    expect(res.errors).toBeUndefined();
    const cal = res.data!.complianceCalendar;
    expect(cal).toMatchObject({ fiscalYear: 2026, from: '2026-04-01', to: '2027-03-31', today: TODAY });
    const items: Item[] = cal.items;
    const expectItem = (key: string, fields: Partial<Item>) => expect(find(items, key)).toMatchObject(fields);
    expectItem(`LEDGER_REVIEW:${ids.ledger}`, { dueOn: TODAY, status: 'DUE_TODAY', overdue: false, resource: 'LedgerRecord', recordId: ids.ledger });
    expectItem(`RISK_REASSESSMENT:${ids.risk}`, { dueOn: '2026-11-30', status: 'OVERDUE', overdue: true, resource: 'LedgerRecord', recordId: ids.ledger });
    expectItem(`TRAINING_DUE:${ids.course}`, { dueOn: '2027-01-31', status: 'UPCOMING', title: '暦の研修 2026', resource: 'TrainingCourse' });
    expectItem(`TRAINING_DUE:${ids.lastDayCourse}`, { dueOn: '2027-03-31' });
    expect(find(items, `TRAINING_DUE:${ids.nextYearCourse}`)).toBeUndefined();
    expectItem(`INTERNAL_AUDIT:${ids.audit}`, { dueOn: TODAY, endsOn: '2026-12-10', status: 'DUE_TODAY', title: '暦の内部監査' });
    expectItem(`CORRECTIVE_ACTION:${ids.action}`, { dueOn: '2026-12-20', status: 'UPCOMING', title: `暦の内部監査 · No. ${ids.action}` });
    expectItem(`MANAGEMENT_REVIEW:${ids.review1}`, { dueOn: '2026-11-20', status: 'DONE', overdue: false, title: '上期のマネジメントレビュー', resource: 'ManagementReview' });
    expectItem(`MANAGEMENT_REVIEW:${ids.review2}`, { dueOn: '2027-03-15', status: 'UPCOMING' });
    expectItem(`MANAGEMENT_REVIEW_ACTION:${ids.reviewAction}`, { dueOn: '2026-12-10', status: 'UPCOMING', title: `上期のマネジメントレビュー · No. ${ids.reviewAction}`, resource: 'ManagementReviewAction' });
    expectItem(`AGREEMENT_EXPIRY:${ids.agreement}`, { dueOn: '2027-01-31', status: 'UPCOMING', title: '暦の委託先株式会社', resource: 'ConfidentialityAgreement' });
    expectItem(`SUPERVISION_REVIEW:${ids.review}`, { dueOn: '2026-11-15', status: 'OVERDUE', resource: 'Subcontractor', recordId: ids.subcontractor });
    expectItem(`ENTRUSTMENT_END:${ids.entrustment}`, { dueOn: '2026-12-15', status: 'UPCOMING', resource: 'Entrustment' });
    expectItem(`INCIDENT_PRELIMINARY_REPORT:${ids.incident}`, { dueOn: '2026-11-25', status: 'OVERDUE', resource: 'Incident' });
    expectItem(`INCIDENT_FINAL_REPORT:${ids.incident}`, { dueOn: '2026-12-20', status: 'UPCOMING' });
    expectItem(`INCIDENT_MEASURE:${ids.measure}`, { dueOn: '2026-12-05', status: 'UPCOMING', resource: 'Incident', recordId: ids.incident });
    expectItem(`CASE_REPLY:${ids.staffCase}`, { dueOn: '2026-12-04', status: 'UPCOMING', resource: 'Case' });
    expectItem(`CASE_REPLY:${ids.otherCase}`, { dueOn: TODAY, status: 'DUE_TODAY' });
    expectItem(`RECEIVED_DATA_RETENTION_END:${ids.received}`, { dueOn: TODAY, status: 'DUE_TODAY', title: `No. ${ids.received}` });
    // by day, every day within the fiscal year
    const days = items.map((i) => i.dueOn);
    expect(days).toEqual([...days].sort());
    expect(items.every((i) => i.dueOn >= '2026-04-01' && i.dueOn <= '2027-03-31')).toBe(true);
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
  });

  test('a title never names the requester of a case: cases go by their reference', async () => {
    const items = await itemsOf(t.manager, { kinds: ['CASE_REPLY'] });
    const reference = (await ok<{ Case: { reference: string } }>('query($id: ID!) { Case(id: $id) { reference } }', { id: ids.staffCase }, t.manager)).Case.reference;
    expect(find(items, `CASE_REPLY:${ids.staffCase}`)!.title).toBe(reference);
    expect(items.every((i) => i.kind === 'CASE_REPLY')).toBe(true);
    for (const token of [t.manager, t.staff, t.auditor]) expect(JSON.stringify(await itemsOf(token))).not.toContain(REQUESTER);
  });

  test('done items: a report made, a corrective action taken, a supervision review superseded, a hand-over closed, a review action done', async () => {
    await ok('mutation($id: ID!) { updateIncident(id: $id, preliminaryReportedOn: "2026-11-24") { id } }', { id: ids.incident }, t.manager);
    await ok('mutation($id: ID!) { updateCorrectiveAction(id: $id, actionTaken: "手順書を改訂", completedOn: "2026-12-01") { id } }', { id: ids.action }, t.staff);
    const later = (
      await ok(
        'mutation($id: ID!) { createSupervisionReview(subcontractorId: $id, reviewedOn: "2026-11-30", result: COMPLIANT, nextReviewDue: "2027-11-30") { id } }',
        { id: ids.subcontractor },
        t.supervisor,
      )
    ).createSupervisionReview.id;
    await ok('mutation($id: ID!) { recordManagementReviewActionResult(id: $id, result: "手順書を改訂した", doneOn: "2026-12-01") { id } }', { id: ids.reviewAction }, t.staff);
    await ok('mutation($id: ID!) { closeEntrustment(id: $id, certificateKind: DESTRUCTION, certificateRef: "DES-CAL") { id } }', { id: ids.entrustment }, t.supervisor);
    const items = await itemsOf(t.manager);
    expect(find(items, `ENTRUSTMENT_END:${ids.entrustment}`)!.status).toBe('DONE');
    expect(find(items, `MANAGEMENT_REVIEW_ACTION:${ids.reviewAction}`)!.status).toBe('DONE');
    expect(find(items, `INCIDENT_PRELIMINARY_REPORT:${ids.incident}`)).toMatchObject({ status: 'DONE', overdue: false });
    expect(find(items, `INCIDENT_FINAL_REPORT:${ids.incident}`)!.status).toBe('UPCOMING');
    expect(find(items, `CORRECTIVE_ACTION:${ids.action}`)!.status).toBe('DONE');
    expect(find(items, `SUPERVISION_REVIEW:${ids.review}`)!.status).toBe('DONE');
    expect(find(items, `SUPERVISION_REVIEW:${later}`)).toBeUndefined(); // due in the next fiscal year
    expect(find(await itemsOf(t.manager, { fiscalYear: 2027 }), `SUPERVISION_REVIEW:${later}`)).toMatchObject({ dueOn: '2027-11-30', status: 'UPCOMING' });
  });

  test('due exactly today is not overdue; the day after it is', async () => {
    const key = `LEDGER_REVIEW:${ids.ledger}`;
    expect(find(await itemsOf(t.manager), key)!.status).toBe('DUE_TODAY');
    // 23:59 in Japan on the due day
    await moveClock(s, t, '2026-12-01T14:59:00Z');
    expect(find(await itemsOf(t.manager), key)).toMatchObject({ status: 'DUE_TODAY', overdue: false });
    // midnight in Japan: the next day
    await moveClock(s, t, '2026-12-01T15:00:00Z');
    expect(find(await itemsOf(t.manager), key)).toMatchObject({ status: 'OVERDUE', overdue: true });
    // an internal audit is due while it is carried out, overdue after its last planned day
    const auditKey = `INTERNAL_AUDIT:${ids.audit}`;
    await moveClock(s, t, '2026-12-10T03:00:00Z');
    expect(find(await itemsOf(t.manager), auditKey)!.status).toBe('DUE_TODAY');
    await moveClock(s, t, '2026-12-11T03:00:00Z');
    expect(find(await itemsOf(t.manager), auditKey)!.status).toBe('OVERDUE');
  });

  test('the fiscal year turns at midnight in Japan between 31 March and 1 April', async () => {
    await moveClock(s, t, '2027-03-31T14:59:00Z'); // 23:59 on 31 March in Japan
    let cal = (await calendar(t.manager)).data!.complianceCalendar;
    expect([cal.fiscalYear, cal.today]).toEqual([2026, '2027-03-31']);
    expect(find(cal.items, `TRAINING_DUE:${ids.lastDayCourse}`)).toMatchObject({ dueOn: '2027-03-31', status: 'DUE_TODAY' });
    expect(find(cal.items, `TRAINING_DUE:${ids.nextYearCourse}`)).toBeUndefined();
    await moveClock(s, t, '2027-03-31T15:00:00Z'); // midnight: 1 April in Japan
    cal = (await calendar(t.manager)).data!.complianceCalendar;
    expect([cal.fiscalYear, cal.from, cal.to, cal.today]).toEqual([2027, '2027-04-01', '2028-03-31', '2027-04-01']);
    expect(find(cal.items, `TRAINING_DUE:${ids.nextYearCourse}`)).toMatchObject({ dueOn: '2027-04-01', status: 'DUE_TODAY' });
    expect(find(cal.items, `TRAINING_DUE:${ids.lastDayCourse}`)).toBeUndefined();
    const before = (await calendar(t.manager, { fiscalYear: 2026 })).data!.complianceCalendar;
    expect(find(before.items, `TRAINING_DUE:${ids.lastDayCourse}`)).toMatchObject({ status: 'OVERDUE' });

    // an incident's report deadline falls in the year of the Japan day it was detected on
    const detected = async (at: string) => (await ok('mutation($at: DateTime!) { createIncident(kind: LOSS, detectedAt: $at, description: "紛失", peopleAffected: 2000) { id } }', { at }, t.manager)).createIncident.id;
    const lateOn26th = await detected('2027-03-26T14:30:00Z'); // 23:30 on 26 March in Japan: due 31 March
    const earlyOn27th = await detected('2027-03-26T15:30:00Z'); // 00:30 on 27 March in Japan: due 1 April
    const fy2026 = (await itemsOf(t.manager, { fiscalYear: 2026, kinds: ['INCIDENT_PRELIMINARY_REPORT'] })).map((i) => i.key);
    const fy2027 = (await itemsOf(t.manager, { fiscalYear: 2027, kinds: ['INCIDENT_PRELIMINARY_REPORT'] })).map((i) => i.key);
    expect(fy2026).toContain(`INCIDENT_PRELIMINARY_REPORT:${lateOn26th}`);
    expect(fy2026).not.toContain(`INCIDENT_PRELIMINARY_REPORT:${earlyOn27th}`);
    expect(fy2027).toContain(`INCIDENT_PRELIMINARY_REPORT:${earlyOn27th}`);
  });

  test('staff see their own cases, training and corrective actions, nothing else', async () => {
    const mine = await itemsOf(t.staff);
    expect(find(mine, `CASE_REPLY:${ids.staffCase}`)).toBeDefined();
    expect(find(mine, `CASE_REPLY:${ids.otherCase}`)).toBeUndefined();
    expect(find(mine, `CORRECTIVE_ACTION:${ids.action}`)).toMatchObject({ title: `No. ${ids.action}` });
    expect(find(mine, `TRAINING_DUE:${ids.course}`)).toMatchObject({ status: 'UPCOMING' });
    expect(find(mine, `MANAGEMENT_REVIEW_ACTION:${ids.reviewAction}`)).toMatchObject({ title: `No. ${ids.reviewAction}` });
    expect(find(mine, `MANAGEMENT_REVIEW:${ids.review2}`)).toBeUndefined();
    expect([...new Set(mine.map((i) => i.kind))].sort()).toEqual(expect.arrayContaining(['CASE_REPLY', 'TRAINING_DUE']));
    expect(mine.every((i) => ['CASE_REPLY', 'TRAINING_DUE', 'CORRECTIVE_ACTION', 'MANAGEMENT_REVIEW_ACTION'].includes(i.kind))).toBe(true);
    // another staff member: neither the case nor the action
    const theirs = await itemsOf(t.staff2);
    expect(find(theirs, `CASE_REPLY:${ids.staffCase}`)).toBeUndefined();
    expect(find(theirs, `CORRECTIVE_ACTION:${ids.action}`)).toBeUndefined();
    expect(find(theirs, `MANAGEMENT_REVIEW_ACTION:${ids.reviewAction}`)).toBeUndefined();
    // asking for a kind not theirs gives nothing, not an error
    expect(await itemsOf(t.staff, { kinds: ['LEDGER_REVIEW', 'INCIDENT_FINAL_REPORT'] })).toEqual([]);
  });

  test('a user’s training is done once they passed; the manager’s once every active user did', async () => {
    await ok('mutation($c: ID!, $u: ID!) { recordTrainingCompletion(courseId: $c, userId: $u, completedOn: "2026-12-01", result: PASSED, score: 90) { id } }', { c: ids.course, u: ids.staff }, t.manager);
    expect(find(await itemsOf(t.staff), `TRAINING_DUE:${ids.course}`)!.status).toBe('DONE');
    expect(find(await itemsOf(t.staff2), `TRAINING_DUE:${ids.course}`)!.status).toBe('UPCOMING');
    expect(find(await itemsOf(t.manager), `TRAINING_DUE:${ids.course}`)!.status).toBe('UPCOMING');
  });

  test('supervisors see the supervision, incidents and training; no case, ledger or audit plan', async () => {
    const items = await itemsOf(t.supervisor);
    for (const key of [`AGREEMENT_EXPIRY:${ids.agreement}`, `SUPERVISION_REVIEW:${ids.review}`, `ENTRUSTMENT_END:${ids.entrustment}`, `INCIDENT_FINAL_REPORT:${ids.incident}`, `INCIDENT_MEASURE:${ids.measure}`, `TRAINING_DUE:${ids.course}`]) {
      expect(find(items, key)).toBeDefined();
    }
    const kinds = new Set(items.map((i) => i.kind));
    for (const k of ['CASE_REPLY', 'LEDGER_REVIEW', 'RISK_REASSESSMENT', 'INTERNAL_AUDIT', 'MANAGEMENT_REVIEW', 'RECEIVED_DATA_RETENTION_END', 'CASE_DOCUMENTS_DESTRUCTION', 'PROVISION_RETENTION_END']) expect(kinds.has(k)).toBe(false);
  });

  test('the internal auditor sees every case, the ledger and the audit plan, but no record of personal data it may not read', async () => {
    const items = await itemsOf(t.auditor);
    for (const key of [`CASE_REPLY:${ids.staffCase}`, `CASE_REPLY:${ids.otherCase}`, `LEDGER_REVIEW:${ids.ledger}`, `INTERNAL_AUDIT:${ids.audit}`, `CORRECTIVE_ACTION:${ids.action}`, `SUPERVISION_REVIEW:${ids.review}`, `MANAGEMENT_REVIEW:${ids.review2}`]) {
      expect(find(items, key)).toBeDefined();
    }
    // records of data received and provision records hold personal data: the manager's only
    expect(items.some((i) => i.kind === 'RECEIVED_DATA_RETENTION_END' || i.kind === 'PROVISION_RETENTION_END')).toBe(false);
    expect(JSON.stringify(items)).not.toContain('株式会社提供元');
  });

  test('reading the calendar writes no audit entry (no personal data is read)', async () => {
    const before = await lastAuditId(s);
    for (const token of [t.manager, t.staff, t.supervisor, t.auditor]) await itemsOf(token);
    expect(await lastAuditId(s)).toBe(before);
  });

  test('a bad year or kind is BAD_USER_INPUT; without signing in, UNAUTHENTICATED', async () => {
    for (const fiscalYear of [1999, 3000, -1]) {
      const res = await calendar(t.manager, { fiscalYear });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.data?.complianceCalendar ?? null).toBeNull();
    }
    expect(codeOf(await calendar(t.manager, { kinds: ['NOT_A_KIND'] }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await calendar(t.manager, { fiscalYear: 'next' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await calendar(''))).toBe('UNAUTHENTICATED');
    // the bounds themselves are years
    expect((await calendar(t.manager, { fiscalYear: 2000 })).data!.complianceCalendar.from).toBe('2000-04-01');
    expect((await calendar(t.manager, { fiscalYear: 2999 })).data!.complianceCalendar.to).toBe('3000-03-31');
  });
});
