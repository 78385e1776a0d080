import { databaseKinds } from './support/databases';
import { startServer, type TestServer } from './support/server';
import {
  assignedCase,
  auditSince,
  codeOf,
  getCase,
  lastAuditId,
  moveThrough,
  newSubject,
  recordCase,
  ruleOf,
  signIn,
  transition,
  type Intake,
  type Tokens,
} from './support/case-workflow';

const TODAY = '2027-03-01';

const UPDATE = `mutation($id: ID!, $hasRequestForm: Boolean, $identityDocument: IdentityDocument, $hasProxyLetter: Boolean,
  $sealCertificateIssuedOn: Date, $feeYen: Int, $requestedItems: [RequestedItemInput!], $replyAddress: String, $requesterName: String) {
  updateCase(id: $id, hasRequestForm: $hasRequestForm, identityDocument: $identityDocument, hasProxyLetter: $hasProxyLetter,
    sealCertificateIssuedOn: $sealCertificateIssuedOn, feeYen: $feeYen, requestedItems: $requestedItems, replyAddress: $replyAddress,
    requesterName: $requesterName) { id status replyAddress } }`;

describe.each(databaseKinds())('the case workflow on %s', (kind) => {
  let s: TestServer;
  let t: Tokens;
  let subject: string;

  beforeAll(async () => {
    s = await startServer(kind);
    s.clock.set(`${TODAY}T03:00:00Z`);
    t = await signIn(s);
    subject = await newSubject(s, t.manager);
  });
  afterAll(() => s?.close());

  const update = (token: string, id: string, vars: Record<string, unknown>) => s.gql(UPDATE, { id, ...vars }, token);

  test('a newly recorded case answers every field of the contract, computed ones included', async () => {
    const res = await s.gql(
      `mutation { createCase(type: INQUIRY, requester: SELF, requesterName: "試験 花子", replyAddress: "東京都", channel: PHONE, receivedOn: "${TODAY}") {
        id reference status dataItems feeOwedYen dueOn daysLeft nonDisclosureReasons outcomeFields carriedOutAt timeline { to } } }`,
      {},
      t.staff,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.createCase).toMatchObject({ status: 'RECEIVED', dataItems: [], feeOwedYen: 0, outcomeFields: [], carriedOutAt: null, daysLeft: 14 });
  });

  test('a complete request goes RECEIVED → VERIFYING → IN_PROGRESS → RESPONDED → CLOSED, every step on the timeline', async () => {
    const id = await assignedCase(s, t, { subjectId: subject });
    const responded = await moveThrough(s, t.staff, id, ['VERIFYING', 'IN_PROGRESS', 'RESPONDED']);
    expect(responded).toMatchObject({ status: 'RESPONDED', completedOn: TODAY, documentsDestroyOn: '2028-03-01', allowedTransitions: ['CLOSED'] });
    expect(responded.carriedOutAt).toBeTruthy();

    const early = await transition(s, t.staff, id, 'CLOSED');
    expect(ruleOf(early)).toBe('REPLY_NOT_MAILED');
    const mailed = await s.gql('mutation($id: ID!) { recordReplyMailed(id: $id, mailedOn: "2027-03-01") { repliedOn } }', { id }, t.staff);
    expect(mailed.data?.recordReplyMailed.repliedOn).toBe(TODAY);
    const closed = await transition(s, t.staff, id, 'CLOSED', { note: 'Reply sent by simple registered mail' });
    expect(closed.data?.transitionCase).toMatchObject({ status: 'CLOSED', completedOn: TODAY });

    const timeline = await s.gql(`query($id: ID!) { Case(id: $id) { timeline { from to actorId actorName note at } } }`, { id }, t.manager);
    const steps = timeline.data?.Case.timeline;
    expect(steps.map((x: { from: string | null; to: string }) => [x.from, x.to])).toEqual([
      [null, 'RECEIVED'],
      ['RECEIVED', 'VERIFYING'],
      ['VERIFYING', 'IN_PROGRESS'],
      ['IN_PROGRESS', 'RESPONDED'],
      ['RESPONDED', 'CLOSED'],
    ]);
    expect(steps[1].actorId).toBe(t.staffId);
    expect(steps[1].actorName).toBeTruthy();
    expect(steps[4].note).toBe('Reply sent by simple registered mail');
    expect(steps[4].at).toBe(new Date(s.clock.now()).toISOString().slice(0, 16) + steps[4].at.slice(16));
  });

  /** Each rule broken alone: refused with its name and the status unchanged; the same case passes once it is fixed. */
  const RULES: Array<{ name: string; rule: string; intake: Intake; fix: (id: string) => Promise<unknown> }> = [
    { name: 'request form missing', rule: 'DOCUMENTS_INCOMPLETE', intake: { hasRequestForm: false }, fix: (id) => update(t.staff, id, { hasRequestForm: true }) },
    { name: 'identity document missing', rule: 'DOCUMENTS_INCOMPLETE', intake: { identityDocument: null }, fix: (id) => update(t.staff, id, { identityDocument: 'RESIDENCE_CERTIFICATE' }) },
    {
      name: 'representative without a letter of proxy',
      rule: 'DOCUMENTS_INCOMPLETE',
      intake: { requester: 'REPRESENTATIVE', representativeName: '代理 人', sealCertificateIssuedOn: '2027-02-01' },
      fix: (id) => update(t.staff, id, { hasProxyLetter: true }),
    },
    {
      name: 'seal certificate older than three months',
      rule: 'SEAL_CERTIFICATE_TOO_OLD',
      intake: { requester: 'REPRESENTATIVE', representativeName: '代理 人', hasProxyLetter: true, sealCertificateIssuedOn: '2026-11-25' },
      fix: (id) => update(t.staff, id, { sealCertificateIssuedOn: '2027-02-20' }),
    },
    { name: 'fee short of 1,000 yen per item', rule: 'FEE_INSUFFICIENT', intake: { feeYen: 1000 }, fix: (id) => update(t.staff, id, { feeYen: 2000 }) },
    {
      name: 'no subject linked',
      rule: 'NO_MATCHING_SUBJECT',
      intake: { subjectId: null },
      fix: (id) => s.gql('mutation($id: ID!, $s: ID!) { linkCaseSubject(id: $id, subjectId: $s) { id } }', { id, s: subject }, t.staff),
    },
  ];

  test.each(RULES)('$name: IN_PROGRESS is refused with $rule and the status stays; fixed, it passes', async ({ rule, intake, fix }) => {
    const id = await assignedCase(s, t, { subjectId: subject, ...intake });
    await moveThrough(s, t.staff, id, ['VERIFYING']);
    const refused = await transition(s, t.staff, id, 'IN_PROGRESS');
    expect({ code: codeOf(refused), rule: ruleOf(refused), data: refused.data }).toEqual({ code: 'CONFLICT', rule, data: null });
    expect((await getCase(s, t.manager, id)).status).toBe('VERIFYING');
    const fixed = (await fix(id)) as { errors?: unknown };
    expect(fixed.errors).toBeUndefined();
    const passed = await transition(s, t.staff, id, 'IN_PROGRESS');
    expect(passed.data?.transitionCase.status).toBe('IN_PROGRESS');
  });

  test('DOCUMENTS_INCOMPLETE names what is missing', async () => {
    const id = await assignedCase(s, t, { subjectId: subject, hasRequestForm: false, requestedItems: [], feeYen: 0 });
    await moveThrough(s, t.staff, id, ['VERIFYING']);
    const refused = await transition(s, t.staff, id, 'IN_PROGRESS');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ rule: 'DOCUMENTS_INCOMPLETE', missing: ['hasRequestForm', 'requestedItems'] });
  });

  describe('the seal certificate may be issued on or after the receipt day minus three calendar months', () => {
    const representative = (receivedOn: string, sealCertificateIssuedOn: string) =>
      ({ requester: 'REPRESENTATIVE', representativeName: '代理 人', hasProxyLetter: true, receivedOn, sealCertificateIssuedOn }) as Intake;
    test.each([
      ['2027-02-20', '2026-11-20', 'IN_PROGRESS'],
      ['2027-02-20', '2026-11-19', 'SEAL_CERTIFICATE_TOO_OLD'],
      // month ends are clamped: 31 May minus three months is 28 February
      ['2026-05-31', '2026-02-28', 'IN_PROGRESS'],
      ['2026-05-31', '2026-02-27', 'SEAL_CERTIFICATE_TOO_OLD'],
    ])('received %s, certificate issued %s → %s', async (receivedOn, issuedOn, expected) => {
      const id = await assignedCase(s, t, { subjectId: subject, ...representative(receivedOn, issuedOn) });
      await moveThrough(s, t.staff, id, ['VERIFYING']);
      const res = await transition(s, t.staff, id, 'IN_PROGRESS');
      expect(res.data?.transitionCase?.status ?? ruleOf(res)).toBe(expected);
    });
  });

  test('NOT_ASSIGNED: an unassigned case does not move, not even for the manager; assigned, it does', async () => {
    const id = await recordCase(s, t.manager, { subjectId: subject });
    const refused = await transition(s, t.manager, id, 'VERIFYING');
    expect(ruleOf(refused)).toBe('NOT_ASSIGNED');
    expect((await getCase(s, t.manager, id)).status).toBe('RECEIVED');
    await s.gql('mutation($id: ID!, $a: ID!) { assignCase(id: $id, assigneeId: $a) { id } }', { id, a: t.staffId }, t.manager);
    expect((await transition(s, t.manager, id, 'VERIFYING')).data?.transitionCase.status).toBe('VERIFYING');
  });

  test('INVALID_TRANSITION: a request cannot skip verification; inquiries take the shorter path', async () => {
    const id = await assignedCase(s, t, { subjectId: subject });
    const skip = await transition(s, t.staff, id, 'IN_PROGRESS');
    expect(ruleOf(skip)).toBe('INVALID_TRANSITION');
    expect((await getCase(s, t.manager, id)).status).toBe('RECEIVED');

    const inquiry = await assignedCase(s, t, { type: 'INQUIRY', requestedItems: [], feeYen: 0, hasRequestForm: false, identityDocument: null });
    expect(ruleOf(await transition(s, t.staff, inquiry, 'VERIFYING'))).toBe('INVALID_TRANSITION');
    expect(ruleOf(await transition(s, t.staff, inquiry, 'REJECTED', { reasons: ['VIOLATION_OF_LAWS'] }))).toBe('INVALID_TRANSITION');
    const closed = await moveThrough(s, t.staff, inquiry, ['IN_PROGRESS', 'RESPONDED', 'CLOSED']);
    expect(closed.status).toBe('CLOSED');
  });

  test('only the assigned staff member (or the manager) moves a case; others are FORBIDDEN and audited', async () => {
    const id = await assignedCase(s, t, { subjectId: subject });
    const before = await lastAuditId(s);
    const other = await transition(s, t.staff2, id, 'VERIFYING');
    expect(codeOf(other)).toBe('FORBIDDEN');
    expect((await auditSince(s, before)).map((e) => [e.action, e.entity_type, e.outcome])).toEqual([['ACCESS_DENIED', 'Case', 'DENIED']]);
    expect(codeOf(await transition(s, t.supervisor, id, 'VERIFYING'))).toBe('FORBIDDEN');
    expect((await getCase(s, t.manager, id)).status).toBe('RECEIVED');
  });

  describe('rejection', () => {
    test('a broken rule is passed by REJECTED with the matching reason; completedOn is set and the reasons kept', async () => {
      const id = await assignedCase(s, t, { subjectId: subject, feeYen: 500 });
      await moveThrough(s, t.staff, id, ['VERIFYING']);
      const res = await transition(s, t.staff, id, 'REJECTED', { reasons: ['FEE_MISSING_OR_INSUFFICIENT'], note: 'Stamps for one item only' });
      expect(res.data?.transitionCase).toMatchObject({
        status: 'REJECTED',
        completedOn: TODAY,
        nonDisclosureReasons: ['FEE_MISSING_OR_INSUFFICIENT'],
        documentsDestroyOn: '2028-03-01',
        feeYen: 500,
      });
    });

    test('a rejection that does not answer the broken rule is refused with that rule', async () => {
      const id = await assignedCase(s, t, { subjectId: subject, feeYen: 500 });
      const res = await transition(s, t.staff, id, 'REJECTED', { reasons: ['HARM_TO_INDIVIDUAL_OR_THIRD_PARTY'] });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', rule: 'FEE_INSUFFICIENT', acceptedReasons: ['FEE_MISSING_OR_INSUFFICIENT'] });
      expect((await getCase(s, t.manager, id)).status).toBe('RECEIVED');
    });

    test('a reason stating a fact the case contradicts is REASON_NOT_APPLICABLE; a discretionary reason passes', async () => {
      const id = await assignedCase(s, t, { subjectId: subject });
      expect(ruleOf(await transition(s, t.staff, id, 'REJECTED', { reasons: ['FEE_MISSING_OR_INSUFFICIENT'] }))).toBe('REASON_NOT_APPLICABLE');
      expect(ruleOf(await transition(s, t.staff, id, 'REJECTED', { reasons: ['NO_MATCHING_DATA'] }))).toBe('REASON_NOT_APPLICABLE');
      expect(ruleOf(await transition(s, t.staff, id, 'REJECTED', { reasons: ['PROXY_NOT_CONFIRMED'] }))).toBe('REASON_NOT_APPLICABLE');
      const none = await transition(s, t.staff, id, 'REJECTED', { reasons: [] });
      expect(none.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reasons' });
      const passed = await transition(s, t.staff, id, 'REJECTED', { reasons: ['SIGNIFICANT_DETRIMENT_TO_OPERATIONS'] });
      expect(passed.data?.transitionCase.status).toBe('REJECTED');
    });

    test('NO_MATCHING_DATA once the staff member recorded that no data is held', async () => {
      const id = await assignedCase(s, t, { subjectId: null });
      const before = await lastAuditId(s);
      const recorded = await s.gql('mutation($id: ID!) { recordNoMatchingData(id: $id) { noMatchingData subjectId } }', { id }, t.staff);
      expect(recorded.data?.recordNoMatchingData).toEqual({ noMatchingData: true, subjectId: null });
      expect((await auditSince(s, before)).map((e) => [e.action, e.entity_type, e.case_id])).toEqual([['UPDATE', 'Case', Number(id)]]);
      const res = await transition(s, t.staff, id, 'REJECTED', { reasons: ['NO_MATCHING_DATA'] });
      expect(res.data?.transitionCase).toMatchObject({ status: 'REJECTED', nonDisclosureReasons: ['NO_MATCHING_DATA'] });
    });

    test('reasons come only with a rejection', async () => {
      const id = await assignedCase(s, t, { subjectId: subject });
      const res = await transition(s, t.staff, id, 'VERIFYING', { reasons: ['VIOLATION_OF_LAWS'] });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reasons' });
    });
  });

  describe('updateCase', () => {
    test('a change of a personal field writes one UPDATE entry with names and digests, never values; resent values write no UPDATE', async () => {
      const id = await assignedCase(s, t, { subjectId: subject });
      const before = await lastAuditId(s);
      const res = await update(t.staff, id, { replyAddress: '〒150-0001 東京都渋谷区神宮前9-9-9', requesterName: '試験 申請者', feeYen: 2000 });
      expect(res.data?.updateCase.replyAddress).toBe('〒150-0001 東京都渋谷区神宮前9-9-9');
      const entries = await auditSince(s, before);
      expect(entries.map((e) => [e.action, e.entity_type, e.fields, e.case_id, e.subject_id])).toEqual([['UPDATE', 'Case', 'replyAddress', Number(id), Number(subject)]]);
      expect(entries[0]!.changes).toMatch(/"replyAddress":\{"old":"[0-9a-f]{64}","new":"[0-9a-f]{64}"\}/);
      expect(entries[0]!.changes).not.toContain('神宮前');

      const again = await lastAuditId(s);
      await update(t.staff, id, { replyAddress: '〒150-0001 東京都渋谷区神宮前9-9-9', hasRequestForm: true });
      // no UPDATE entry: only the read of the personal field the mutation returns
      expect((await auditSince(s, again)).map((e) => [e.action, e.fields])).toEqual([['READ', 'replyAddress']]);
    });

    test('who may correct the intake: the assignee or the manager; the recorder only while unassigned', async () => {
      const recorded = await recordCase(s, t.staff, {});
      expect((await update(t.staff, recorded, { feeYen: 3000 })).errors).toBeUndefined();
      expect(codeOf(await update(t.staff2, recorded, { feeYen: 3000 }))).toBe('FORBIDDEN');
      await s.gql('mutation($id: ID!, $a: ID!) { assignCase(id: $id, assigneeId: $a) { id } }', { id: recorded, a: t.staffId }, t.manager);

      const assigned = await assignedCase(s, t, { subjectId: subject });
      expect(codeOf(await update(t.staff2, assigned, { feeYen: 3000 }))).toBe('FORBIDDEN');
      expect((await update(t.manager, assigned, { feeYen: 3000 })).errors).toBeUndefined();
    });

    test('once the work has started the checked intake is fixed (CASE_IN_PROGRESS), the reply address is not; completed cases are fixed', async () => {
      const id = await assignedCase(s, t, { subjectId: subject });
      await moveThrough(s, t.staff, id, ['VERIFYING', 'IN_PROGRESS']);
      const frozen = await update(t.staff, id, { requestedItems: [{ item: 'NAME' }, { item: 'ADDRESS' }, { item: 'TELEPHONE' }] });
      expect(ruleOf(frozen)).toBe('CASE_IN_PROGRESS');
      expect((await getCase(s, t.manager, id)).feeOwedYen).toBe(2000);
      expect((await update(t.staff, id, { replyAddress: '〒100-0001 東京都千代田区千代田1-1' })).errors).toBeUndefined();
      await moveThrough(s, t.staff, id, ['RESPONDED']);
      expect(ruleOf(await update(t.staff, id, { replyAddress: '〒100-0002 東京都千代田区皇居外苑1-1' }))).toBe('CASE_COMPLETED');
    });

    test('bad input is refused naming the field and changes nothing', async () => {
      const id = await assignedCase(s, t, { subjectId: subject });
      const future = await update(t.staff, id, { sealCertificateIssuedOn: '2027-03-02' });
      expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sealCertificateIssuedOn' });
      const blank = await update(t.staff, id, { replyAddress: '   ' });
      expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'replyAddress' });
      const negative = await update(t.staff, id, { feeYen: -1 });
      expect(negative.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'feeYen' });
      expect((await getCase(s, t.manager, id)).feeYen).toBe(2000);
    });
  });

  test('linking the subject is audited under the case, and refused once the work has started', async () => {
    const id = await assignedCase(s, t, { subjectId: null });
    const before = await lastAuditId(s);
    const linked = await s.gql('mutation($id: ID!, $s: ID!) { linkCaseSubject(id: $id, subjectId: $s) { subjectId noMatchingData } }', { id, s: subject }, t.staff);
    expect(linked.data?.linkCaseSubject).toEqual({ subjectId: subject, noMatchingData: false });
    expect((await auditSince(s, before)).map((e) => [e.action, e.entity_type, e.subject_id, e.case_id])).toEqual([['UPDATE', 'Case', Number(subject), Number(id)]]);
    expect(codeOf(await s.gql('mutation($id: ID!, $s: ID!) { linkCaseSubject(id: $id, subjectId: $s) { id } }', { id, s: subject }, t.staff2))).toBe('FORBIDDEN');
    await moveThrough(s, t.staff, id, ['VERIFYING', 'IN_PROGRESS']);
    const late = await s.gql('mutation($id: ID!, $s: ID!) { linkCaseSubject(id: $id, subjectId: $s) { id } }', { id, s: subject }, t.staff);
    expect(ruleOf(late)).toBe('CASE_IN_PROGRESS');
  });

  test('deadlines: dueOn is received + 14 days; overdue and awaitingDocuments filters follow the moved clock', async () => {
    const late = await assignedCase(s, t, { subjectId: subject, receivedOn: '2027-02-10' });
    const missing = await assignedCase(s, t, { subjectId: subject, hasRequestForm: false });
    const c = await s.gql(`query($id: ID!) { Case(id: $id) { dueOn daysLeft overdue } }`, { id: late }, t.staff);
    expect(c.data?.Case).toEqual({ dueOn: '2027-02-24', daysLeft: -5, overdue: true });
    const overdue = await s.gql('{ allCases(perPage: 1000, filter: { overdue: true, mine: true }) { id } }', {}, t.staff);
    expect(overdue.data?.allCases.map((x: { id: string }) => x.id)).toContain(late);
    const awaiting = await s.gql('{ allCases(perPage: 1000, filter: { awaitingDocuments: true }) { id } }', {}, t.staff);
    expect(awaiting.data?.allCases.map((x: { id: string }) => x.id)).toContain(missing);
    expect(awaiting.data?.allCases.map((x: { id: string }) => x.id)).not.toContain(late);
  });
});
