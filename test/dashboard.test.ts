import { CASE_STATUSES } from '@mamori/shared';
import { databaseKinds } from './support/databases';
import { AUDITOR, MANAGER, STAFF, STAFF2, SUPERVISOR, startServer, type TestServer } from './support/server';

const noonJst = (day: string) => `${day}T03:00:00.000Z`;
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const TODAY = '2026-06-10'; // a Wednesday

const DASHBOARD = `{ dashboard {
  role today assignmentQueue pendingBreakGlassReviews
  cases { scope overdueCount dueSoonCount overdue { id reference type status dueOn daysLeft assigneeId } dueSoon { id reference dueOn daysLeft }
    byStatus { status count } receivedPerWeek { weekStart count } }
  supervision { expiringAgreementCount expiringAgreementIds overdueReviewCount overdueReviewSubcontractorIds notAllowedCount notAllowedSubcontractorIds
    openEntrustmentCount pastEndEntrustmentCount pastEndEntrustmentIds openAtNotAllowedCount openAtNotAllowedEntrustmentIds }
  incidents { reportPendingCount reportPendingIds preliminaryFlaggedCount preliminaryFlaggedIds preliminaryOverdueCount preliminaryOverdueIds
    finalOverdueCount finalOverdueIds nextReportDueOn notificationPendingCount overdueMeasureCount }
} }`;

