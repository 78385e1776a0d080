import { databaseKinds } from './support/databases';
import { startServer, type TestServer } from './support/server';
import { auditSince, codeOf, lastAuditId, moveClock, ruleOf, signIn, type Tokens } from './support/case-workflow';
import { createRecord, createRisk, customerAccounts, getRecord, purposeId, recordIdsWhere, RISK_FIELDS, updateRisk } from './support/ledger';

describe.each(databaseKinds())('the risk assessment of the ledger on %s', (kind) => {
  let s: TestServer;
  let t: Tokens;
  let purpose: string;
  let managerId: string;

  const newRecord = async (vars: Record<string, unknown> = {}) => {
    const res = await createRecord(s, t.manager, customerAccounts(purpose, vars));
    if (!res.data) throw new Error(`createLedgerRecord failed: ${res.body}`);
    return res.data.createLedgerRecord.id as string;
  };
  const assessed = async (vars: Record<string, unknown>) => {
    const res = await createRisk(s, t.manager, vars);
    if (!res.data) throw new Error(`createRiskAssessment failed: ${res.body}`);
    return res.data.createRiskAssessment as Record<string, any>;
  };
  const riskIdsWhere = async (filter: Record<string, unknown>) =>
    ((await s.gql('query($f: RiskAssessmentFilter) { allRiskAssessments(filter: $f, perPage: 1000) { id } }', { f: filter }, t.manager)).data?.allRiskAssessments as Array<{ id: string }>).map((a) => a.id);

  beforeAll(async () => {
    s = await startServer(kind);
    s.clock.set('2026-12-01T03:00:00Z');
    t = await signIn(s);
    purpose = await purposeId(s, t.manager, 'CUSTOMER_SERVICES');
    managerId = (await s.gql('{ me { id } }', {}, t.manager)).data?.me.id;
  });
  afterAll(() => s?.close());

  test('a risk is assessed for a stage of a record, audited, and due for re-assessment a year on', async () => {
    const record = await newRecord();
    const before = await lastAuditId(s);
    const risk = await assessed({ ledgerRecordId: record, stage: 'TRANSFER', riskKind: 'LEAK', likelihood: 'MEDIUM', impact: 'HIGH', residualRisk: 'MEDIUM', plannedMeasure: '  送信時の暗号化を必須にする  ', reviewedOn: '2026-11-30' });
    expect(risk).toMatchObject({
      ledgerRecordId: record,
      stage: 'TRANSFER',
      riskKind: 'LEAK',
      inherentRisk: 'HIGH',
      residualRisk: 'MEDIUM',
      plannedMeasure: '送信時の暗号化を必須にする',
      reviewerId: managerId,
      reviewedOn: '2026-11-30',
      nextAssessmentDue: '2027-11-30',
      overdue: false,
      unmitigated: false,
    });
    const entries = await auditSince(s, before);
    expect(entries.map((e) => [e.action, e.entity_type, e.entity_id, e.reason])).toEqual([['CREATE', 'RiskAssessment', risk.id, `ledger record ${record}`]]);
    expect(await getRecord(s, t.manager, record)).toMatchObject({ riskAssessmentCount: 1, notAssessed: false });
    const listed = await s.gql(`query($id: ID!) { allRiskAssessments(filter: { ledgerRecordId: $id }) { ${RISK_FIELDS} } }`, { id: record }, t.manager);
    expect(listed.data?.allRiskAssessments.map((a: { id: string }) => a.id)).toEqual([risk.id]);
  });

  test('every stage and kind of risk can be assessed, each once while in force', async () => {
    const record = await newRecord();
    for (const stage of ['ACQUISITION', 'USE', 'STORAGE', 'TRANSFER', 'ENTRUSTMENT', 'DISPOSAL']) await assessed({ ledgerRecordId: record, stage, riskKind: 'LOSS' });
    for (const riskKind of ['LEAK', 'DESTRUCTION', 'ALTERATION', 'UNAUTHORIZED_ACCESS', 'USE_BEYOND_PURPOSE']) await assessed({ ledgerRecordId: record, stage: 'USE', riskKind });
    const again = await createRisk(s, t.manager, { ledgerRecordId: record, stage: 'USE', riskKind: 'LEAK' });
    expect([codeOf(again), ruleOf(again)]).toEqual(['CONFLICT', 'RISK_ALREADY_ASSESSED']);
    const [first] = await riskIdsWhere({ ledgerRecordId: record, stage: 'USE', riskKind: 'LEAK' });
    await s.gql('mutation($id: ID!) { retireRiskAssessment(id: $id) { id } }', { id: first }, t.manager);
    expect((await createRisk(s, t.manager, { ledgerRecordId: record, stage: 'USE', riskKind: 'LEAK' })).data?.createRiskAssessment.stage).toBe('USE');
    expect(await getRecord(s, t.manager, record)).toMatchObject({ riskAssessmentCount: 11 });
  });

  test('inconsistent findings are refused naming the field, and leave no trace', async () => {
    const record = await newRecord();
    const before = await lastAuditId(s);
    const cases: Array<[Record<string, unknown>, string]> = [
      // likelihood LOW × impact MEDIUM is a LOW risk: measures cannot leave more
      [{ likelihood: 'LOW', impact: 'MEDIUM', residualRisk: 'MEDIUM' }, 'residualRisk'],
      [{ likelihood: 'MEDIUM', impact: 'MEDIUM', residualRisk: 'HIGH' }, 'residualRisk'],
      [{ measuresInPlace: '   ' }, 'measuresInPlace'],
      [{ measuresInPlace: 'x'.repeat(2001) }, 'measuresInPlace'],
      [{ plannedMeasure: '担当 090-1111-2222 に連絡' }, 'plannedMeasure'],
      [{ reviewedOn: '2026-12-02' }, 'reviewedOn'],
      [{ reviewerId: 'abc' }, 'reviewerId'],
      [{ ledgerRecordId: '0' }, 'ledgerRecordId'],
    ];
    for (const [vars, field] of cases) {
      const res = await createRisk(s, t.manager, { ledgerRecordId: record, ...vars });
      expect({ vars, code: codeOf(res), field: res.errors?.[0]?.extensions.field }).toEqual({ vars, code: 'BAD_USER_INPUT', field });
    }
    expect(codeOf(await createRisk(s, t.manager, { ledgerRecordId: '999999' }))).toBe('NOT_FOUND');
    expect(codeOf(await createRisk(s, t.manager, { ledgerRecordId: record, reviewerId: '999999' }))).toBe('NOT_FOUND');
    expect(codeOf(await createRisk(s, t.manager, { ledgerRecordId: record, stage: 'LATER' }))).toBe('BAD_USER_INPUT');
    expect(await auditSince(s, before)).toEqual([]);
  });

  test('a deactivated user cannot be named the reviewer', async () => {
    const created = await s.gql(
      'mutation { createUser(email: "former.assessor@mamori.example", displayName: "元 評価者", role: STAFF, password: "a-long-enough-password-1") { id } }',
      {},
      t.manager,
    );
    const former = created.data?.createUser.id as string;
    const record = await newRecord();
    expect((await assessed({ ledgerRecordId: record, reviewerId: former })).reviewerId).toBe(former);
    await s.gql('mutation($id: ID!) { updateUser(id: $id, active: false) { id } }', { id: former }, t.manager);
    const res = await createRisk(s, t.manager, { ledgerRecordId: record, riskKind: 'LOSS', reviewerId: former });
    expect([codeOf(res), ruleOf(res)]).toEqual(['CONFLICT', 'USER_DEACTIVATED']);
  });

  test('a HIGH residual risk without a planned measure flags the assessment and its record until a measure is planned', async () => {
    const record = await newRecord();
    const risk = await assessed({ ledgerRecordId: record, likelihood: 'HIGH', impact: 'HIGH', residualRisk: 'HIGH', measuresInPlace: '紙の申込書を施錠保管' });
    expect(risk).toMatchObject({ unmitigated: true, plannedMeasure: null });
    expect((await getRecord(s, t.manager, record)).highRiskUnmitigated).toBe(true);
    expect(await recordIdsWhere(s, t.manager, { highRiskUnmitigated: true })).toContain(record);
    expect(await riskIdsWhere({ unmitigated: true })).toContain(risk.id);
    // a MEDIUM residual risk without a plan is not flagged
    const medium = await assessed({ ledgerRecordId: record, riskKind: 'LOSS', residualRisk: 'MEDIUM' });
    expect(medium.unmitigated).toBe(false);
    // a blank plan is no plan
    expect((await updateRisk(s, t.manager, risk.id, { plannedMeasure: '   ' })).data?.updateRiskAssessment.unmitigated).toBe(true);
    const before = await lastAuditId(s);
    const planned = await updateRisk(s, t.manager, risk.id, { plannedMeasure: '2027年3月までに電子化し、紙は廃棄' });
    expect(planned.data?.updateRiskAssessment).toMatchObject({ unmitigated: false, plannedMeasure: '2027年3月までに電子化し、紙は廃棄' });
    expect((await auditSince(s, before)).map((e) => [e.action, e.entity_type, e.fields])).toEqual([['UPDATE', 'RiskAssessment', 'plannedMeasure']]);
    expect((await getRecord(s, t.manager, record)).highRiskUnmitigated).toBe(false);
    expect(await recordIdsWhere(s, t.manager, { highRiskUnmitigated: true })).not.toContain(record);
    expect(await recordIdsWhere(s, t.manager, { highRiskUnmitigated: false })).toContain(record);
  });

  test('a record with no assessment in force is flagged not assessed', async () => {
    const record = await newRecord();
    expect(await recordIdsWhere(s, t.manager, { notAssessed: true })).toContain(record);
    const risk = await assessed({ ledgerRecordId: record });
    expect(await recordIdsWhere(s, t.manager, { notAssessed: true })).not.toContain(record);
    await s.gql('mutation($id: ID!) { retireRiskAssessment(id: $id) { id } }', { id: risk.id }, t.manager);
    expect(await getRecord(s, t.manager, record)).toMatchObject({ notAssessed: true, riskAssessmentCount: 0 });
  });

  test('a retired assessment is kept, refuses changes and is never flagged', async () => {
    const record = await newRecord();
    const risk = await assessed({ ledgerRecordId: record, likelihood: 'HIGH', residualRisk: 'HIGH', reviewedOn: '2025-06-01' });
    expect(risk).toMatchObject({ overdue: true, unmitigated: true });
    const before = await lastAuditId(s);
    const retired = await s.gql(`mutation($id: ID!) { retireRiskAssessment(id: $id) { ${RISK_FIELDS} } }`, { id: risk.id }, t.manager);
    expect(retired.data?.retireRiskAssessment).toMatchObject({ retiredAt: expect.any(String), overdue: false, unmitigated: false });
    expect((await auditSince(s, before)).map((e) => [e.action, e.entity_type, e.reason])).toEqual([['UPDATE', 'RiskAssessment', 'retired']]);
    expect(ruleOf(await updateRisk(s, t.manager, risk.id, { plannedMeasure: '対策' }))).toBe('RISK_ASSESSMENT_RETIRED');
    expect(await riskIdsWhere({ retired: true })).toContain(risk.id);
    expect(await riskIdsWhere({ overdue: true })).not.toContain(risk.id);
    expect(await getRecord(s, t.manager, record)).toMatchObject({ riskAssessmentOverdue: false, highRiskUnmitigated: false });
  });

  test('only the privacy manager assesses risks', async () => {
    const record = await newRecord();
    const risk = await assessed({ ledgerRecordId: record });
    for (const token of [t.staff, t.supervisor]) {
      expect(codeOf(await createRisk(s, token, { ledgerRecordId: record, riskKind: 'LOSS' }))).toBe('FORBIDDEN');
      expect(codeOf(await updateRisk(s, token, risk.id, { plannedMeasure: 'x' }))).toBe('FORBIDDEN');
      expect(codeOf(await s.gql('query($id: ID!) { RiskAssessment(id: $id) { id } }', { id: risk.id }, token))).toBe('FORBIDDEN');
    }
  });

  test('the yearly re-assessment is overdue the day after it falls due in Japan time, and a re-assessment moves it on a year', async () => {
    const record = await newRecord();
    const risk = await assessed({ ledgerRecordId: record, reviewedOn: '2026-03-31' });
    expect(risk.nextAssessmentDue).toBe('2027-03-31');
    // 31 March 23:59 in Japan: due today, not overdue
    await moveClock(s, t, '2027-03-31T14:59:00Z');
    expect((await s.gql('query($id: ID!) { RiskAssessment(id: $id) { overdue } }', { id: risk.id }, t.manager)).data?.RiskAssessment.overdue).toBe(false);
    expect((await getRecord(s, t.manager, record)).riskAssessmentOverdue).toBe(false);
    expect(await recordIdsWhere(s, t.manager, { riskAssessmentOverdue: true })).not.toContain(record);
    // 1 April 00:00 in Japan (31 March in UTC): overdue, and so is the record
    await moveClock(s, t, '2027-03-31T15:00:00Z');
    expect((await s.gql('query($id: ID!) { RiskAssessment(id: $id) { overdue } }', { id: risk.id }, t.manager)).data?.RiskAssessment.overdue).toBe(true);
    expect((await getRecord(s, t.manager, record)).riskAssessmentOverdue).toBe(true);
    expect(await recordIdsWhere(s, t.manager, { riskAssessmentOverdue: true })).toContain(record);
    expect(await riskIdsWhere({ overdue: true })).toContain(risk.id);
    expect(await riskIdsWhere({ overdue: false })).not.toContain(risk.id);
    const before = await lastAuditId(s);
    const reassessed = await updateRisk(s, t.manager, risk.id, { reviewedOn: '2027-04-01', likelihood: 'LOW', residualRisk: 'LOW' });
    expect(reassessed.data?.updateRiskAssessment).toMatchObject({ reviewedOn: '2027-04-01', nextAssessmentDue: '2028-04-01', overdue: false, inherentRisk: 'MEDIUM' });
    const [entry] = await auditSince(s, before);
    expect(entry!.fields.split(',').sort()).toEqual(['likelihood', 'nextAssessmentDue', 'residualRisk', 'reviewedOn']);
    expect((await getRecord(s, t.manager, record)).riskAssessmentOverdue).toBe(false);
    await moveClock(s, t, '2026-12-01T03:00:00Z');
  });
});
