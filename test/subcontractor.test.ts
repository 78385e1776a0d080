import { databaseKinds } from './support/databases';
import { MANAGER, STAFF, SUPERVISOR, startServer, type GraphQLResponse, type TestServer } from './support/server';

/** Noon in Japan on `day`, so the Japan-time day is unambiguous. */
const noonJst = (day: string) => `${day}T03:00:00.000Z`;

const SUBCONTRACTOR_FIELDS = `id name active meetsStandards lastAssessedOn entrustedCategories entrustedPurposes
  agreementInForce agreementExpiresOn flaggedNonCompliant nextReviewDue reviewOverdue allowedToReceiveData notAllowedBecause`;
const AGREEMENT_FIELDS = 'id subcontractorId signedOn effectiveFrom expiresOn documentRef inForce daysToExpiry expiringSoon renewed';
const ENTRUSTMENT_FIELDS = `id subcontractorId dataCategories dataItems subjectCount purposeIds handedOverOn endsOn
  closedOn certificateKind certificateRef open pastEnd daysToEnd`;

describe.each(databaseKinds())('subcontractor supervision on %s', (kind) => {
  let s: TestServer;
  let manager: string;
  let staff: string;
  let supervisor: string;
  let purposeId: string;
  let seq = 0;

  /** Fails the test with the server's errors when there are any. */
  async function ok<T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
    const res = await s.gql(query, variables, token);
    if (res.errors?.length || !res.data) throw new Error(`unexpected errors: ${JSON.stringify(res.errors)}`);
    return res.data as T;
  }
  const errorOf = (res: GraphQLResponse) => res.errors?.[0]?.extensions;

  async function createSubcontractor(token = supervisor, extra: Record<string, unknown> = {}) {
    seq += 1;
    const data = await ok(
      `mutation($name: String!, $purposes: [ID!], $meets: Boolean) {
        createSubcontractor(name: $name, contact: "情報システム部 03-0000-0000", entrustedCategories: [CUSTOMER, EMPLOYEE],
          entrustedPurposes: $purposes, meetsStandards: $meets) { ${SUBCONTRACTOR_FIELDS} } }`,
      { name: `委託先テスト${seq}`, purposes: [purposeId], meets: true, ...extra },
      token,
    );
    return data.createSubcontractor;
  }

  async function createAgreement(subcontractorId: string, effectiveFrom: string, expiresOn: string, token = supervisor) {
    const data = await ok(
      `mutation($sid: ID!, $from: Date!, $to: Date!) {
        createConfidentialityAgreement(subcontractorId: $sid, signedOn: "2026-06-01", effectiveFrom: $from, expiresOn: $to, documentRef: "NDA-TEST") {
          ${AGREEMENT_FIELDS} } }`,
      { sid: subcontractorId, from: effectiveFrom, to: expiresOn },
      token,
    );
    return data.createConfidentialityAgreement;
  }

  async function createReview(subcontractorId: string, reviewedOn: string, result: string, nextReviewDue: string) {
    const data = await ok(
      `mutation($sid: ID!, $on: Date!, $result: ReviewResult!, $next: Date!, $findings: String) {
        createSupervisionReview(subcontractorId: $sid, reviewedOn: $on, result: $result, nextReviewDue: $next, findings: $findings) {
          id reviewerId result overdue superseded } }`,
      { sid: subcontractorId, on: reviewedOn, result, next: nextReviewDue, findings: result === 'COMPLIANT' ? null : 'アクセス権限の棚卸しが未実施' },
      supervisor,
    );
    return data.createSupervisionReview;
  }

  const HAND_OVER = `mutation($sid: ID!, $on: Date!, $ends: Date!, $purposes: [ID!]!, $categories: [SubjectCategory!]!) {
    createEntrustment(subcontractorId: $sid, dataCategories: $categories, dataItems: ["氏名", "住所"], subjectCount: 250,
      purposeIds: $purposes, handedOverOn: $on, endsOn: $ends) { ${ENTRUSTMENT_FIELDS} } }`;
  const handOver = (sid: string, on: string, ends: string, token = supervisor, categories = ['CUSTOMER']) =>
    s.gql(HAND_OVER, { sid, on, ends, purposes: [purposeId], categories }, token);

  async function subcontractor(id: string, token = supervisor) {
    return (await ok(`query($id: ID!) { Subcontractor(id: $id) { ${SUBCONTRACTOR_FIELDS} } }`, { id }, token)).Subcontractor;
  }

  beforeAll(async () => {
    s = await startServer(kind);
    [manager, staff, supervisor] = await Promise.all([s.login(MANAGER), s.login(STAFF), s.login(SUPERVISOR)]);
    const purposes = await ok('{ allPurposeOfUses(perPage: 50) { id code } }', {}, manager);
    purposeId = purposes.allPurposeOfUses.find((p: { code: string }) => p.code === 'CUSTOMER_SERVICES').id;
  });
  afterAll(() => s?.close());
  beforeEach(() => s.clock.set(noonJst('2026-06-01')));

  test('a supervisor manages subcontractors, agreements, reviews and hand-overs end to end', async () => {
    const sub = await createSubcontractor();
    expect(sub).toMatchObject({ active: true, meetsStandards: true, lastAssessedOn: '2026-06-01', agreementInForce: false, allowedToReceiveData: false });
    expect(sub.notAllowedBecause).toEqual(['NO_AGREEMENT_IN_FORCE']);
    const agreement = await createAgreement(sub.id, '2026-06-01', '2027-05-31');
    expect(agreement).toMatchObject({ inForce: true, expiringSoon: false, renewed: false, daysToExpiry: 364 });
    expect(await subcontractor(sub.id)).toMatchObject({ agreementInForce: true, agreementExpiresOn: '2027-05-31', allowedToReceiveData: true, notAllowedBecause: [] });
    const review = await createReview(sub.id, '2026-06-01', 'COMPLIANT', '2026-12-01');
    expect(review).toMatchObject({ result: 'COMPLIANT', overdue: false, superseded: false });
    const handed = await handOver(sub.id, '2026-06-01', '2026-09-30');
    expect(handed.errors).toBeUndefined();
    const e = handed.data!.createEntrustment;
    expect(e).toMatchObject({ subjectCount: 250, dataCategories: ['CUSTOMER'], dataItems: ['氏名', '住所'], purposeIds: [purposeId], open: true, pastEnd: false });
    const closed = await ok(
      `mutation($id: ID!) { closeEntrustment(id: $id, certificateKind: DESTRUCTION, certificateRef: "CERT-2026-001") { ${ENTRUSTMENT_FIELDS} } }`,
      { id: e.id },
      supervisor,
    );
    expect(closed.closeEntrustment).toMatchObject({ open: false, closedOn: '2026-06-01', certificateKind: 'DESTRUCTION', certificateRef: 'CERT-2026-001', daysToEnd: null });
    const updated = await ok(
      `mutation($id: ID!) { updateSubcontractor(id: $id, active: false) { id active allowedToReceiveData notAllowedBecause } }`,
      { id: sub.id },
      supervisor,
    );
    expect(updated.updateSubcontractor).toMatchObject({ active: false, allowedToReceiveData: false });
    expect(updated.updateSubcontractor.notAllowedBecause).toContain('SUBCONTRACTOR_INACTIVE');
    // deactivated, never deleted: still listed
    const listed = await ok('query($ids: [ID!]) { allSubcontractors(filter: { ids: $ids }) { id active } }', { ids: [sub.id] }, supervisor);
    expect(listed.allSubcontractors).toEqual([{ id: sub.id, active: false }]);
  });

  test('staff read subcontractors and hand-overs but change nothing; the manager may do everything', async () => {
    const sub = await createSubcontractor(manager);
    await createAgreement(sub.id, '2026-06-01', '2027-05-31', manager);
    expect((await handOver(sub.id, '2026-06-01', '2026-07-01', manager)).errors).toBeUndefined();
    const read = await ok(
      `query($sid: ID!) { Subcontractor(id: $sid) { id name } allConfidentialityAgreements(filter: { subcontractorId: $sid }) { id }
        allEntrustments(filter: { subcontractorId: $sid }) { id } _allSupervisionReviewsMeta(filter: { subcontractorId: $sid }) { count } }`,
      { sid: sub.id },
      staff,
    );
    expect(read.allConfidentialityAgreements).toHaveLength(1);
    expect(read.allEntrustments).toHaveLength(1);
    const attempts = [
      s.gql('mutation { createSubcontractor(name: "職員による登録", contact: "x") { id } }', {}, staff),
      s.gql('mutation($id: ID!) { updateSubcontractor(id: $id, meetsStandards: false) { id } }', { id: sub.id }, staff),
      s.gql('mutation($id: ID!) { createConfidentialityAgreement(subcontractorId: $id, signedOn: "2026-06-01", effectiveFrom: "2026-06-01", expiresOn: "2027-01-01", documentRef: "x") { id } }', { id: sub.id }, staff),
      s.gql('mutation($id: ID!) { createSupervisionReview(subcontractorId: $id, reviewedOn: "2026-06-01", result: COMPLIANT, nextReviewDue: "2027-01-01") { id } }', { id: sub.id }, staff),
      handOver(sub.id, '2026-06-01', '2026-07-01', staff),
    ];
    for (const res of await Promise.all(attempts)) expect(errorOf(res)?.code).toBe('FORBIDDEN');
    const [row] = await s.sql('SELECT COUNT(*) AS n FROM subcontractor WHERE name = ?', ['職員による登録']);
    expect(Number(row.n)).toBe(0);
  });

  test('a hand-over to a subcontractor without an agreement in force is refused with NO_AGREEMENT_IN_FORCE and writes nothing', async () => {
    const sub = await createSubcontractor();
    const res = await handOver(sub.id, '2026-06-01', '2026-06-30');
    expect(res.data?.createEntrustment ?? null).toBeNull();
    expect(errorOf(res)).toMatchObject({ code: 'CONFLICT', rule: 'NO_AGREEMENT_IN_FORCE', rules: ['NO_AGREEMENT_IN_FORCE'] });
    // an agreement that starts tomorrow is not in force today either
    await createAgreement(sub.id, '2026-06-02', '2027-06-01');
    expect(errorOf(await handOver(sub.id, '2026-06-01', '2026-06-30'))?.rule).toBe('NO_AGREEMENT_IN_FORCE');
    s.clock.set(noonJst('2026-06-02'));
    expect((await handOver(sub.id, '2026-06-02', '2026-06-30')).errors).toBeUndefined();
    const [row] = await s.sql('SELECT COUNT(*) AS n FROM entrustment WHERE subcontractor_id = ?', [Number(sub.id)]);
    expect(Number(row.n)).toBe(1);
  });

  test('a hand-over is refused to a deactivated, substandard or non-compliant subcontractor, and outside what it is entrusted with', async () => {
    const inactive = await createSubcontractor();
    await createAgreement(inactive.id, '2026-06-01', '2027-05-31');
    await ok('mutation($id: ID!) { updateSubcontractor(id: $id, active: false) { id } }', { id: inactive.id }, supervisor);
    expect(errorOf(await handOver(inactive.id, '2026-06-01', '2026-06-30'))).toMatchObject({ code: 'CONFLICT', rule: 'SUBCONTRACTOR_INACTIVE' });

    const substandard = await createSubcontractor(supervisor, { meets: false });
    await createAgreement(substandard.id, '2026-06-01', '2027-05-31');
    expect(errorOf(await handOver(substandard.id, '2026-06-01', '2026-06-30'))).toMatchObject({ code: 'CONFLICT', rule: 'DOES_NOT_MEET_STANDARDS' });

    const flagged = await createSubcontractor();
    await createAgreement(flagged.id, '2026-06-01', '2027-05-31');
    await createReview(flagged.id, '2026-06-01', 'NON_COMPLIANT', '2026-07-01');
    expect(errorOf(await handOver(flagged.id, '2026-06-01', '2026-06-30'))).toMatchObject({ code: 'CONFLICT', rule: 'SUBCONTRACTOR_NON_COMPLIANT' });

    const fine = await createSubcontractor();
    await createAgreement(fine.id, '2026-06-01', '2027-05-31');
    const wrongCategory = await handOver(fine.id, '2026-06-01', '2026-06-30', supervisor, ['SHAREHOLDER']);
    expect(errorOf(wrongCategory)).toMatchObject({ code: 'CONFLICT', rule: 'CATEGORY_NOT_ENTRUSTED' });
  });

  test('an agreement expiring in 30 days is flagged, in 31 days it is not', async () => {
    const sub = await createSubcontractor();
    const a = await createAgreement(sub.id, '2026-06-01', '2026-07-31');
    const read = async () => (await ok(`query($id: ID!) { ConfidentialityAgreement(id: $id) { ${AGREEMENT_FIELDS} } }`, { id: a.id }, supervisor)).ConfidentialityAgreement;
    const expiringIds = async () =>
      (await ok('{ allConfidentialityAgreements(perPage: 1000, filter: { expiringSoon: true }) { id } }', {}, supervisor)).allConfidentialityAgreements.map(
        (x: { id: string }) => x.id,
      );
    s.clock.set(noonJst('2026-06-30'));
    expect(await read()).toMatchObject({ daysToExpiry: 31, expiringSoon: false, inForce: true });
    expect(await expiringIds()).not.toContain(a.id);
    s.clock.set(noonJst('2026-07-01'));
    expect(await read()).toMatchObject({ daysToExpiry: 30, expiringSoon: true, inForce: true });
    expect(await expiringIds()).toContain(a.id);
    // a renewal that continues it without a gap takes it off the renewal list, not off the expiring list
    const renewalList = async () =>
      (await ok('{ allConfidentialityAgreements(perPage: 1000, filter: { needsRenewal: true }) { id } }', {}, supervisor)).allConfidentialityAgreements.map(
        (x: { id: string }) => x.id,
      );
    expect(await renewalList()).toContain(a.id);
    s.clock.set(noonJst('2026-06-01'));
    await createAgreement(sub.id, '2026-08-01', '2027-07-31');
    s.clock.set(noonJst('2026-07-01'));
    expect(await read()).toMatchObject({ expiringSoon: true, renewed: true });
    expect(await renewalList()).not.toContain(a.id);
  });

  test('an agreement is in force on expiresOn (Japan time) and not the day after; then the subcontractor may not receive data', async () => {
    const sub = await createSubcontractor();
    const a = await createAgreement(sub.id, '2026-06-01', '2026-07-31');
    const state = async () =>
      (await ok(`query($id: ID!, $sid: ID!) { ConfidentialityAgreement(id: $id) { inForce daysToExpiry } Subcontractor(id: $sid) { ${SUBCONTRACTOR_FIELDS} } }`, { id: a.id, sid: sub.id }, supervisor));
    s.clock.set('2026-07-31T14:59:59.000Z'); // 23:59:59 on 31 July in Japan
    let now = await state();
    expect(now.ConfidentialityAgreement).toEqual({ inForce: true, daysToExpiry: 0 });
    expect(now.Subcontractor).toMatchObject({ agreementInForce: true, allowedToReceiveData: true });
    s.clock.set('2026-07-31T15:00:00.000Z'); // 00:00 on 1 August in Japan
    now = await state();
    expect(now.ConfidentialityAgreement).toEqual({ inForce: false, daysToExpiry: -1 });
    expect(now.Subcontractor).toMatchObject({ agreementInForce: false, agreementExpiresOn: null, allowedToReceiveData: false, notAllowedBecause: ['NO_AGREEMENT_IN_FORCE'] });
    expect(errorOf(await handOver(sub.id, '2026-08-01', '2026-08-31'))?.rule).toBe('NO_AGREEMENT_IN_FORCE');
    const notAllowed = await ok('{ allSubcontractors(perPage: 1000, filter: { allowedToReceiveData: false }) { id } }', {}, supervisor);
    expect(notAllowed.allSubcontractors.map((x: { id: string }) => x.id)).toContain(sub.id);
  });

  test('a review is overdue the day after its next review day, and a later review clears it', async () => {
    const sub = await createSubcontractor();
    const first = await createReview(sub.id, '2026-06-01', 'COMPLIANT', '2026-09-01');
    const read = async () =>
      ok(`query($id: ID!, $rid: ID!) { Subcontractor(id: $id) { nextReviewDue reviewOverdue } SupervisionReview(id: $rid) { overdue superseded } }`, { id: sub.id, rid: first.id }, supervisor);
    s.clock.set(noonJst('2026-09-01'));
    expect(await read()).toEqual({ Subcontractor: { nextReviewDue: '2026-09-01', reviewOverdue: false }, SupervisionReview: { overdue: false, superseded: false } });
    s.clock.set(noonJst('2026-09-02'));
    expect(await read()).toEqual({ Subcontractor: { nextReviewDue: '2026-09-01', reviewOverdue: true }, SupervisionReview: { overdue: true, superseded: false } });
    const overdueList = await ok('{ allSupervisionReviews(perPage: 1000, filter: { overdue: true }) { id } }', {}, supervisor);
    expect(overdueList.allSupervisionReviews.map((r: { id: string }) => r.id)).toContain(first.id);
    await createReview(sub.id, '2026-09-02', 'COMPLIANT', '2027-03-01');
    expect(await read()).toEqual({ Subcontractor: { nextReviewDue: '2027-03-01', reviewOverdue: false }, SupervisionReview: { overdue: false, superseded: true } });
  });

  test('a NON_COMPLIANT review flags the subcontractor until a later COMPLIANT one; FINDINGS does not lift it', async () => {
    const sub = await createSubcontractor();
    await createAgreement(sub.id, '2026-06-01', '2027-05-31');
    await createReview(sub.id, '2026-06-01', 'NON_COMPLIANT', '2026-07-01');
    expect(await subcontractor(sub.id)).toMatchObject({ flaggedNonCompliant: true, allowedToReceiveData: false, notAllowedBecause: ['SUBCONTRACTOR_NON_COMPLIANT'] });
    s.clock.set(noonJst('2026-06-15'));
    await createReview(sub.id, '2026-06-15', 'FINDINGS', '2026-07-15');
    expect(await subcontractor(sub.id)).toMatchObject({ flaggedNonCompliant: true, allowedToReceiveData: false });
    s.clock.set(noonJst('2026-07-01'));
    await createReview(sub.id, '2026-07-01', 'COMPLIANT', '2027-01-01');
    expect(await subcontractor(sub.id)).toMatchObject({ flaggedNonCompliant: false, allowedToReceiveData: true, notAllowedBecause: [] });
    expect((await handOver(sub.id, '2026-07-01', '2026-07-31')).errors).toBeUndefined();
  });

  test('a hand-over open past its end day is flagged from the day after, until closed with a certificate', async () => {
    const sub = await createSubcontractor();
    await createAgreement(sub.id, '2026-06-01', '2027-05-31');
    const e = (await handOver(sub.id, '2026-06-01', '2026-06-30')).data!.createEntrustment;
    const read = async () => (await ok(`query($id: ID!) { Entrustment(id: $id) { pastEnd daysToEnd open } }`, { id: e.id }, supervisor)).Entrustment;
    const pastEndIds = async () =>
      (await ok('{ allEntrustments(perPage: 1000, filter: { pastEnd: true }) { id } }', {}, supervisor)).allEntrustments.map((x: { id: string }) => x.id);
    s.clock.set(noonJst('2026-06-30'));
    expect(await read()).toEqual({ pastEnd: false, daysToEnd: 0, open: true });
    expect(await pastEndIds()).not.toContain(e.id);
    s.clock.set(noonJst('2026-07-01'));
    expect(await read()).toEqual({ pastEnd: true, daysToEnd: -1, open: true });
    expect(await pastEndIds()).toContain(e.id);
    // the subcontractor still holds the data: it cannot be deactivated yet
    const deactivate = await s.gql('mutation($id: ID!) { updateSubcontractor(id: $id, active: false) { id } }', { id: sub.id }, supervisor);
    expect(errorOf(deactivate)).toMatchObject({ code: 'CONFLICT', rule: 'OPEN_ENTRUSTMENTS' });
    await ok('mutation($id: ID!) { closeEntrustment(id: $id, closedOn: "2026-07-01", certificateKind: RETURN, certificateRef: "RET-7") { id } }', { id: e.id }, supervisor);
    expect(await read()).toEqual({ pastEnd: false, daysToEnd: null, open: false });
    const again = await s.gql('mutation($id: ID!) { closeEntrustment(id: $id, certificateKind: RETURN, certificateRef: "RET-8") { id } }', { id: e.id }, supervisor);
    expect(errorOf(again)).toMatchObject({ code: 'CONFLICT', rule: 'ENTRUSTMENT_CLOSED' });
    const changeClosed = await s.gql('mutation($id: ID!) { updateEntrustment(id: $id, subjectCount: 999) { id } }', { id: e.id }, supervisor);
    expect(errorOf(changeClosed)).toMatchObject({ code: 'CONFLICT', rule: 'ENTRUSTMENT_CLOSED' });
  });

  test('extending a hand-over is a hand-over in effect: refused once the agreement has lapsed', async () => {
    const sub = await createSubcontractor();
    await createAgreement(sub.id, '2026-06-01', '2026-06-30');
    const e = (await handOver(sub.id, '2026-06-01', '2026-06-20')).data!.createEntrustment;
    s.clock.set(noonJst('2026-07-05'));
    const extend = await s.gql('mutation($id: ID!) { updateEntrustment(id: $id, endsOn: "2026-08-31") { id endsOn } }', { id: e.id }, supervisor);
    expect(errorOf(extend)).toMatchObject({ code: 'CONFLICT', rule: 'NO_AGREEMENT_IN_FORCE' });
    // narrowing is always possible
    const narrow = await ok('mutation($id: ID!) { updateEntrustment(id: $id, subjectCount: 100, note: "一部返却済み") { id subjectCount } }', { id: e.id }, supervisor);
    expect(narrow.updateEntrustment.subjectCount).toBe(100);
  });

  test('bad input is refused naming the field and changes nothing', async () => {
    const sub = await createSubcontractor();
    const cases: Array<[string, Record<string, unknown>, string]> = [
      [
        'mutation($id: ID!) { createConfidentialityAgreement(subcontractorId: $id, signedOn: "2026-06-01", effectiveFrom: "2026-06-01", expiresOn: "2026-06-01", documentRef: "x") { id } }',
        { id: sub.id },
        'expiresOn',
      ],
      [
        'mutation($id: ID!) { createConfidentialityAgreement(subcontractorId: $id, signedOn: "2026-06-02", effectiveFrom: "2026-06-02", expiresOn: "2027-06-01", documentRef: "x") { id } }',
        { id: sub.id },
        'signedOn',
      ],
      [
        'mutation($id: ID!) { createConfidentialityAgreement(subcontractorId: $id, signedOn: "2026-05-01", effectiveFrom: "2026-04-01", expiresOn: "2027-06-01", documentRef: "x") { id } }',
        { id: sub.id },
        'effectiveFrom',
      ],
      [
        'mutation($id: ID!) { createSupervisionReview(subcontractorId: $id, reviewedOn: "2026-06-01", result: NON_COMPLIANT, nextReviewDue: "2026-07-01") { id } }',
        { id: sub.id },
        'findings',
      ],
      [
        'mutation($id: ID!) { createSupervisionReview(subcontractorId: $id, reviewedOn: "2026-06-01", result: COMPLIANT, nextReviewDue: "2026-06-01") { id } }',
        { id: sub.id },
        'nextReviewDue',
      ],
      ['mutation { createSubcontractor(name: "", contact: "x") { id } }', {}, 'name'],
      [
        `mutation($id: ID!) { createEntrustment(subcontractorId: $id, dataCategories: [CUSTOMER], subjectCount: 0, purposeIds: ["1"], handedOverOn: "2026-06-01", endsOn: "2026-06-30") { id } }`,
        { id: sub.id },
        'subjectCount',
      ],
      [
        `mutation($id: ID!) { createEntrustment(subcontractorId: $id, dataCategories: [CUSTOMER], subjectCount: 1, purposeIds: ["1"], handedOverOn: "2026-06-01", endsOn: "2026-05-31") { id } }`,
        { id: sub.id },
        'endsOn',
      ],
    ];
    for (const [query, vars, field] of cases) {
      const res = await s.gql(query, vars, supervisor);
      expect({ field, error: errorOf(res) }).toMatchObject({ field, error: { code: 'BAD_USER_INPUT', field } });
    }
    const [a] = await s.sql('SELECT COUNT(*) AS n FROM confidentiality_agreement WHERE subcontractor_id = ?', [Number(sub.id)]);
    const [r] = await s.sql('SELECT COUNT(*) AS n FROM supervision_review WHERE subcontractor_id = ?', [Number(sub.id)]);
    expect([Number(a.n), Number(r.n)]).toEqual([0, 0]);
    const duplicate = await s.gql('mutation($n: String!) { createSubcontractor(name: $n, contact: "x") { id } }', { n: sub.name }, supervisor);
    expect(errorOf(duplicate)).toMatchObject({ code: 'CONFLICT', rule: 'SUBCONTRACTOR_NAME_TAKEN' });
  });

  test('search matches name and contact, with wildcards taken literally', async () => {
    const sub = await createSubcontractor();
    const search = async (q: string) =>
      (await ok('query($q: String) { allSubcontractors(perPage: 1000, filter: { q: $q }) { id } }', { q }, staff)).allSubcontractors.map(
        (x: { id: string }) => x.id,
      );
    expect(await search(sub.name)).toContain(sub.id);
    expect(await search('情報システム部')).toContain(sub.id);
    expect(await search('%')).toEqual([]);
    expect(await search('_')).toEqual([]);
  });

  test('there is no way to delete a subcontractor, an agreement, a review or a hand-over', async () => {
    const res = await s.gql('{ __schema { mutationType { fields { name } } } }', {}, manager);
    const names: string[] = res.data!.__schema.mutationType.fields.map((f: { name: string }) => f.name);
    expect(names.filter((n) => /^delete(Subcontractor|ConfidentialityAgreement|SupervisionReview|Entrustment|Incident)/.test(n))).toEqual([]);
  });
});
