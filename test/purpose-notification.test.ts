import { rmSync } from 'node:fs';
import { databaseKinds } from './support/databases';
import { startServer, type TestServer } from './support/server';
import {
  assignedCase,
  auditSince,
  getCase,
  lastAuditId,
  moveThrough,
  newSubject,
  ruleOf,
  signIn,
  transition,
  type Intake,
  type Tokens,
} from './support/case-workflow';

const TODAY = '2027-03-01';
const LETTER = 'query($id: ID!, $language: LetterLanguage!) { caseReplyLetter(id: $id, language: $language) }';
const PURPOSES = '{ allPurposeOfUses(perPage: 100) { id code } }';

describe.each(databaseKinds())('requests to be notified of the purposes of use on %s', (kind) => {
  let s: TestServer;
  let t: Tokens;
  let purposeIds: Record<string, string>;

  beforeAll(async () => {
    s = await startServer(kind);
    s.clock.set(`${TODAY}T03:00:00Z`);
    t = await signIn(s);
    const res = await s.gql(PURPOSES, {}, t.manager);
    purposeIds = Object.fromEntries((res.data?.allPurposeOfUses as Array<{ id: string; code: string }>).map((p) => [p.code, p.id]));
  });
  afterAll(async () => {
    const dir = s?.app.services.config.documentDir;
    await s?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const letter = async (id: string, language = 'ja') => {
    const res = await s.gql(LETTER, { id, language }, t.staff);
    if (!res.data?.caseReplyLetter) throw new Error(`letter failed: ${res.body}`);
    return res.data.caseReplyLetter as string;
  };
  const notification = (subjectId: string, intake: Intake = {}) => assignedCase(s, t, { type: 'PURPOSE_NOTIFICATION', subjectId, ...intake });
  const setActive = async (code: string, active: boolean) => {
    const res = await s.gql('mutation($id: ID!, $active: Boolean) { updatePurposeOfUse(id: $id, active: $active) { id } }', { id: purposeIds[code], active }, t.manager);
    if (!res.data) throw new Error(`updatePurposeOfUse failed: ${res.body}`);
  };

  test('it is a request with the policy’s identity check, fee per piece of data and fourteen-day deadline', async () => {
    const subject = await newSubject(s, t.manager);
    const id = await notification(subject, { requestedItems: [{ item: 'NAME' }, { item: 'EMAIL' }, { item: 'ADDRESS' }], feeYen: 2000, identityDocument: null });
    const res = await s.gql('query($id: ID!) { Case(id: $id) { type status feeOwedYen dueOn allowedTransitions } }', { id }, t.staff);
    expect(res.data?.Case).toEqual({ type: 'PURPOSE_NOTIFICATION', status: 'RECEIVED', feeOwedYen: 3000, dueOn: '2027-03-12', allowedTransitions: ['VERIFYING', 'REJECTED'] });
    await moveThrough(s, t.staff, id, ['VERIFYING']);
    const refused = await transition(s, t.staff, id, 'IN_PROGRESS');
    expect(ruleOf(refused)).toBe('DOCUMENTS_INCOMPLETE');
    expect(refused.errors?.[0]?.extensions.rules).toEqual(['DOCUMENTS_INCOMPLETE', 'FEE_INSUFFICIENT']);
  });

  test('the reply lists the purposes in force for the subject’s category, and nothing of other groups or of the subject’s data', async () => {
    const subject = await newSubject(s, t.manager, { fullName: '目的 通知子', phone: '090-3131-4242' });
    const id = await notification(subject);
    await moveThrough(s, t.staff, id, ['VERIFYING', 'IN_PROGRESS']);
    const before = await lastAuditId(s);
    await moveThrough(s, t.staff, id, ['RESPONDED']);
    const compiled = (await auditSince(s, before)).filter((e) => e.case_id === Number(id));
    expect(compiled.map((e) => [e.action, e.entity_type, e.subject_id, e.fields, e.reason])).toEqual([
      ['READ', 'PurposeOfUse', Number(subject), '', '4 purpose(s) of use compiled for CUSTOMER'],
    ]);
    expect((await getCase(s, t.staff, id)).outcomeFields).toEqual([]);

    const afterCarryOut = await lastAuditId(s);
    const ja = await letter(id);
    expect(ja).toContain('<h1>開示等の求めに対するご回答</h1>');
    expect(ja).toContain('「利用目的の通知」のご請求');
    expect(ja).toContain('当社が保有するご本人の個人データ（お客様として取り扱うもの）の利用目的は、次のとおりです。');
    expect(ja).toContain(
      '<ol class="purposes"><li>当社サービスの提供、お客様へのご連絡、メールマガジン、商品・サービスのご案内、アンケート、会計監査上の確認</li>' +
        '<li>お問い合わせ・ご依頼への対応、資料の送付</li><li>受託業務（システム開発・運用・保守）の遂行（契約上必要な範囲に限る）</li>' +
        '<li>お客様との契約に基づく取引審査、受発注、請求、ご案内、調査、監査</li></ol>',
    );
    for (const absent of ['採用選考', '株主', '従業員の給与', '目的 通知子', '090-3131-4242']) expect(ja).not.toContain(absent);
    const en = await letter(id, 'en');
    expect(en).toContain('We use the personal data we hold about you (as customer) for the following purposes:');
    expect(en).toContain('<li>Answering inquiries and requests, sending requested materials</li>');
    expect(en).not.toContain('Recruitment');
    // the letter reads the case's own personal fields only: no value of the subject is shown
    const reads = (await auditSince(s, afterCarryOut)).filter((e) => e.entity_type === 'DataSubject');
    expect(reads).toEqual([]);
  });

  test('a purpose no longer in force is not notified; another category gets its own purposes', async () => {
    await setActive('SUBCONTRACTED_WORK', false);
    try {
      const customer = await notification(await newSubject(s, t.manager));
      await moveThrough(s, t.staff, customer, ['VERIFYING', 'IN_PROGRESS', 'RESPONDED']);
      const html = await letter(customer);
      expect(html).toContain('お問い合わせ・ご依頼への対応');
      expect(html).not.toContain('受託業務');
    } finally {
      await setActive('SUBCONTRACTED_WORK', true);
    }
    const employee = await notification(await newSubject(s, t.manager, { category: 'EMPLOYEE' }));
    await moveThrough(s, t.staff, employee, ['VERIFYING', 'IN_PROGRESS', 'RESPONDED']);
    const html = await letter(employee);
    expect(html).toContain('（従業員として取り扱うもの）');
    expect(html).toContain('<ol class="purposes"><li>従業員の給与・人事労務管理、社会保険・福利厚生、経理</li></ol>');
  });

  test('holding data under no purpose in force is a CONFLICT naming the rule, and the case stays as it was', async () => {
    await setActive('SHAREHOLDERS', false);
    try {
      const id = await notification(await newSubject(s, t.manager, { category: 'SHAREHOLDER' }));
      await moveThrough(s, t.staff, id, ['VERIFYING', 'IN_PROGRESS']);
      const before = await lastAuditId(s);
      const refused = await transition(s, t.staff, id, 'RESPONDED');
      expect(ruleOf(refused)).toBe('NO_PURPOSE_OF_USE');
      expect(refused.errors?.[0]?.extensions.category).toBe('SHAREHOLDER');
      expect(await auditSince(s, before)).toEqual([]);
      expect(await getCase(s, t.staff, id)).toMatchObject({ status: 'IN_PROGRESS', carriedOutAt: null });
    } finally {
      await setActive('SHAREHOLDERS', true);
    }
  });

  test('it is refused only on the grounds the law allows for it: harm to a person yes, the disclosure grounds of operations or other laws no', async () => {
    const id = await notification(await newSubject(s, t.manager));
    await moveThrough(s, t.staff, id, ['VERIFYING', 'IN_PROGRESS']);
    for (const reason of ['SIGNIFICANT_DETRIMENT_TO_OPERATIONS', 'VIOLATION_OF_LAWS']) {
      const refused = await transition(s, t.staff, id, 'REJECTED', { reasons: ['HARM_TO_INDIVIDUAL_OR_THIRD_PARTY', reason] });
      expect(ruleOf(refused)).toBe('REASON_NOT_APPLICABLE');
      expect(refused.errors?.[0]?.extensions.reason).toBe(reason);
    }
    // the same reason is still open to a disclosure
    const disclosure = await assignedCase(s, t, { subjectId: await newSubject(s, t.manager) });
    await moveThrough(s, t.staff, disclosure, ['VERIFYING', 'IN_PROGRESS']);
    expect((await transition(s, t.staff, disclosure, 'REJECTED', { reasons: ['SIGNIFICANT_DETRIMENT_TO_OPERATIONS'] })).errors).toBeUndefined();

    const rejected = await transition(s, t.staff, id, 'REJECTED', { reasons: ['HARM_TO_INDIVIDUAL_OR_THIRD_PARTY'] });
    expect(rejected.data?.transitionCase).toMatchObject({ status: 'REJECTED', nonDisclosureReasons: ['HARM_TO_INDIVIDUAL_OR_THIRD_PARTY'] });
    const html = await letter(id);
    expect(html).toContain('<li>ご本人または第三者の生命、身体、財産その他の権利利益を害するおそれがあるため</li>');
    expect(html).toContain('手数料は返還いたしかねます');
    expect(html).not.toContain('class="purposes"');
  });
});
