import { databaseKinds } from './support/databases';
import { startServer, type TestServer } from './support/server';
import { auditSince, codeOf, lastAuditId, moveClock, ruleOf, signIn, type Tokens } from './support/case-workflow';
import { createRecord, createRisk, customerAccounts, getRecord, purposeId, recordIdsWhere, updateRecord } from './support/ledger';

describe.each(databaseKinds())('the personal-information ledger on %s', (kind) => {
  let s: TestServer;
  let t: Tokens;
  let customerPurpose: string;
  let employeePurpose: string;
  let dataCenter: string;
  let maintenance: string;

  const create = (vars: Record<string, unknown> = {}, token = t.manager) => createRecord(s, token, customerAccounts(customerPurpose, vars));
  const created = async (vars: Record<string, unknown> = {}) => {
    const res = await create(vars);
    if (!res.data) throw new Error(`createLedgerRecord failed: ${res.body}`);
    return res.data.createLedgerRecord as Record<string, any>;
  };

  beforeAll(async () => {
    s = await startServer(kind);
    s.clock.set('2026-12-01T03:00:00Z');
    t = await signIn(s);
    customerPurpose = await purposeId(s, t.manager, 'CUSTOMER_SERVICES');
    employeePurpose = await purposeId(s, t.manager, 'EMPLOYEE_ADMINISTRATION');
    const subs = (await s.gql('{ allSubcontractors { id name } }', {}, t.manager)).data?.allSubcontractors as Array<{ id: string; name: string }>;
    dataCenter = subs.find((x) => x.name === '株式会社データ処理センター')!.id;
    maintenance = subs.find((x) => x.name === 'システム保守株式会社')!.id;
  });
  afterAll(() => s?.close());

  test('a record describes a kind of personal information in full; it is audited and due for review a year on', async () => {
    const before = await lastAuditId(s);
    const res = await create({
      name: '  ECサイト会員情報（本店）  ',
      specialCare: false,
      subcontractorIds: [dataCenter],
      thirdPartyProvision: true,
      provisionBasis: 'CONSENT',
      provisionRecipients: '提携配送業者',
      foreignTransfer: true,
      foreignCountry: 'us',
      foreignTransferBasis: 'EQUIVALENT_MEASURES',
      note: 'メール配信はクラウドサービスを利用',
      lastReviewedOn: '2026-11-20',
    });
    const record = res.data?.createLedgerRecord;
    expect(record).toMatchObject({
      name: 'ECサイト会員情報（本店）',
      subjectCategory: 'CUSTOMER',
      dataItems: ['NAME', 'ADDRESS', 'EMAIL', 'OTHER'],
      otherDataItems: ['購入履歴'],
      approximateRecords: 12000,
      acquisitionMethod: 'DIRECT_IN_WRITING',
      purposeIds: [customerPurpose],
      storageMedium: 'ELECTRONIC',
      accessRoles: ['PRIVACY_MANAGER'],
      accessDepartments: ['EC事業部', 'カスタマーサポート部'],
      subcontractorIds: [dataCenter],
      provisionBasis: 'CONSENT',
      foreignCountry: 'US',
      foreignTransferBasis: 'EQUIVALENT_MEASURES',
      lastReviewedOn: '2026-11-20',
      nextReviewDue: '2027-11-20',
      retiredAt: null,
      reviewOverdue: false,
      riskAssessmentCount: 0,
      notAssessed: true,
    });
    const entries = await auditSince(s, before);
    expect(entries.map((e) => [e.action, e.entity_type, e.entity_id, e.subject_id])).toEqual([['CREATE', 'LedgerRecord', record.id, null]]);
    expect(entries[0]!.fields).toContain('subcontractorIds');
    // the review day defaults to today in Japan time
    expect((await created()).lastReviewedOn).toBe('2026-12-01');
  });

  test('bad input is refused naming the field, and leaves no trace', async () => {
    const before = await lastAuditId(s);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: '   ' }, 'name'],
      [{ name: 'x'.repeat(201) }, 'name'],
      [{ dataItems: [], otherDataItems: [] }, 'dataItems'],
      [{ dataItems: ['NAME', 'OTHER'], otherDataItems: [] }, 'otherDataItems'],
      [{ dataItems: ['NAME'], otherDataItems: ['生年月日'] }, 'otherDataItems'],
      [{ otherDataItems: Array.from({ length: 21 }, (_, i) => `項目${i}`) }, 'otherDataItems'],
      [{ purposeIds: [] }, 'purposeIds'],
      [{ purposeIds: ['999999'] }, 'purposeIds'],
      [{ approximateRecords: -1 }, 'approximateRecords'],
      [{ storageSystem: null }, 'storageSystem'],
      [{ accessRoles: [], accessDepartments: [] }, 'accessDepartments'],
      [{ thirdPartyProvision: true }, 'provisionBasis'],
      [{ thirdPartyProvision: false, provisionBasis: 'LAW' }, 'provisionBasis'],
      [{ foreignTransfer: true, foreignTransferBasis: 'CONSENT' }, 'foreignCountry'],
      [{ foreignTransfer: true, foreignCountry: 'JP', foreignTransferBasis: 'CONSENT' }, 'foreignCountry'],
      [{ foreignTransfer: true, foreignCountry: 'XX', foreignTransferBasis: 'CONSENT' }, 'foreignCountry'],
      [{ foreignTransfer: true, foreignCountry: 'SG' }, 'foreignTransferBasis'],
      [{ foreignTransfer: false, foreignCountry: 'SG' }, 'foreignCountry'],
      [{ lastReviewedOn: '2026-12-02' }, 'lastReviewedOn'],
      [{ subcontractorIds: ['999999'] }, 'subcontractorIds'],
    ];
    for (const [vars, field] of cases) {
      const res = await create(vars);
      expect({ vars, code: codeOf(res), field: res.errors?.[0]?.extensions.field }).toEqual({ vars, code: 'BAD_USER_INPUT', field });
    }
    expect(await auditSince(s, before)).toEqual([]);
  });

  test('the ledger holds no personal data: contact data in its texts is refused', async () => {
    const before = await lastAuditId(s);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ department: '人事部 yamada@example.co.jp' }, 'department'],
      [{ note: '担当者直通 090-1234-5678' }, 'note'],
      [{ accessDepartments: ['総務部', '佐藤（０３－１２３４－５６７８）'] }, 'accessDepartments'],
      [{ otherDataItems: ['購入履歴', 'taro@example.jp'] }, 'otherDataItems'],
    ];
    for (const [vars, field] of cases) {
      const res = await create(vars);
      expect({ field: res.errors?.[0]?.extensions.field, code: codeOf(res), message: res.errors?.[0]?.message }).toEqual({ field, code: 'BAD_USER_INPUT', message: expect.stringContaining('holds no personal data') });
      // the refusal does not echo what was sent
      expect(res.body).not.toMatch(/yamada|5678|taro/);
    }
    expect(await auditSince(s, before)).toEqual([]);
  });

  test('a subcontractor not entrusted with the subject category is a CONFLICT naming the rule, on create and when the category changes', async () => {
    const before = await lastAuditId(s);
    const refused = await create({ name: '従業員の給与情報', subjectCategory: 'EMPLOYEE', purposeIds: [employeePurpose], subcontractorIds: [dataCenter] });
    expect([codeOf(refused), ruleOf(refused)]).toEqual(['CONFLICT', 'CATEGORY_NOT_ENTRUSTED']);
    expect(refused.errors?.[0]?.extensions.subcontractorIds).toEqual([dataCenter]);
    expect(await auditSince(s, before)).toEqual([]);
    // entrusted with business-partner contacts as well: allowed
    const partners = await create({ name: '取引先担当者名簿（展示会）', subjectCategory: 'BUSINESS_PARTNER_CONTACT', purposeIds: [await purposeId(s, t.manager, 'INQUIRIES')], subcontractorIds: [maintenance] });
    expect(partners.data?.createLedgerRecord.subcontractorIds).toEqual([maintenance]);
    // the record's category moves away from what its subcontractor is entrusted with
    const record = await created({ subcontractorIds: [dataCenter] });
    const moved = await updateRecord(s, t.manager, record.id, { subjectCategory: 'SHAREHOLDER', purposeIds: [await purposeId(s, t.manager, 'SHAREHOLDERS')] });
    expect(ruleOf(moved)).toBe('CATEGORY_NOT_ENTRUSTED');
    expect((await getRecord(s, t.manager, record.id)).subjectCategory).toBe('CUSTOMER');
  });

  test('purposes of use must be in force and stated for the subject category', async () => {
    const notForCustomers = await create({ purposeIds: [employeePurpose] });
    expect([codeOf(notForCustomers), ruleOf(notForCustomers)]).toEqual(['CONFLICT', 'PURPOSE_NOT_FOR_CATEGORY']);
    const surveys = await purposeId(s, t.manager, 'CUSTOMER_CONTRACTS');
    const linked = await created({ purposeIds: [customerPurpose, surveys] });
    await s.gql('mutation($id: ID!) { updatePurposeOfUse(id: $id, active: false) { id } }', { id: surveys }, t.manager);
    try {
      const refused = await create({ purposeIds: [surveys] });
      expect([codeOf(refused), ruleOf(refused)]).toEqual(['CONFLICT', 'PURPOSE_INACTIVE']);
      // a link made while the purpose was in force stays until the record is corrected
      const kept = await updateRecord(s, t.manager, linked.id, { approximateRecords: 13000 });
      expect(kept.data?.updateLedgerRecord).toMatchObject({ approximateRecords: 13000, purposeIds: [customerPurpose, surveys] });
    } finally {
      await s.gql('mutation($id: ID!) { updatePurposeOfUse(id: $id, active: true) { id } }', { id: surveys }, t.manager);
    }
  });

  test('a deactivated subcontractor cannot be newly entrusted', async () => {
    const res = await s.gql(
      'mutation { createSubcontractor(name: "撤退済みの委託先", contact: "業務部", entrustedCategories: [CUSTOMER], meetsStandards: true) { id } }',
      {},
      t.manager,
    );
    const gone = res.data?.createSubcontractor.id as string;
    await s.gql('mutation($id: ID!) { updateSubcontractor(id: $id, active: false) { id } }', { id: gone }, t.manager);
    const refused = await create({ subcontractorIds: [gone] });
    expect([codeOf(refused), ruleOf(refused)]).toEqual(['CONFLICT', 'SUBCONTRACTOR_INACTIVE']);
  });

  test('two records in force cannot share a name', async () => {
    const first = await created({ name: '新卒採用応募者の履歴書', subjectCategory: 'JOB_APPLICANT', purposeIds: [await purposeId(s, t.manager, 'RECRUITMENT')] });
    const again = await create({ name: '新卒採用応募者の履歴書', subjectCategory: 'JOB_APPLICANT', purposeIds: [await purposeId(s, t.manager, 'RECRUITMENT')] });
    expect(ruleOf(again)).toBe('LEDGER_NAME_TAKEN');
    await s.gql('mutation($id: ID!) { retireLedgerRecord(id: $id) { id } }', { id: first.id }, t.manager);
    const reused = await create({ name: '新卒採用応募者の履歴書', subjectCategory: 'JOB_APPLICANT', purposeIds: [await purposeId(s, t.manager, 'RECRUITMENT')] });
    expect(reused.data?.createLedgerRecord.name).toBe('新卒採用応募者の履歴書');
  });

  test('an update changes only what is sent and audits the fields it changed; an unchanged update writes nothing', async () => {
    const record = await created();
    const before = await lastAuditId(s);
    const res = await updateRecord(s, t.manager, record.id, { approximateRecords: 15000, storageLocation: '大阪リージョンのクラウド', department: record.department });
    expect(res.data?.updateLedgerRecord).toMatchObject({ approximateRecords: 15000, storageLocation: '大阪リージョンのクラウド', name: record.name, accessDepartments: record.accessDepartments });
    const entries = await auditSince(s, before);
    expect(entries.map((e) => [e.action, e.entity_type, e.entity_id])).toEqual([['UPDATE', 'LedgerRecord', record.id]]);
    expect(entries[0]!.fields.split(',').sort()).toEqual(['approximateRecords', 'storageLocation']);
    const mid = await lastAuditId(s);
    await updateRecord(s, t.manager, record.id, { approximateRecords: 15000 });
    expect(await auditSince(s, mid)).toEqual([]);
    // turning a provision off clears nothing by itself: the basis must go with it
    const provided = await updateRecord(s, t.manager, record.id, { thirdPartyProvision: true, provisionBasis: 'LAW' });
    expect(provided.data?.updateLedgerRecord.provisionBasis).toBe('LAW');
    expect(codeOf(await updateRecord(s, t.manager, record.id, { thirdPartyProvision: false }))).toBe('BAD_USER_INPUT');
    const off = await updateRecord(s, t.manager, record.id, { thirdPartyProvision: false, provisionBasis: null });
    expect(off.data?.updateLedgerRecord).toMatchObject({ thirdPartyProvision: false, provisionBasis: null });
  });

  test('only the privacy manager reads and keeps the ledger: staff and supervisors are refused', async () => {
    const record = await created();
    for (const token of [t.staff, t.supervisor]) {
      expect(codeOf(await s.gql('{ allLedgerRecords { id } }', {}, token))).toBe('FORBIDDEN');
      expect(codeOf(await s.gql('query($id: ID!) { LedgerRecord(id: $id) { id } }', { id: record.id }, token))).toBe('FORBIDDEN');
      expect(codeOf(await create({}, token))).toBe('FORBIDDEN');
      expect(codeOf(await s.gql('mutation($id: ID!) { retireLedgerRecord(id: $id) { id } }', { id: record.id }, token))).toBe('FORBIDDEN');
      expect(codeOf(await s.gql('{ allRiskAssessments { id } }', {}, token))).toBe('FORBIDDEN');
    }
    expect((await getRecord(s, t.manager, record.id)).retiredAt).toBeNull();
  });

  test('the internal auditor reads the ledger and its risks, and changes nothing of them', async () => {
    const record = await created();
    const risk = await createRisk(s, t.manager, { ledgerRecordId: record.id });
    expect((await getRecord(s, t.auditor, record.id)).name).toBe(record.name);
    expect(await recordIdsWhere(s, t.auditor, {})).toContain(record.id);
    const risks = await s.gql('query($id: ID!) { allRiskAssessments(filter: { ledgerRecordId: $id }) { id } _allRiskAssessmentsMeta(filter: { ledgerRecordId: $id }) { count } }', { id: record.id }, t.auditor);
    expect(risks.data).toEqual({ allRiskAssessments: [{ id: risk.data?.createRiskAssessment.id }], _allRiskAssessmentsMeta: { count: 1 } });
    const before = await lastAuditId(s);
    expect(codeOf(await create({}, t.auditor))).toBe('FORBIDDEN');
    expect(codeOf(await updateRecord(s, t.auditor, record.id, { approximateRecords: 1 }))).toBe('FORBIDDEN');
    expect(codeOf(await s.gql('mutation($id: ID!) { recordLedgerReview(id: $id) { id } }', { id: record.id }, t.auditor))).toBe('FORBIDDEN');
    expect(codeOf(await s.gql('mutation($id: ID!) { retireLedgerRecord(id: $id) { id } }', { id: record.id }, t.auditor))).toBe('FORBIDDEN');
    expect(codeOf(await createRisk(s, t.auditor, { ledgerRecordId: record.id, riskKind: 'LOSS' }))).toBe('FORBIDDEN');
    expect(codeOf(await s.gql('{ exportLedger(format: XLSX) { filename } }', {}, t.auditor))).toBe('FORBIDDEN');
    // each refusal is audited, and nothing changed
    expect((await auditSince(s, before)).map((e) => e.action)).toEqual(Array(6).fill('ACCESS_DENIED'));
    expect(await getRecord(s, t.manager, record.id)).toMatchObject({ approximateRecords: record.approximateRecords, retiredAt: null, riskAssessmentCount: 1 });
  });

  test('the list filters by category, special care and subcontractor, and searches name and department', async () => {
    const sensitive = await created({ name: '健康診断結果', subjectCategory: 'EMPLOYEE', purposeIds: [employeePurpose], specialCare: true, department: '人事部 健康管理室' });
    const entrusted = await created({ subcontractorIds: [maintenance, dataCenter] });
    expect(await recordIdsWhere(s, t.manager, { specialCare: true })).toContain(sensitive.id);
    expect(await recordIdsWhere(s, t.manager, { specialCare: true })).not.toContain(entrusted.id);
    expect(await recordIdsWhere(s, t.manager, { subjectCategory: 'EMPLOYEE', q: '健康管理室' })).toEqual([sensitive.id]);
    expect(await recordIdsWhere(s, t.manager, { subjectCategory: 'CUSTOMER', q: '健康管理室' })).toEqual([]);
    expect(await recordIdsWhere(s, t.manager, { subcontractorId: maintenance })).toContain(entrusted.id);
    expect(await recordIdsWhere(s, t.manager, { subcontractorId: dataCenter })).toContain(entrusted.id);
    expect(await recordIdsWhere(s, t.manager, { subcontractorId: dataCenter })).not.toContain(sensitive.id);
    expect(codeOf(await s.gql('{ allLedgerRecords(sortField: "note") { id } }', {}, t.manager))).toBe('BAD_USER_INPUT');
  });

  test('a retired record is kept, refuses changes and new assessments, and is never flagged', async () => {
    const record = await created({ lastReviewedOn: '2025-11-01' });
    expect((await getRecord(s, t.manager, record.id)).reviewOverdue).toBe(true);
    const risk = await createRisk(s, t.manager, { ledgerRecordId: record.id, residualRisk: 'HIGH', likelihood: 'HIGH' });
    const before = await lastAuditId(s);
    const retired = await s.gql('mutation($id: ID!) { retireLedgerRecord(id: $id) { id retiredAt reviewOverdue highRiskUnmitigated } }', { id: record.id }, t.manager);
    expect(retired.data?.retireLedgerRecord).toMatchObject({ retiredAt: expect.any(String), reviewOverdue: false, highRiskUnmitigated: false });
    const entries = await auditSince(s, before);
    expect(entries.map((e) => [e.action, e.entity_type, e.entity_id])).toEqual([
      ['UPDATE', 'LedgerRecord', record.id],
      ['UPDATE', 'RiskAssessment', risk.data?.createRiskAssessment.id],
    ]);
    expect(ruleOf(await updateRecord(s, t.manager, record.id, { approximateRecords: 1 }))).toBe('LEDGER_RECORD_RETIRED');
    expect(ruleOf(await s.gql('mutation($id: ID!) { recordLedgerReview(id: $id) { id } }', { id: record.id }, t.manager))).toBe('LEDGER_RECORD_RETIRED');
    expect(ruleOf(await createRisk(s, t.manager, { ledgerRecordId: record.id, riskKind: 'LOSS' }))).toBe('LEDGER_RECORD_RETIRED');
    expect(await recordIdsWhere(s, t.manager, { retired: true })).toContain(record.id);
    expect(await recordIdsWhere(s, t.manager, { retired: false })).not.toContain(record.id);
    expect(await recordIdsWhere(s, t.manager, { reviewOverdue: true })).not.toContain(record.id);
    // retiring again changes nothing
    const again = await lastAuditId(s);
    await s.gql('mutation($id: ID!) { retireLedgerRecord(id: $id) { id } }', { id: record.id }, t.manager);
    expect(await auditSince(s, again)).toEqual([]);
  });

  test('the dashboard of the manager and the internal auditor counts the ledger reviews and risks due; staff and supervisors get none', async () => {
    const late = await created({ lastReviewedOn: '2025-11-30' });
    const onTime = await created({ lastReviewedOn: '2025-12-01' });
    const unplanned = await created();
    await createRisk(s, t.manager, { ledgerRecordId: unplanned.id, likelihood: 'HIGH', impact: 'HIGH', residualRisk: 'HIGH' });
    const stale = await created();
    await createRisk(s, t.manager, { ledgerRecordId: stale.id, reviewedOn: '2025-11-30' });
    const DASHBOARD = `{ dashboard { ledger { recordCount reviewOverdueCount reviewOverdueIds riskAssessmentOverdueCount riskAssessmentOverdueIds
      highRiskUnmitigatedCount highRiskUnmitigatedIds notAssessedCount notAssessedIds } } }`;
    for (const token of [t.manager, t.auditor]) {
      const ledger = (await s.gql(DASHBOARD, {}, token)).data?.dashboard.ledger;
      expect(ledger.reviewOverdueIds).toContain(late.id);
      expect(ledger.reviewOverdueIds).not.toContain(onTime.id);
      expect(ledger.highRiskUnmitigatedIds).toEqual(expect.arrayContaining([unplanned.id]));
      expect(ledger.highRiskUnmitigatedIds).not.toContain(stale.id);
      expect(ledger.riskAssessmentOverdueIds).toContain(stale.id);
      expect(ledger.riskAssessmentOverdueIds).not.toContain(unplanned.id);
      expect(ledger.notAssessedIds).toEqual(expect.arrayContaining([late.id, onTime.id]));
      expect(ledger.notAssessedIds).not.toContain(unplanned.id);
      for (const flag of ['reviewOverdue', 'riskAssessmentOverdue', 'highRiskUnmitigated', 'notAssessed']) {
        expect(ledger[`${flag}Count`]).toBe((await recordIdsWhere(s, t.manager, { [flag]: true })).length);
      }
      expect(ledger.recordCount).toBe((await recordIdsWhere(s, t.manager, { retired: false })).length);
    }
    for (const token of [t.staff, t.supervisor]) expect((await s.gql(DASHBOARD, {}, token)).data?.dashboard.ledger).toBeNull();
  });

  test('the demo ledger is seeded outside production, audited like any change', async () => {
    const [first] = await s.sql<{ name: string }>('SELECT name FROM ledger_record WHERE id = 1');
    expect(first?.name).toBe('ECサイト会員情報');
    const [entry] = await s.sql<{ action: string; request_id: string }>("SELECT action, request_id FROM audit_entry WHERE entity_type = 'LedgerRecord' AND entity_id = '1' ORDER BY id LIMIT 1");
    expect(entry).toEqual({ action: 'CREATE', request_id: 'seed' });
    expect((await s.sql('SELECT id FROM risk_assessment WHERE id = 1')).length).toBe(1);
  });

  test('the yearly review is overdue the day after it falls due in Japan time, not on the day; a review moves it on a year', async () => {
    const record = await created({ lastReviewedOn: '2026-01-15' });
    expect(record.nextReviewDue).toBe('2027-01-15');
    // 15 January 23:59 in Japan: due today, not overdue
    await moveClock(s, t, '2027-01-15T14:59:00Z');
    expect((await getRecord(s, t.manager, record.id)).reviewOverdue).toBe(false);
    expect(await recordIdsWhere(s, t.manager, { reviewOverdue: true })).not.toContain(record.id);
    // 16 January 00:00 in Japan (still the 15th in UTC): overdue
    await moveClock(s, t, '2027-01-15T15:00:00Z');
    expect((await getRecord(s, t.manager, record.id)).reviewOverdue).toBe(true);
    expect(await recordIdsWhere(s, t.manager, { reviewOverdue: true })).toContain(record.id);
    expect(await recordIdsWhere(s, t.manager, { reviewOverdue: false })).not.toContain(record.id);

    const review = (reviewedOn?: string) =>
      s.gql('mutation($id: ID!, $on: Date) { recordLedgerReview(id: $id, reviewedOn: $on) { lastReviewedOn nextReviewDue reviewOverdue } }', { id: record.id, on: reviewedOn ?? null }, t.manager);
    expect(codeOf(await review('2027-01-17'))).toBe('BAD_USER_INPUT');
    expect(codeOf(await review('2026-01-14'))).toBe('BAD_USER_INPUT');
    const before = await lastAuditId(s);
    expect((await review()).data?.recordLedgerReview).toEqual({ lastReviewedOn: '2027-01-16', nextReviewDue: '2028-01-16', reviewOverdue: false });
    expect((await auditSince(s, before)).map((e) => [e.action, e.entity_type, e.reason])).toEqual([['UPDATE', 'LedgerRecord', 'reviewed']]);
    await moveClock(s, t, '2026-12-01T03:00:00Z');
  });
});
