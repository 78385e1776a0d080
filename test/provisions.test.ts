import { databaseKinds } from './support/databases';
import { startServer, type TestServer } from './support/server';
import { assignedCase, auditSince, codeOf, lastAuditId, moveClock, newSubject, ruleOf, signIn, type Tokens } from './support/case-workflow';

const CREATE = `mutation($subjectId: ID!, $recipient: String!, $items: [String!]!, $providedOn: Date!, $legalBasis: LegalBasis!, $consentId: ID, $note: String) {
  createThirdPartyProvision(subjectId: $subjectId, recipient: $recipient, items: $items, providedOn: $providedOn, legalBasis: $legalBasis, consentId: $consentId, note: $note) {
    id subjectId recipient items providedOn legalBasis consentId recordedById retainUntil pastRetention } }`;

describe.each(databaseKinds())('third-party provision records on %s', (kind) => {
  let s: TestServer;
  let t: Tokens;
  let mine: string; // subject of an open case assigned to staff
  let other: string; // a subject staff has no case about
  let mineConsent: string;
  let otherConsent: string;

  const consent = async (subjectId: string, consentedOn: string) => {
    const purposes = await s.gql('{ allPurposeOfUses(perPage: 1) { id } }', {}, t.manager);
    const res = await s.gql(
      'mutation($s: ID!, $p: ID!, $d: Date!) { createConsent(subjectId: $s, purposeId: $p, consentedOn: $d, method: PAPER) { id } }',
      { s: subjectId, p: purposes.data?.allPurposeOfUses[0].id, d: consentedOn },
      t.manager,
    );
    return res.data?.createConsent.id as string;
  };
  const record = (token: string, vars: Record<string, unknown>) =>
    s.gql(CREATE, { subjectId: mine, recipient: '株式会社受領者', items: ['氏名', '電話番号'], providedOn: '2027-02-20', legalBasis: 'LAW', ...vars }, token);

  beforeAll(async () => {
    s = await startServer(kind);
    s.clock.set('2027-03-01T03:00:00Z');
    t = await signIn(s);
    mine = await newSubject(s, t.manager);
    other = await newSubject(s, t.manager);
    await assignedCase(s, t, { subjectId: mine });
    mineConsent = await consent(mine, '2027-01-10');
    otherConsent = await consent(other, '2027-01-10');
  });
  afterAll(() => s?.close());

  test('a provision required by law is recorded with who recorded it, and audited', async () => {
    const before = await lastAuditId(s);
    const res = await record(t.manager, { note: '裁判所からの照会' });
    expect(res.data?.createThirdPartyProvision).toMatchObject({
      subjectId: mine,
      legalBasis: 'LAW',
      consentId: null,
      items: ['氏名', '電話番号'],
      retainUntil: '2030-02-20',
      pastRetention: false,
    });
    expect(res.data?.createThirdPartyProvision.recordedById).toBeTruthy();
    expect((await auditSince(s, before)).map((e) => [e.action, e.entity_type, e.subject_id])).toEqual([['CREATE', 'ThirdPartyProvision', Number(mine)]]);
  });

  test('CONSENT rests on an unwithdrawn consent of the same subject', async () => {
    expect(ruleOf(await record(t.manager, { legalBasis: 'CONSENT' }))).toBe('CONSENT_REQUIRED');
    expect(ruleOf(await record(t.manager, { legalBasis: 'CONSENT', consentId: otherConsent }))).toBe('CONSENT_OF_ANOTHER_SUBJECT');
    expect(ruleOf(await record(t.manager, { legalBasis: 'CONSENT', consentId: mineConsent, providedOn: '2027-01-09' }))).toBe('CONSENT_NOT_YET_GIVEN');
    const ok = await record(t.manager, { legalBasis: 'CONSENT', consentId: mineConsent });
    expect(ok.data?.createThirdPartyProvision).toMatchObject({ legalBasis: 'CONSENT', consentId: mineConsent });
  });

  test('a withdrawn consent is no basis for a provision, whatever its day', async () => {
    const subject = await newSubject(s, t.manager);
    const given = await consent(subject, '2027-01-10');
    const control = await record(t.manager, { subjectId: subject, legalBasis: 'CONSENT', consentId: given, providedOn: '2027-02-20' });
    expect(control.data?.createThirdPartyProvision.consentId).toBe(given);
    await s.gql('mutation($id: ID!) { withdrawConsent(id: $id) { withdrawnAt } }', { id: given }, t.manager);
    for (const providedOn of ['2027-03-01', '2027-02-20']) {
      expect(ruleOf(await record(t.manager, { subjectId: subject, legalBasis: 'CONSENT', consentId: given, providedOn }))).toBe('CONSENT_WITHDRAWN');
    }
  });

  test('without a basis the request is invalid; only CONSENT names a consent; a future day is refused', async () => {
    const none = await s.gql(
      'mutation($s: ID!) { createThirdPartyProvision(subjectId: $s, recipient: "X", items: ["氏名"], providedOn: "2027-02-01") { id } }',
      { s: mine },
      t.manager,
    );
    expect(codeOf(none)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await record(t.manager, { legalBasis: 'GOVERNMENT_COOPERATION', consentId: mineConsent })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'consentId',
    });
    expect((await record(t.manager, { providedOn: '2027-03-02' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'providedOn' });
    expect((await record(t.manager, { items: [] })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'items' });
    const ok = await record(t.manager, { legalBasis: 'PROTECT_LIFE_HEALTH_PROPERTY' });
    expect(ok.data?.createThirdPartyProvision.legalBasis).toBe('PROTECT_LIFE_HEALTH_PROPERTY');
  });

  test('staff record and see provisions only of subjects they have need-to-know of', async () => {
    const own = await record(t.staff, {});
    expect(own.data?.createThirdPartyProvision.subjectId).toBe(mine);
    const before = await lastAuditId(s);
    const refused = await record(t.staff, { subjectId: other });
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect((await auditSince(s, before)).map((e) => [e.action, e.subject_id, e.outcome])).toEqual([['ACCESS_DENIED', Number(other), 'DENIED']]);

    const foreign = await record(t.manager, { subjectId: other });
    const id = foreign.data?.createThirdPartyProvision.id;
    expect(codeOf(await s.gql('query($id: ID!) { ThirdPartyProvision(id: $id) { id } }', { id }, t.staff))).toBe('FORBIDDEN');
    const listed = await s.gql('{ allThirdPartyProvisions(perPage: 1000) { subjectId } _allThirdPartyProvisionsMeta { count } }', {}, t.staff);
    const subjects = new Set(listed.data?.allThirdPartyProvisions.map((p: { subjectId: string }) => p.subjectId));
    expect(subjects.has(mine)).toBe(true);
    expect(subjects.has(other)).toBe(false);
    expect(listed.data?._allThirdPartyProvisionsMeta.count).toBe(listed.data?.allThirdPartyProvisions.length);
    expect(codeOf(await s.gql('{ allThirdPartyProvisions { id } }', {}, t.supervisor))).toBe('FORBIDDEN');
  });

  test('records are kept three years, then listed for review; there is no way to delete one', async () => {
    const res = await record(t.manager, { providedOn: '2027-03-01', recipient: '三年 株式会社' });
    const id = res.data?.createThirdPartyProvision.id;
    const query = `query($id: ID!) { ThirdPartyProvision(id: $id) { retainUntil pastRetention }
      allThirdPartyProvisions(perPage: 1000, filter: { pastRetention: true, q: "三年" }) { id } }`;
    await moveClock(s, t, '2030-03-01T03:00:00Z');
    let seen = await s.gql(query, { id }, t.manager);
    expect(seen.data?.ThirdPartyProvision).toEqual({ retainUntil: '2030-03-01', pastRetention: false });
    expect(seen.data?.allThirdPartyProvisions).toEqual([]);
    await moveClock(s, t, '2030-03-02T03:00:00Z');
    seen = await s.gql(query, { id }, t.manager);
    expect(seen.data?.ThirdPartyProvision).toEqual({ retainUntil: '2030-03-01', pastRetention: true });
    expect(seen.data?.allThirdPartyProvisions).toEqual([{ id }]);
    const remove = await s.gql('mutation($id: ID!) { deleteThirdPartyProvision(id: $id) { id } }', { id }, t.manager);
    expect(codeOf(remove)).toBe('GRAPHQL_VALIDATION_FAILED');
    await moveClock(s, t, '2027-03-01T03:00:00Z');
  });
});