describe.each(databaseKinds())('dashboard on %s', (kind) => {
  let s: TestServer;
  let manager: string;
  let staff: string;
  let staff2: string;
  let supervisor: string;
  let staffId: string;
  let staff2Id: string;
  let purposeId: string;
  let seq = 0;

  async function ok<T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
    const res = await s.gql(query, variables, token);
    if (res.errors?.length || !res.data) throw new Error(`unexpected errors: ${JSON.stringify(res.errors)}`);
    return res.data as T;
  }
  const dashboard = async (token: string) => (await ok(DASHBOARD, {}, token)).dashboard;

  async function createCase(receivedOn: string, assigneeId: string | null, requesterName = '検証 太郎') {
    const c = (
      await ok(
        `mutation($on: Date!, $name: String!) { createCase(type: DISCLOSURE, requester: SELF, requesterName: $name,
          replyAddress: "〒100-0001 東京都千代田区千代田1-1", channel: MAIL, receivedOn: $on, requestedItems: [{ item: NAME }]) { id reference } }`,
        { on: receivedOn, name: requesterName },
        manager,
      )
    ).createCase;
    if (assigneeId) await ok('mutation($id: ID!, $a: ID!) { assignCase(id: $id, assigneeId: $a) { id } }', { id: c.id, a: assigneeId }, manager);
    return c as { id: string; reference: string };
  }

  async function createSubcontractor() {
    seq += 1;
    return (
      await ok(
        `mutation($name: String!, $p: [ID!]) { createSubcontractor(name: $name, contact: "総務部", entrustedCategories: [CUSTOMER],
          entrustedPurposes: $p, meetsStandards: true) { id } }`,
        { name: `ダッシュボード委託先${seq}`, p: [purposeId] },
        supervisor,
      )
    ).createSubcontractor.id as string;
  }

  beforeAll(async () => {
    s = await startServer(kind);
    [manager, staff, staff2, supervisor] = await Promise.all([s.login(MANAGER), s.login(STAFF), s.login(STAFF2), s.login(SUPERVISOR)]);
    const users = (await ok('{ allUsers(perPage: 100) { id email } }', {}, manager)).allUsers as Array<{ id: string; email: string }>;
    staffId = users.find((u) => u.email === STAFF)!.id;
    staff2Id = users.find((u) => u.email === STAFF2)!.id;
    purposeId = (await ok('{ allPurposeOfUses(perPage: 1) { id } }', {}, manager)).allPurposeOfUses[0].id;
  });
  afterAll(() => s?.close());
  beforeEach(() => s.clock.set(noonJst(TODAY)));

  test('each role gets its own sections: manager all, staff their cases, supervisors the supervision', async () => {
    const m = await dashboard(manager);
    expect(m).toMatchObject({ role: 'PRIVACY_MANAGER', today: TODAY, cases: { scope: 'ALL' } });
    expect(typeof m.assignmentQueue).toBe('number');
    expect(typeof m.pendingBreakGlassReviews).toBe('number');
    expect(m.supervision).not.toBeNull();
    expect(m.incidents).not.toBeNull();
    const st = await dashboard(staff);
    expect(st).toMatchObject({ role: 'STAFF', cases: { scope: 'ASSIGNED_TO_ME' }, assignmentQueue: null, pendingBreakGlassReviews: null, supervision: null });
    expect(st.incidents).not.toBeNull();
    const su = await dashboard(supervisor);
    expect(su).toMatchObject({ role: 'SUPERVISOR', cases: null, assignmentQueue: null, pendingBreakGlassReviews: null });
    expect(su.supervision).not.toBeNull();
    expect((await s.gql('{ dashboard { role } }')).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  test('the internal auditor sees every case deadline and the supervision, not the manager queues', async () => {
    const au = await dashboard(await s.login(AUDITOR));
    expect(au).toMatchObject({ role: 'AUDITOR', cases: { scope: 'ALL' }, assignmentQueue: null, pendingBreakGlassReviews: null });
    expect(au.supervision).not.toBeNull();
    expect(au.cases.byStatus).toEqual((await dashboard(manager)).cases.byStatus);
  });

  test('overdue and due-soon cases on both sides of their edge days; staff see only their own', async () => {
    const overdue = await createCase(addDays(TODAY, -15), staffId); // due yesterday
    const dueToday = await createCase(addDays(TODAY, -14), staffId);
    const dueIn3 = await createCase(addDays(TODAY, -11), staffId);
    const dueIn4 = await createCase(addDays(TODAY, -10), staffId);
    const othersOverdue = await createCase(addDays(TODAY, -20), staff2Id);
    const ids = (list: Array<{ id: string }>) => list.map((c) => c.id);

    const mine = (await dashboard(staff)).cases;
    expect(ids(mine.overdue)).toContain(overdue.id);
    expect(ids(mine.overdue)).not.toContain(othersOverdue.id);
    expect(ids(mine.overdue)).not.toContain(dueToday.id);
    expect(ids(mine.dueSoon)).toEqual(expect.arrayContaining([dueToday.id, dueIn3.id]));
    expect(ids(mine.dueSoon)).not.toContain(dueIn4.id);
    expect(mine.overdue.find((c: { id: string }) => c.id === overdue.id)).toEqual({
      id: overdue.id,
      reference: overdue.reference,
      type: 'DISCLOSURE',
      status: 'RECEIVED',
      dueOn: addDays(TODAY, -1),
      daysLeft: -1,
      assigneeId: staffId,
    });
    expect(mine.dueSoon.find((c: { id: string }) => c.id === dueToday.id)).toMatchObject({ dueOn: TODAY, daysLeft: 0 });
    expect(mine.overdueCount).toBe(mine.overdue.length);

    const theirs = (await dashboard(staff2)).cases;
    expect(ids(theirs.overdue)).toContain(othersOverdue.id);
    expect(ids(theirs.overdue)).not.toContain(overdue.id);

    const all = (await dashboard(manager)).cases;
    expect(ids(all.overdue)).toEqual(expect.arrayContaining([overdue.id, othersOverdue.id]));

    // one day later: due today becomes overdue, due in 4 days becomes due soon
    s.clock.set(noonJst(addDays(TODAY, 1)));
    const next = (await dashboard(staff)).cases;
    expect(ids(next.overdue)).toContain(dueToday.id);
    expect(ids(next.dueSoon)).toEqual(expect.arrayContaining([dueIn3.id, dueIn4.id]));
    expect(ids(next.dueSoon)).not.toContain(dueToday.id);
  });

  test('the assignment queue counts open unassigned cases', async () => {
    const before = (await dashboard(manager)).assignmentQueue;
    const c = await createCase(TODAY, null);
    expect((await dashboard(manager)).assignmentQueue).toBe(before + 1);
    await ok('mutation($id: ID!, $a: ID!) { assignCase(id: $id, assigneeId: $a) { id } }', { id: c.id, a: staffId }, manager);
    expect((await dashboard(manager)).assignmentQueue).toBe(before);
  });

  test('pending break-glass reviews count BREAK_GLASS entries the manager has not reviewed', async () => {
    const before = (await dashboard(manager)).pendingBreakGlassReviews;
    const subjects = (await ok('{ allDataSubjects(perPage: 10) { id } }', {}, manager)).allDataSubjects as Array<{ id: string }>;
    await ok(
      'mutation($id: ID!) { breakGlassRead(subjectId: $id, reason: "電話での緊急の本人確認のため、担当者不在につき閲覧します") { id } }',
      { id: subjects.at(-1)!.id },
      staff,
    );
    expect((await dashboard(manager)).pendingBreakGlassReviews).toBe(before + 1);
    const queue = (await ok('{ breakGlassReviewQueue { id } }', {}, manager)).breakGlassReviewQueue as Array<{ id: string }>;
    await ok('mutation($id: ID!) { reviewBreakGlass(entryId: $id, note: "確認済み") { id } }', { id: queue.at(-1)!.id }, manager);
    expect((await dashboard(manager)).pendingBreakGlassReviews).toBe(before);
  });

  test('supervision reminders: expiring agreements, subcontractors not allowed, overdue reviews, hand-overs past their end', async () => {
    const a = await createSubcontractor();
    const agreement = (
      await ok(
        `mutation($id: ID!) { createConfidentialityAgreement(subcontractorId: $id, signedOn: "2026-06-01", effectiveFrom: "2026-06-01",
          expiresOn: "2026-07-10", documentRef: "NDA-DASH") { id } }`,
        { id: a },
        supervisor,
      )
    ).createConfidentialityAgreement.id;
    await ok(
      'mutation($id: ID!) { createSupervisionReview(subcontractorId: $id, reviewedOn: "2026-06-10", result: COMPLIANT, nextReviewDue: "2026-06-15") { id } }',
      { id: a },
      supervisor,
    );
    const handOver = (
      await ok(
        `mutation($id: ID!, $p: [ID!]!) { createEntrustment(subcontractorId: $id, dataCategories: [CUSTOMER], subjectCount: 40, purposeIds: $p,
          handedOverOn: "2026-06-10", endsOn: "2026-06-20") { id } }`,
        { id: a, p: [purposeId] },
        supervisor,
      )
    ).createEntrustment.id;
    const b = await createSubcontractor(); // no agreement

    s.clock.set(noonJst('2026-06-09')); // the agreement expires in 31 days
    let d = (await dashboard(supervisor)).supervision;
    expect(d.expiringAgreementIds).not.toContain(agreement);
    s.clock.set(noonJst(TODAY)); // 30 days
    d = (await dashboard(supervisor)).supervision;
    expect(d.expiringAgreementIds).toContain(agreement);
    expect(d.notAllowedSubcontractorIds).toContain(b);
    expect(d.notAllowedSubcontractorIds).not.toContain(a);
    expect(d.overdueReviewSubcontractorIds).not.toContain(a);
    expect(d.pastEndEntrustmentIds).not.toContain(handOver);
    expect(d.openAtNotAllowedEntrustmentIds).not.toContain(handOver);
    expect(d.expiringAgreementCount).toBe(d.expiringAgreementIds.length);
    const openBefore = d.openEntrustmentCount;

    s.clock.set(noonJst('2026-06-15'));
    expect((await dashboard(supervisor)).supervision.overdueReviewSubcontractorIds).not.toContain(a);
    s.clock.set(noonJst('2026-06-16'));
    expect((await dashboard(supervisor)).supervision.overdueReviewSubcontractorIds).toContain(a);

    s.clock.set(noonJst('2026-06-20'));
    expect((await dashboard(supervisor)).supervision.pastEndEntrustmentIds).not.toContain(handOver);
    s.clock.set(noonJst('2026-06-21'));
    d = (await dashboard(manager)).supervision;
    expect(d.pastEndEntrustmentIds).toContain(handOver);
    expect(d.openEntrustmentCount).toBe(openBefore);

    s.clock.set(noonJst('2026-07-11')); // the agreement has lapsed while the data is still out
    d = (await dashboard(supervisor)).supervision;
    expect(d.notAllowedSubcontractorIds).toContain(a);
    expect(d.openAtNotAllowedEntrustmentIds).toContain(handOver);
    expect(d.expiringAgreementIds).not.toContain(agreement);

    await ok('mutation($id: ID!) { closeEntrustment(id: $id, certificateKind: DESTRUCTION, certificateRef: "DES-1") { id } }', { id: handOver }, supervisor);
    d = (await dashboard(supervisor)).supervision;
    expect(d.pastEndEntrustmentIds).not.toContain(handOver);
    expect(d.openEntrustmentCount).toBe(openBefore - 1);
  });

  test('incidents with report deadlines: flagged after 3 days, overdue after 5, final after 30', async () => {
    const record = async (detectedAt: string, people = 2000) =>
      (
        await ok(
          'mutation($at: DateTime!, $n: Int!) { createIncident(kind: LOSS, detectedAt: $at, description: "USBメモリの紛失", peopleAffected: $n) { id } }',
          { at: detectedAt, n: people },
          staff,
        )
      ).createIncident.id as string;
    const fourDays = await record(noonJst(addDays(TODAY, -4)));
    const threeDays = await record(noonJst(addDays(TODAY, -3)));
    const sixDays = await record(noonJst(addDays(TODAY, -6)));
    const small = await record(noonJst(addDays(TODAY, -6)), 10);
    const i = (await dashboard(supervisor)).incidents;
    expect(i.reportPendingIds).toEqual(expect.arrayContaining([fourDays, threeDays, sixDays]));
    expect(i.reportPendingIds).not.toContain(small);
    expect(i.preliminaryFlaggedIds).toEqual(expect.arrayContaining([fourDays, sixDays]));
    expect(i.preliminaryFlaggedIds).not.toContain(threeDays);
    expect(i.preliminaryOverdueIds).toContain(sixDays);
    expect(i.preliminaryOverdueIds).not.toContain(fourDays);
    expect(i.finalOverdueIds).not.toContain(sixDays);
    expect(i.nextReportDueOn).toBe(addDays(TODAY, 1)); // the preliminary report of the 4-day-old incident
    expect(i.notificationPendingCount).toBeGreaterThanOrEqual(3);

    s.clock.set(noonJst(addDays(TODAY, 25))); // 31 days after the six-day-old one
    const later = (await dashboard(staff)).incidents;
    expect(later.finalOverdueIds).toContain(sixDays);
    expect(later.finalOverdueIds).not.toContain(fourDays); // day 29
  });

  test('cases by status and received per week (8 weeks, Mondays, this week last), for the caller’s scope', async () => {
    const before = (await dashboard(manager)).cases;
    expect(before.byStatus.map((b: { status: string }) => b.status)).toEqual([...CASE_STATUSES]);
    expect(before.receivedPerWeek).toHaveLength(8);
    const weeks = before.receivedPerWeek.map((w: { weekStart: string }) => w.weekStart);
    expect(weeks.at(-1)).toBe('2026-06-08'); // the Monday of this week
    expect(weeks[0]).toBe('2026-04-20');
    for (const w of weeks) expect(new Date(`${w}T00:00:00Z`).getUTCDay()).toBe(1);

    await createCase('2026-06-08', staffId); // this week (Monday)
    await createCase('2026-06-07', null); // last week (Sunday)
    await createCase('2026-04-19', null); // the Sunday before the charted weeks
    const after = (await dashboard(manager)).cases;
    const delta = after.receivedPerWeek.map((w: { count: number }, k: number) => w.count - before.receivedPerWeek[k].count);
    expect(delta).toEqual([0, 0, 0, 0, 0, 0, 1, 1]);
    const received = (list: Array<{ status: string; count: number }>) => list.find((b) => b.status === 'RECEIVED')!.count;
    expect(received(after.byStatus)).toBe(received(before.byStatus) + 3);
    const [row] = await s.sql("SELECT COUNT(*) AS n FROM request_case WHERE status = 'RECEIVED'");
    expect(received(after.byStatus)).toBe(Number(row.n));

    const mine = (await dashboard(staff)).cases;
    const [own] = await s.sql("SELECT COUNT(*) AS n FROM request_case WHERE status = 'RECEIVED' AND assignee_id = ?", [Number(staffId)]);
    expect(received(mine.byStatus)).toBe(Number(own.n));
  });

  test('the dashboard carries no personal data and writes no read entries', async () => {
    await createCase(addDays(TODAY, -20), staffId, '個人 情報子');
    const [before] = await s.sql("SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'READ'");
    for (const token of [manager, staff, supervisor]) {
      const res = await s.gql(DASHBOARD, {}, token);
      expect(res.errors).toBeUndefined();
      expect(res.body).not.toContain('個人 情報子');
      expect(res.body).not.toContain('東京都千代田区');
    }
    const [after] = await s.sql("SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'READ'");
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
