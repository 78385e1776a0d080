import { databaseKinds } from './support/databases';
import { startServer, type GraphQLResponse, type TestServer } from './support/server';
import { auditSince, codeOf, lastAuditId, ruleOf, signIn, type AuditRow, type Tokens } from './support/case-workflow';
import { createRecord, customerAccounts, purposeId } from './support/ledger';

/**
 * What an examiner asks of the supervision and incident records: every change
 * of a subcontractor, agreement, review, hand-over, incident, measure and
 * purpose of use is in the audit trail (field names, never values); an
 * unchanged or refused change writes nothing. And the ledger stays true to
 * what the subcontractors are entrusted with.
 */
describe.each(databaseKinds())('audit of supervision and incident records on %s', (kind) => {
  let s: TestServer;
  let t: Tokens;
  let purpose: string;
  let subcontractorId: string;

  beforeAll(async () => {
    s = await startServer(kind);
    s.clock.set('2026-06-01T03:00:00.000Z');
    t = await signIn(s);
    purpose = await purposeId(s, t.manager, 'CUSTOMER_SERVICES');
  });
  afterAll(() => s?.close());

  async function ok<T = any>(query: string, variables: Record<string, unknown>, token = t.supervisor): Promise<T> {
    const res = await s.gql(query, variables, token);
    if (res.errors?.length || !res.data) throw new Error(`unexpected errors: ${JSON.stringify(res.errors)}`);
    return res.data as T;
  }

  /** The entries written for `type` since `before`. */
  const entriesOf = async (type: string, before: number): Promise<AuditRow[]> => (await auditSince(s, before)).filter((e) => e.entity_type === type);
  const fieldsOf = (e: AuditRow | undefined) => e!.fields.split(',').filter(Boolean).sort();

  /** Runs `change`, expects exactly one entry for `type` and returns it with the response. */
  async function oneEntry(type: string, change: () => Promise<GraphQLResponse>): Promise<{ entry: AuditRow; res: GraphQLResponse }> {
    const before = await lastAuditId(s);
    const res = await change();
    expect(res.errors).toBeUndefined();
    const entries = await entriesOf(type, before);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.outcome).toBe('ALLOWED');
    return { entry: entries[0]!, res };
  }

  /** Runs `change`, expects it refused with `code`, and nothing written for `type`. */
  async function noEntry(type: string, change: () => Promise<GraphQLResponse>, code: string | null = null): Promise<GraphQLResponse> {
    const before = await lastAuditId(s);
    const res = await change();
    if (code) expect(codeOf(res)).toBe(code);
    else expect(res.errors).toBeUndefined();
    expect(await entriesOf(type, before)).toEqual([]);
    return res;
  }

  test('a subcontractor: created, changed and deactivated are audited; an unchanged or refused change writes nothing', async () => {
    const { entry, res } = await oneEntry('Subcontractor', () =>
      s.gql(
        `mutation($p: [ID!]) { createSubcontractor(name: "監査テスト委託先", contact: "情報システム部 03-0000-0000",
          entrustedCategories: [CUSTOMER, EMPLOYEE], entrustedPurposes: $p, meetsStandards: true) { id } }`,
        { p: [purpose] },
        t.supervisor,
      ),
    );
    subcontractorId = res.data!.createSubcontractor.id;
    expect(entry).toMatchObject({ action: 'CREATE', entity_id: subcontractorId, reason: null });
    expect(fieldsOf(entry)).toEqual(['contact', 'entrustedCategories', 'entrustedPurposes', 'lastAssessedOn', 'meetsStandards', 'name']);

    const update = (args: string) => s.gql(`mutation($id: ID!) { updateSubcontractor(id: $id, ${args}) { id name contact active } }`, { id: subcontractorId }, t.supervisor);
    const changed = await oneEntry('Subcontractor', () => update('contact: "総務部 03-1111-1111"'));
    expect(changed.entry).toMatchObject({ action: 'UPDATE', entity_id: subcontractorId, reason: null });
    expect(fieldsOf(changed.entry)).toEqual(['contact']);
    expect(changed.entry.changes).toBeNull();

    await noEntry('Subcontractor', () => update('name: "監査テスト委託先", contact: "総務部 03-1111-1111", entrustedCategories: [EMPLOYEE, CUSTOMER]'));
    await noEntry('Subcontractor', () => update('lastAssessedOn: "2099-01-01"'), 'BAD_USER_INPUT');
    const taken = await noEntry('Subcontractor', () => update('name: "株式会社データ処理センター", contact: "変更されない"'), 'CONFLICT');
    expect(ruleOf(taken)).toBe('SUBCONTRACTOR_NAME_TAKEN');
    expect((await ok('query($id: ID!) { Subcontractor(id: $id) { contact } }', { id: subcontractorId })).Subcontractor.contact).toBe('総務部 03-1111-1111');
  });

  test('a confidentiality agreement: created and corrected are audited; an unchanged or refused correction writes nothing', async () => {
    const { entry, res } = await oneEntry('ConfidentialityAgreement', () =>
      s.gql(
        `mutation($sid: ID!) { createConfidentialityAgreement(subcontractorId: $sid, signedOn: "2026-05-01", effectiveFrom: "2026-05-01",
          expiresOn: "2027-04-30", documentRef: "NDA-AUDIT-1") { id } }`,
        { sid: subcontractorId },
        t.supervisor,
      ),
    );
    const id = res.data!.createConfidentialityAgreement.id;
    expect(entry).toMatchObject({ action: 'CREATE', entity_id: id, reason: `subcontractor ${subcontractorId}` });
    expect(fieldsOf(entry)).toEqual(['documentRef', 'effectiveFrom', 'expiresOn', 'signedOn']);

    const update = (args: string) => s.gql(`mutation($id: ID!) { updateConfidentialityAgreement(id: $id, ${args}) { id } }`, { id }, t.supervisor);
    const changed = await oneEntry('ConfidentialityAgreement', () => update('expiresOn: "2027-05-31"'));
    expect(changed.entry).toMatchObject({ action: 'UPDATE', entity_id: id });
    expect(fieldsOf(changed.entry)).toEqual(['expiresOn']);
    await noEntry('ConfidentialityAgreement', () => update('expiresOn: "2027-05-31", documentRef: "NDA-AUDIT-1"'));
    await noEntry('ConfidentialityAgreement', () => update('expiresOn: "2026-04-01"'), 'BAD_USER_INPUT');
    expect((await ok('query($id: ID!) { ConfidentialityAgreement(id: $id) { expiresOn } }', { id })).ConfidentialityAgreement.expiresOn).toBe('2027-05-31');
  });

  test('a supervision review: recorded and corrected are audited, a changed result named; refused input writes nothing', async () => {
    const { entry, res } = await oneEntry('SupervisionReview', () =>
      s.gql('mutation($sid: ID!) { createSupervisionReview(subcontractorId: $sid, reviewedOn: "2026-05-20", result: COMPLIANT, nextReviewDue: "2027-05-20") { id } }', { sid: subcontractorId }, t.supervisor),
    );
    const id = res.data!.createSupervisionReview.id;
    expect(entry).toMatchObject({ action: 'CREATE', entity_id: id, reason: `subcontractor ${subcontractorId}, COMPLIANT` });
    expect(fieldsOf(entry)).toEqual(['correctiveActions', 'findings', 'nextReviewDue', 'result', 'reviewedOn', 'reviewerId']);

    const update = (args: string) => s.gql(`mutation($id: ID!) { updateSupervisionReview(id: $id, ${args}) { id result } }`, { id }, t.supervisor);
    await noEntry('SupervisionReview', () => update('result: FINDINGS'), 'BAD_USER_INPUT');
    const changed = await oneEntry('SupervisionReview', () => update('result: FINDINGS, findings: "アクセス権限の棚卸しが未実施"'));
    expect(changed.entry).toMatchObject({ action: 'UPDATE', reason: 'result COMPLIANT → FINDINGS' });
    expect(fieldsOf(changed.entry)).toEqual(['findings', 'result']);
    expect(JSON.stringify(await s.sql('SELECT * FROM audit_entry WHERE id > ?', [changed.entry.id - 1]))).not.toContain('棚卸し');
    await noEntry('SupervisionReview', () => update('result: FINDINGS, findings: "アクセス権限の棚卸しが未実施"'));
    // put right again, so the subcontractor may receive data
    await oneEntry('SupervisionReview', () => update('result: COMPLIANT, findings: null'));
  });

  test('a hand-over: recorded, extended and closed are audited; refused ones write nothing', async () => {
    const create = (categories: string) =>
      s.gql(
        `mutation($sid: ID!, $p: [ID!]!) { createEntrustment(subcontractorId: $sid, dataCategories: [${categories}], dataItems: ["氏名"], subjectCount: 10,
          purposeIds: $p, handedOverOn: "2026-05-25", endsOn: "2026-08-31") { id } }`,
        { sid: subcontractorId, p: [purpose] },
        t.supervisor,
      );
    const refused = await noEntry('Entrustment', () => create('SHAREHOLDER'), 'CONFLICT');
    expect(ruleOf(refused)).toBe('CATEGORY_NOT_ENTRUSTED');
    const { entry, res } = await oneEntry('Entrustment', () => create('CUSTOMER'));
    const id = res.data!.createEntrustment.id;
    expect(entry).toMatchObject({ action: 'CREATE', entity_id: id, reason: `subcontractor ${subcontractorId}` });
    expect(fieldsOf(entry)).toEqual(['dataCategories', 'dataItems', 'endsOn', 'handedOverOn', 'note', 'purposeIds', 'subjectCount']);

    const update = (args: string) => s.gql(`mutation($id: ID!) { updateEntrustment(id: $id, ${args}) { id } }`, { id }, t.supervisor);
    const extended = await oneEntry('Entrustment', () => update('endsOn: "2026-09-30", subjectCount: 12'));
    expect(fieldsOf(extended.entry)).toEqual(['endsOn', 'subjectCount']);
    await noEntry('Entrustment', () => update('endsOn: "2026-09-30", subjectCount: 12'));
    expect(ruleOf(await noEntry('Entrustment', () => update('dataCategories: [CUSTOMER, SHAREHOLDER]'), 'CONFLICT'))).toBe('CATEGORY_NOT_ENTRUSTED');

    const close = () => s.gql('mutation($id: ID!) { closeEntrustment(id: $id, certificateKind: DESTRUCTION, certificateRef: "CERT-AUDIT-1") { id } }', { id }, t.supervisor);
    const closed = await oneEntry('Entrustment', close);
    expect(closed.entry).toMatchObject({ action: 'UPDATE', reason: 'closed (DESTRUCTION)' });
    expect(fieldsOf(closed.entry)).toEqual(['certificateKind', 'certificateRef', 'closedOn']);
    expect(ruleOf(await noEntry('Entrustment', close, 'CONFLICT'))).toBe('ENTRUSTMENT_CLOSED');
  });

  test('an incident and its measures: recorded, reported and done are audited; unchanged or refused changes write nothing', async () => {
    const { entry, res } = await oneEntry('Incident', () =>
      s.gql(
        `mutation($sid: ID) { createIncident(kind: LOSS, detectedAt: "2026-05-30T01:00:00.000Z", description: "書類の誤廃棄", peopleAffected: 3,
          subcontractorId: $sid) { id reference } }`,
        { sid: subcontractorId },
        t.manager,
      ),
    );
    const id = res.data!.createIncident.id;
    expect(entry).toMatchObject({ action: 'CREATE', entity_id: id, reason: null });
    expect(fieldsOf(entry)).toEqual([
      'description', 'detectedAt', 'finalReportedOn', 'financialLossRisk', 'individualsNotifiedOn', 'kind', 'peopleAffected', 'preliminaryReportedOn',
      'reference', 'sensitiveData', 'subcontractorId', 'wrongfulPurpose',
    ]);
    expect(JSON.stringify(await s.sql('SELECT * FROM audit_entry WHERE id = ?', [entry.id]))).not.toContain('誤廃棄');

    const update = (args: string) => s.gql(`mutation($id: ID!) { updateIncident(id: $id, ${args}) { id } }`, { id }, t.manager);
    const reported = await oneEntry('Incident', () => update('sensitiveData: true, preliminaryReportedOn: "2026-05-31"'));
    expect(reported.entry).toMatchObject({ action: 'UPDATE', entity_id: id, reason: 'preliminary report made' });
    expect(fieldsOf(reported.entry)).toEqual(['preliminaryReportedOn', 'sensitiveData']);
    await noEntry('Incident', () => update('sensitiveData: true, preliminaryReportedOn: "2026-05-31", peopleAffected: 3'));
    await noEntry('Incident', () => update('finalReportedOn: "2026-05-01"'), 'BAD_USER_INPUT');
    expect((await ok('query($id: ID!) { Incident(id: $id) { finalReportedOn } }', { id }, t.manager)).Incident.finalReportedOn).toBeNull();

    const measure = await oneEntry('IncidentMeasure', () =>
      s.gql('mutation($id: ID!) { createIncidentMeasure(incidentId: $id, description: "委託先への再教育", dueOn: "2026-06-10") { id } }', { id }, t.manager),
    );
    const measureId = measure.res.data!.createIncidentMeasure.id;
    expect(measure.entry).toMatchObject({ action: 'CREATE', entity_id: measureId, reason: `incident ${id}, PLANNED` });
    expect(fieldsOf(measure.entry)).toEqual(['description', 'dueOn', 'status']);
    const updateMeasure = (args: string) => s.gql(`mutation($id: ID!) { updateIncidentMeasure(id: $id, ${args}) { id } }`, { id: measureId }, t.manager);
    const done = await oneEntry('IncidentMeasure', () => updateMeasure('status: DONE'));
    expect(done.entry).toMatchObject({ action: 'UPDATE', reason: 'status PLANNED → DONE' });
    expect(fieldsOf(done.entry)).toEqual(['doneOn', 'status']);
    await noEntry('IncidentMeasure', () => updateMeasure('status: DONE, dueOn: "2026-06-10"'));
    await noEntry('IncidentMeasure', () => updateMeasure('description: "   "'), 'BAD_USER_INPUT');
  });

  test('a purpose of use: created, changed and deactivated are audited; a taken code or unchanged values write nothing', async () => {
    const create = () => s.gql('mutation { createPurposeOfUse(code: "AUDIT_TEST", title: "Audit test", titleJa: "監査テスト", categories: [CUSTOMER]) { id } }', {}, t.manager);
    const { entry, res } = await oneEntry('PurposeOfUse', create);
    const id = res.data!.createPurposeOfUse.id;
    expect(entry).toMatchObject({ action: 'CREATE', entity_id: id, reason: null });
    expect(fieldsOf(entry)).toEqual(['active', 'categories', 'code', 'description', 'title', 'titleJa']);
    expect(ruleOf(await noEntry('PurposeOfUse', create, 'CONFLICT'))).toBe('PURPOSE_CODE_TAKEN');

    const update = (args: string) => s.gql(`mutation($id: ID!) { updatePurposeOfUse(id: $id, ${args}) { id } }`, { id }, t.manager);
    const retitled = await oneEntry('PurposeOfUse', () => update('title: "Audit test, renamed"'));
    expect(fieldsOf(retitled.entry)).toEqual(['title']);
    const deactivated = await oneEntry('PurposeOfUse', () => update('active: false'));
    expect(deactivated.entry).toMatchObject({ action: 'UPDATE', reason: 'deactivated' });
    expect(fieldsOf(deactivated.entry)).toEqual(['active']);
    await noEntry('PurposeOfUse', () => update('active: false, categories: [CUSTOMER], title: "Audit test, renamed"'));
  });

  test('a subcontractor named by ledger records in force keeps their categories and stays active until the records change', async () => {
    const created = await createRecord(s, t.manager, customerAccounts(purpose, { name: '委託先台帳テスト（顧客）', subcontractorIds: [subcontractorId], lastReviewedOn: '2026-05-01' }));
    expect(created.errors).toBeUndefined();
    const ledgerId = created.data!.createLedgerRecord.id;
    const update = (args: string) => s.gql(`mutation($id: ID!) { updateSubcontractor(id: $id, ${args}) { id entrustedCategories active } }`, { id: subcontractorId }, t.supervisor);
    const stored = async () => (await ok('query($id: ID!) { Subcontractor(id: $id) { entrustedCategories active } }', { id: subcontractorId })).Subcontractor;

    const narrowed = await noEntry('Subcontractor', () => update('entrustedCategories: [EMPLOYEE], contact: "変更されない"'), 'CONFLICT');
    expect(ruleOf(narrowed)).toBe('ENTRUSTED_IN_LEDGER');
    expect(narrowed.errors![0]!.extensions).toMatchObject({ ledgerRecordIds: [ledgerId], ledgerRecordNames: ['委託先台帳テスト（顧客）'], categories: ['CUSTOMER'] });
    expect(narrowed.errors![0]!.message).toContain('update those ledger records first');
    expect(await stored()).toEqual({ entrustedCategories: ['CUSTOMER', 'EMPLOYEE'], active: true });

    const deactivated = await noEntry('Subcontractor', () => update('active: false'), 'CONFLICT');
    expect(ruleOf(deactivated)).toBe('ENTRUSTED_IN_LEDGER');
    expect(deactivated.errors![0]!.extensions).toMatchObject({ ledgerRecordIds: [ledgerId] });
    expect((await stored()).active).toBe(true);

    // a category no record in force relies on may go
    const unused = await oneEntry('Subcontractor', () => update('entrustedCategories: [CUSTOMER]'));
    expect(fieldsOf(unused.entry)).toEqual(['entrustedCategories']);

    // once the record is retired it no longer counts
    expect((await s.gql('mutation($id: ID!) { retireLedgerRecord(id: $id) { id } }', { id: ledgerId }, t.manager)).errors).toBeUndefined();
    const off = await oneEntry('Subcontractor', () => update('active: false'));
    expect(off.entry).toMatchObject({ action: 'UPDATE', reason: 'deactivated' });
    expect(fieldsOf(off.entry)).toEqual(['active']);
  });
});
