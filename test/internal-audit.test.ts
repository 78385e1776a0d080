import { japanDay } from '../server/src/clock';
import { buildBareSchema } from '../server/src/graphql/schema';
import { databaseKinds } from './support/databases';
import { startServer, type GraphQLResponse, type TestServer } from './support/server';
import { auditSince, codeOf, lastAuditId, moveClock, ruleOf, signIn, type Tokens } from './support/case-workflow';

const AUDIT = 'id fiscalYear title scope departments plannedFrom plannedTo auditorId status closedOn openNonconformityCount';
const FINDING = 'id auditId kind area description foundOn';
const ACTION = 'id findingId auditId ownerId dueOn cause actionTaken completedOn verifiedById verifiedOn effective verificationNote overdue awaitingVerification';
const CREATE_AUDIT = `mutation($fiscalYear: Int, $title: String!, $scope: String!, $departments: [String!]!, $plannedFrom: Date!, $plannedTo: Date!, $auditorId: ID!) {
  createInternalAudit(fiscalYear: $fiscalYear, title: $title, scope: $scope, departments: $departments, plannedFrom: $plannedFrom, plannedTo: $plannedTo, auditorId: $auditorId) { ${AUDIT} } }`;
const CREATE_FINDING = `mutation($auditId: ID!, $kind: AuditFindingKind!, $area: AuditArea!, $description: String!, $foundOn: Date!) {
  createAuditFinding(auditId: $auditId, kind: $kind, area: $area, description: $description, foundOn: $foundOn) { ${FINDING} } }`;
const CREATE_ACTION = `mutation($findingId: ID!, $ownerId: ID!, $dueOn: Date!, $cause: String) {
  createCorrectiveAction(findingId: $findingId, ownerId: $ownerId, dueOn: $dueOn, cause: $cause) { ${ACTION} } }`;
const UPDATE_ACTION = `mutation($id: ID!, $ownerId: ID, $dueOn: Date, $cause: String, $actionTaken: String, $completedOn: Date) {
  updateCorrectiveAction(id: $id, ownerId: $ownerId, dueOn: $dueOn, cause: $cause, actionTaken: $actionTaken, completedOn: $completedOn) { ${ACTION} } }`;
const VERIFY = `mutation($id: ID!, $verifiedOn: Date!, $effective: Boolean!, $note: String) {
  verifyCorrectiveAction(id: $id, verifiedOn: $verifiedOn, effective: $effective, note: $note) { ${ACTION} } }`;
const CLOSE = `mutation($id: ID!) { closeInternalAudit(id: $id) { ${AUDIT} } }`;

const PASSWORD = 'internal-audit-pass-2026';

describe.each(databaseKinds())('internal audit on %s', (kind) => {
  let s: TestServer;
  let t: Tokens;
  const ids: Record<'auditor' | 'staff' | 'staff2' | 'supervisor' | 'manager' | 'deskAuditor' | 'noDepartmentAuditor', string> = {} as never;
  let deskAuditor: string;

  const plan = (vars: Record<string, unknown> = {}, token = t.auditor) =>
    s.gql(CREATE_AUDIT, { title: '内部監査', scope: '開示等請求の手順', departments: ['お客様相談室'], plannedFrom: '2026-12-01', plannedTo: '2026-12-10', auditorId: ids.auditor, ...vars }, token);
  const find = (auditId: string, vars: Record<string, unknown> = {}, token = t.auditor) =>
    s.gql(CREATE_FINDING, { auditId, kind: 'NONCONFORMITY', area: 'CASES', description: '請求 REQ-2026-0001 の受付記録に本人確認の記録がない', foundOn: '2026-12-01', ...vars }, token);
  const assign = (findingId: string, vars: Record<string, unknown> = {}, token = t.manager) =>
    s.gql(CREATE_ACTION, { findingId, ownerId: ids.staff, dueOn: '2026-12-20', ...vars }, token);
  const data = <T = Record<string, any>>(res: GraphQLResponse, name: string): T => {
    if (!res.data?.[name]) throw new Error(`${name} failed: ${res.body}`);
    return res.data[name] as T;
  };
  const newAudit = async (vars: Record<string, unknown> = {}) => data(await plan(vars), 'createInternalAudit').id as string;
  const newNonconformity = async (auditId: string, vars: Record<string, unknown> = {}) => data(await find(auditId, vars), 'createAuditFinding').id as string;

  async function createUser(email: string, role: string, department: string | null): Promise<string> {
    const res = await s.gql(
      'mutation($e: String!, $r: Role!, $d: String) { createUser(email: $e, displayName: "内部監査 追加", role: $r, password: "internal-audit-pass-2026", department: $d) { id } }',
      { e: email, r: role, d: department },
      t.manager,
    );
    return data<{ id: string }>(res, 'createUser').id;
  }

  beforeAll(async () => {
    s = await startServer(kind);
    s.clock.set('2026-12-01T03:00:00Z');
    t = await signIn(s);
    const users = (await s.gql('{ allUsers(perPage: 100) { id email } }', {}, t.manager)).data!.allUsers as Array<{ id: string; email: string }>;
    const idOf = (email: string) => users.find((u) => u.email === email)!.id;
    Object.assign(ids, {
      auditor: idOf('auditor@mamori.example'),
      staff: idOf('staff@mamori.example'),
      staff2: idOf('staff2@mamori.example'),
      supervisor: idOf('supervisor@mamori.example'),
      manager: idOf('manager@mamori.example'),
    });
    ids.deskAuditor = await createUser('desk-auditor@mamori.example', 'AUDITOR', 'お客様相談室');
    ids.noDepartmentAuditor = await createUser('nodept-auditor@mamori.example', 'AUDITOR', null);
    deskAuditor = await s.login('desk-auditor@mamori.example', PASSWORD);
  });
  afterAll(() => s?.close());
  // the days of these suites are fixed; a test that moves the clock leaves it moved only for itself
  afterEach(async () => {
    if (japanDay(s.clock.now()) !== '2026-12-01') await moveClock(s, t, '2026-12-01T03:00:00Z');
  });

  test('the auditor records a plan with its scope, departments, dates and auditor; it is audited', async () => {
    const before = await lastAuditId(s);
    const res = await plan({ departments: ['お客様相談室', ' お客様相談室 ', 'ＩＴ推進部'] });
    expect(res.errors).toBeUndefined();
    const audit = res.data!.createInternalAudit;
    expect(audit).toMatchObject({ fiscalYear: 2026, departments: ['お客様相談室', 'IT推進部'], auditorId: ids.auditor, status: 'PLANNED', closedOn: null, openNonconformityCount: 0 });
    expect((await auditSince(s, before)).map((e) => [e.action, e.entity_type, e.entity_id])).toEqual([['CREATE', 'InternalAudit', audit.id]]);
    expect(data(await plan({}, t.manager), 'createInternalAudit').status).toBe('PLANNED');
  });

  test('staff and supervisors neither record nor read plans and findings', async () => {
    const auditId = await newAudit();
    for (const token of [t.staff, t.supervisor]) {
      expect(codeOf(await plan({}, token))).toBe('FORBIDDEN');
      expect(codeOf(await find(auditId, {}, token))).toBe('FORBIDDEN');
      expect(codeOf(await s.gql('{ allInternalAudits { id } }', {}, token))).toBe('FORBIDDEN');
      expect(codeOf(await s.gql('{ allAuditFindings { id } }', {}, token))).toBe('FORBIDDEN');
    }
  });

  test('an auditor may not audit their own department (CONFLICT), however the department is typed, on create and on change', async () => {
    const own = await plan({ auditorId: ids.deskAuditor, departments: ['ＩＴ推進部', 'お客様相談室'] }, deskAuditor);
    expect([codeOf(own), ruleOf(own)]).toEqual(['CONFLICT', 'AUDITOR_OWN_DEPARTMENT']);
    const widthVariant = await plan({ auditorId: ids.auditor, departments: ['内部監査室　'] });
    expect(ruleOf(widthVariant)).toBe('AUDITOR_OWN_DEPARTMENT');
    const auditId = await newAudit();
    const widened = await s.gql('mutation($id: ID!) { updateInternalAudit(id: $id, departments: ["お客様相談室", "内部監査室"]) { id } }', { id: auditId }, t.auditor);
    expect(ruleOf(widened)).toBe('AUDITOR_OWN_DEPARTMENT');
    const handedOver = await s.gql('mutation($id: ID!, $a: ID!) { updateInternalAudit(id: $id, auditorId: $a) { id } }', { id: auditId, a: ids.deskAuditor }, t.manager);
    expect(ruleOf(handedOver)).toBe('AUDITOR_OWN_DEPARTMENT');
    const unknown = await plan({ auditorId: ids.noDepartmentAuditor });
    expect(ruleOf(unknown)).toBe('AUDITOR_DEPARTMENT_UNKNOWN');
    const notAnAuditor = await plan({ auditorId: ids.staff2, departments: ['購買部'] });
    expect([codeOf(notAnAuditor), notAnAuditor.errors?.[0]?.extensions.field]).toEqual(['BAD_USER_INPUT', 'auditorId']);
    expect((await s.sql('SELECT departments FROM internal_audit WHERE id = ?', [Number(auditId)]))[0].departments).toBe('["お客様相談室"]');
  });

  test('the fiscal year runs 1 April to 31 March: 31 March is the old year, 1 April the new one, and a plan may not span them', async () => {
    expect(data(await plan({ plannedFrom: '2027-03-31', plannedTo: '2027-03-31' }), 'createInternalAudit').fiscalYear).toBe(2026);
    expect(data(await plan({ plannedFrom: '2027-04-01', plannedTo: '2027-04-01' }), 'createInternalAudit').fiscalYear).toBe(2027);
    const spanning = await plan({ plannedFrom: '2027-03-31', plannedTo: '2027-04-01' });
    expect([codeOf(spanning), spanning.errors?.[0]?.extensions.field]).toEqual(['BAD_USER_INPUT', 'plannedTo']);
    const wrongYear = await plan({ fiscalYear: 2027, plannedFrom: '2027-03-31', plannedTo: '2027-03-31' });
    expect([codeOf(wrongYear), wrongYear.errors?.[0]?.extensions.field]).toEqual(['BAD_USER_INPUT', 'plannedFrom']);
    expect(codeOf(await plan({ plannedFrom: '2026-12-10', plannedTo: '2026-12-01' }))).toBe('BAD_USER_INPUT');
    const auditId = await newAudit({ plannedFrom: '2027-03-01', plannedTo: '2027-03-31' });
    const moved = await s.gql('mutation($id: ID!) { updateInternalAudit(id: $id, plannedTo: "2027-04-01") { id } }', { id: auditId }, t.auditor);
    expect(codeOf(moved)).toBe('BAD_USER_INPUT');
  });

  test('bad plans are refused with BAD_USER_INPUT and change nothing', async () => {
    const before = await s.sql('SELECT COUNT(*) AS n FROM internal_audit');
    for (const vars of [{ title: '   ' }, { title: 'x'.repeat(201) }, { scope: 'x'.repeat(2001) }, { departments: [] }, { departments: ['  '] }, { departments: ['x'.repeat(61)] }, { auditorId: 'abc' }]) {
      expect({ vars, code: codeOf(await plan(vars)) }).toEqual({ vars, code: 'BAD_USER_INPUT' });
    }
    expect(codeOf(await plan({ plannedFrom: '2026-02-30' }))).toBe('BAD_USER_INPUT');
    expect(await s.sql('SELECT COUNT(*) AS n FROM internal_audit')).toEqual(before);
  });

  test('findings are conformities, observations or nonconformities against an area; never in the future; audited', async () => {
    const auditId = await newAudit();
    const before = await lastAuditId(s);
    for (const [k, area] of [['CONFORMITY', 'TRAINING'], ['OBSERVATION', 'SUPERVISION'], ['NONCONFORMITY', 'LEDGER']]) {
      expect(data(await find(auditId, { kind: k, area }), 'createAuditFinding')).toMatchObject({ auditId, kind: k, area });
    }
    expect((await auditSince(s, before)).map((e) => [e.action, e.entity_type])).toEqual(Array(3).fill(['CREATE', 'AuditFinding']));
    expect(codeOf(await find(auditId, { area: 'NOWHERE' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await find(auditId, { description: ' ' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await find(auditId, { description: 'x'.repeat(2001) }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await find(auditId, { foundOn: '2026-12-02' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await find(auditId, { foundOn: '2026-03-31' }))).toBe('BAD_USER_INPUT');
    expect(data(await find(auditId, {}, t.manager), 'createAuditFinding').kind).toBe('NONCONFORMITY');
  });

  test('corrective actions: the manager assigns them to nonconformities only, to an active owner who is not an auditor', async () => {
    const auditId = await newAudit();
    const conformity = data(await find(auditId, { kind: 'CONFORMITY' }), 'createAuditFinding').id;
    expect(ruleOf(await assign(conformity))).toBe('NOT_A_NONCONFORMITY');
    const finding = await newNonconformity(auditId);
    expect(codeOf(await assign(finding, {}, t.auditor))).toBe('FORBIDDEN');
    expect(codeOf(await assign(finding, {}, t.staff))).toBe('FORBIDDEN');
    expect(codeOf(await assign(finding, { ownerId: ids.auditor }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await assign(finding, { dueOn: '2026-11-30' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await assign(finding, { cause: 'x'.repeat(2001) }))).toBe('BAD_USER_INPUT');
    const before = await lastAuditId(s);
    const action = data(await assign(finding, { cause: '手順書に確認記録の欄がない' }), 'createCorrectiveAction');
    expect(action).toMatchObject({ findingId: finding, auditId, ownerId: ids.staff, dueOn: '2026-12-20', cause: '手順書に確認記録の欄がない', completedOn: null, effective: null, overdue: false });
    expect((await auditSince(s, before)).map((e) => [e.action, e.entity_type, e.entity_id])).toEqual([['CREATE', 'CorrectiveAction', action.id]]);
    const kindChange = await s.gql('mutation($id: ID!) { updateAuditFinding(id: $id, kind: OBSERVATION) { id } }', { id: finding }, t.auditor);
    expect(ruleOf(kindChange)).toBe('FINDING_HAS_ACTIONS');
  });

  test('the owner records the cause and the action taken; others may not, and only the manager moves the owner or the due day', async () => {
    const finding = await newNonconformity(await newAudit());
    const action = data(await assign(finding), 'createCorrectiveAction');
    const update = (vars: Record<string, unknown>, token: string) => s.gql(UPDATE_ACTION, { id: action.id, ...vars }, token);
    const before = await lastAuditId(s);
    expect(codeOf(await update({ cause: '他人の記録' }, t.staff2))).toBe('FORBIDDEN');
    expect((await auditSince(s, before)).map((e) => [e.action, e.entity_type, e.outcome])).toEqual([['ACCESS_DENIED', 'CorrectiveAction', 'DENIED']]);
    expect(codeOf(await update({ cause: '監査人の記録' }, t.auditor))).toBe('FORBIDDEN');
    expect(codeOf(await update({ dueOn: '2027-01-31' }, t.staff))).toBe('FORBIDDEN');
    expect(codeOf(await update({ completedOn: '2026-12-01' }, t.staff))).toBe('BAD_USER_INPUT'); // no action taken recorded
    expect(codeOf(await update({ actionTaken: 'チェックリストを改訂', completedOn: '2026-12-02' }, t.staff))).toBe('BAD_USER_INPUT'); // future
    const taken = data(await update({ cause: 'チェックリストに欄がない', actionTaken: 'チェックリストを改訂し周知', completedOn: '2026-12-01' }, t.staff), 'updateCorrectiveAction');
    expect(taken).toMatchObject({ cause: 'チェックリストに欄がない', actionTaken: 'チェックリストを改訂し周知', completedOn: '2026-12-01', awaitingVerification: true });
    expect(data(await update({ dueOn: '2027-01-31' }, t.manager), 'updateCorrectiveAction').dueOn).toBe('2027-01-31');
    const mine = await s.gql(`{ allCorrectiveActions(perPage: 1000) { id ownerId } CorrectiveAction(id: "${action.id}") { id } }`, {}, t.staff);
    expect((mine.data?.allCorrectiveActions as Array<{ ownerId: string }>).every((a) => a.ownerId === ids.staff)).toBe(true);
    const others = await s.gql(`{ allCorrectiveActions(perPage: 1000) { id } CorrectiveAction(id: "${action.id}") { id } }`, {}, t.staff2);
    expect(others.data?.allCorrectiveActions).toEqual([]);
    expect(codeOf(others)).toBe('FORBIDDEN');
  });

  test('only the internal auditor verifies the effect; not effective sends the action back, effective makes it final', async () => {
    const finding = await newNonconformity(await newAudit());
    const action = data(await assign(finding), 'createCorrectiveAction');
    const verify = (vars: Record<string, unknown>, token = t.auditor) => s.gql(VERIFY, { id: action.id, verifiedOn: '2026-12-01', effective: true, ...vars }, token);
    expect(ruleOf(await verify({}))).toBe('ACTION_NOT_TAKEN');
    await s.gql(UPDATE_ACTION, { id: action.id, actionTaken: '様式を改訂', completedOn: '2026-12-01' }, t.staff);
    expect(codeOf(await verify({}, t.manager))).toBe('FORBIDDEN');
    expect(codeOf(await verify({}, t.staff))).toBe('FORBIDDEN');
    expect(codeOf(await verify({ verifiedOn: '2026-12-02' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await verify({ verifiedOn: '2026-11-30' }))).toBe('BAD_USER_INPUT');
    const wanting = data(await verify({ effective: false, note: '改訂後の様式が使われていない' }), 'verifyCorrectiveAction');
    expect(wanting).toMatchObject({ effective: false, completedOn: null, verifiedById: ids.auditor, verificationNote: '改訂後の様式が使われていない', awaitingVerification: false });
    expect(ruleOf(await verify({}))).toBe('ACTION_NOT_TAKEN');
    await s.gql(UPDATE_ACTION, { id: action.id, actionTaken: '様式を改訂し、全員に説明した', completedOn: '2026-12-01' }, t.staff);
    const before = await lastAuditId(s);
    expect(data(await verify({}), 'verifyCorrectiveAction')).toMatchObject({ effective: true, completedOn: '2026-12-01' });
    expect((await auditSince(s, before)).map((e) => [e.action, e.entity_type, e.reason])).toEqual([['UPDATE', 'CorrectiveAction', 'verified effective']]);
    expect(ruleOf(await verify({}))).toBe('ACTION_VERIFIED');
    expect(ruleOf(await s.gql(UPDATE_ACTION, { id: action.id, actionTaken: '後から変更' }, t.staff))).toBe('ACTION_VERIFIED');
  });

  test('an audit closes only when every nonconformity has corrective actions all verified effective; then nothing changes', async () => {
    const auditId = await newAudit();
    await find(auditId, { kind: 'CONFORMITY' });
    const first = await newNonconformity(auditId);
    const second = await newNonconformity(auditId);
    const close = (token = t.auditor) => s.gql(CLOSE, { id: auditId }, token);
    const refused = await close();
    expect([codeOf(refused), ruleOf(refused), refused.errors?.[0]?.extensions.findingIds]).toEqual(['CONFLICT', 'NONCONFORMITIES_OPEN', [first, second]]);
    const takeAndVerify = async (findingId: string) => {
      const action = data(await assign(findingId), 'createCorrectiveAction');
      await s.gql(UPDATE_ACTION, { id: action.id, actionTaken: '手順を改訂', completedOn: '2026-12-01' }, t.staff);
      return action.id as string;
    };
    const a1 = await takeAndVerify(first);
    await s.gql(VERIFY, { id: a1, verifiedOn: '2026-12-01', effective: true }, t.auditor);
    const a2 = await takeAndVerify(second);
    expect(ruleOf(await close())).toBe('NONCONFORMITIES_OPEN'); // taken, not yet verified
    expect(data(await s.gql(`{ InternalAudit(id: "${auditId}") { openNonconformityCount } }`, {}, t.auditor), 'InternalAudit').openNonconformityCount).toBe(1);
    await s.gql(VERIFY, { id: a2, verifiedOn: '2026-12-01', effective: true }, t.auditor);
    expect(codeOf(await close(t.staff))).toBe('FORBIDDEN');
    const before = await lastAuditId(s);
    expect(data(await close(), 'closeInternalAudit')).toMatchObject({ status: 'CLOSED', closedOn: '2026-12-01', openNonconformityCount: 0 });
    expect((await auditSince(s, before)).map((e) => [e.action, e.entity_type, e.reason])).toEqual([['UPDATE', 'InternalAudit', 'closed']]);
    for (const res of [
      await close(),
      await find(auditId),
      await s.gql('mutation($id: ID!) { updateInternalAudit(id: $id, title: "後から") { id } }', { id: auditId }, t.auditor),
      await s.gql('mutation($id: ID!) { updateAuditFinding(id: $id, description: "後から") { id } }', { id: first }, t.auditor),
      await assign(first),
    ]) {
      expect(ruleOf(res)).toBe('AUDIT_CLOSED');
    }
  });

  test('overdue: not taken after its due day in Japan time; due exactly today is not overdue (field, filter and dashboard)', async () => {
    const finding = await newNonconformity(await newAudit({ plannedFrom: '2026-12-01', plannedTo: '2027-03-31' }));
    const dueToday = data(await assign(finding, { dueOn: '2027-03-31' }), 'createCorrectiveAction').id as string;
    const taken = data(await assign(finding, { dueOn: '2027-03-30' }), 'createCorrectiveAction').id as string;
    await s.gql(UPDATE_ACTION, { id: taken, actionTaken: '対応済み', completedOn: '2026-12-01' }, t.staff);
    const standing = async (token: string) => {
      const res = await s.gql(
        `{ dashboard { internalAudit { overdueCorrectiveActionCount overdueCorrectiveActionIds awaitingVerificationCount openAuditCount } }
           allCorrectiveActions(filter: { overdue: true }, perPage: 1000) { id } CorrectiveAction(id: "${dueToday}") { overdue } }`,
        {},
        token,
      );
      return { overdueIds: (res.data?.allCorrectiveActions as Array<{ id: string }>).map((a) => a.id), field: res.data?.CorrectiveAction.overdue, dashboard: res.data?.dashboard.internalAudit };
    };
    await moveClock(s, t, '2027-03-31T14:59:00Z'); // 23:59 on 31 March in Japan (signing in again takes seconds under load)
    const lastDay = await standing(t.manager);
    expect(lastDay.field).toBe(false);
    expect(lastDay.overdueIds).not.toContain(dueToday);
    expect(lastDay.overdueIds).not.toContain(taken);
    await moveClock(s, t, '2027-03-31T15:00:00Z'); // midnight, 1 April in Japan (still 31 March in UTC)
    const nextDay = await standing(t.auditor);
    expect(nextDay.field).toBe(true);
    expect(nextDay.overdueIds).toContain(dueToday);
    expect(nextDay.overdueIds).not.toContain(taken);
    expect(nextDay.dashboard.overdueCorrectiveActionIds).toContain(dueToday);
    expect(nextDay.dashboard.overdueCorrectiveActionCount).toBe(nextDay.overdueIds.length);
    expect(nextDay.dashboard.awaitingVerificationCount).toBeGreaterThan(0);
    expect(nextDay.dashboard.openAuditCount).toBeGreaterThan(0);
    expect((await s.gql('{ dashboard { internalAudit { openAuditCount } } }', {}, t.staff)).data?.dashboard.internalAudit).toBeNull();
    // a finding on 1 April (Japan time) is today, not the future
    expect(codeOf(await s.gql(CREATE_FINDING, { auditId: await newAudit({ plannedFrom: '2027-04-01', plannedTo: '2027-04-30' }), kind: 'OBSERVATION', area: 'OTHER', description: '年度初めの確認', foundOn: '2027-04-01' }, t.auditor))).toBeUndefined();
  });

  test('a finding dated 1 April is refused while it is still 31 March in Japan', async () => {
    await moveClock(s, t, '2027-03-31T14:59:00Z');
    const auditId = await newAudit({ plannedFrom: '2027-04-01', plannedTo: '2027-04-30' });
    expect(codeOf(await find(auditId, { foundOn: '2027-04-01' }))).toBe('BAD_USER_INPUT');
  });

  test('nothing of the internal audit can be deleted through the API', async () => {
    const schema = await buildBareSchema();
    const mutations = Object.keys(schema.getMutationType()!.getFields());
    expect(mutations.filter((m) => /^(delete|remove)/i.test(m) && /Audit|Finding|CorrectiveAction/.test(m))).toEqual([]);
  });
});
