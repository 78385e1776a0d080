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
  ruleOf,
  signIn,
  transition,
  type Tokens,
} from './support/case-workflow';

const TODAY = '2027-03-01';
const LETTER = 'query($id: ID!, $language: LetterLanguage!) { caseReplyLetter(id: $id, language: $language) }';

describe.each(databaseKinds())('carrying requests out and replying on %s', (kind) => {
  let s: TestServer;
  let t: Tokens;

  beforeAll(async () => {
    s = await startServer(kind);
    s.clock.set(`${TODAY}T03:00:00Z`);
    t = await signIn(s);
  });
  afterAll(() => s?.close());

  const subjectRow = async (id: string) =>
    (await s.sql('SELECT full_name, postal_address, phone, restricted, provision_stopped, erased_at FROM data_subject WHERE id = ?', [Number(id)]))[0];
  const letter = (token: string, id: string, language = 'ja') => s.gql(LETTER, { id, language }, token);
  const inProgress = async (type: string, subjectId: string, extra: Record<string, unknown> = {}) => {
    const id = await assignedCase(s, t, { type, subjectId, ...extra });
    await moveThrough(s, t.staff, id, ['VERIFYING', 'IN_PROGRESS']);
    return id;
  };

  test('an amendment under a case changes the subject and leaves an UPDATE entry that names the case', async () => {
    const subject = await newSubject(s, t.manager);
    const id = await inProgress('AMENDMENT', subject, { requestedItems: [{ item: 'ADDRESS' }, { item: 'TELEPHONE' }], feeYen: 2000 });
    const missing = await transition(s, t.staff, id, 'RESPONDED');
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amendments' });
    expect((await getCase(s, t.manager, id)).status).toBe('IN_PROGRESS');

    const before = await lastAuditId(s);
    const res = await transition(s, t.staff, id, 'RESPONDED', { amendments: { postalAddress: '大阪府大阪市中央区本町1-1', phone: '03-5555-0000' } });
    expect(res.data?.transitionCase).toMatchObject({ status: 'RESPONDED', outcomeFields: ['postalAddress'] });
    expect((await subjectRow(subject)).postal_address).toBe('大阪府大阪市中央区本町1-1');
    const update = (await auditSince(s, before)).filter((e) => e.action === 'UPDATE' && e.entity_type === 'DataSubject');
    expect(update.map((e) => [e.subject_id, e.fields, e.case_id])).toEqual([[Number(subject), 'postalAddress', Number(id)]]);
    expect(update[0]!.changes).not.toContain('大阪');

    const html = (await letter(t.staff, id)).data?.caseReplyLetter as string;
    expect(html).toContain('訂正いたしました');
    // item by item: the address changed (its new value shown), the telephone needed no change
    expect(html).toContain('<tr><td>住所</td><td>ご請求のとおり変更いたしました</td><td>住所: 大阪府大阪市中央区本町1-1</td></tr>');
    expect(html).toContain('<tr><td>電話番号</td><td>変更はございません</td><td></td></tr>');
  });

  test('an amendment changes only fields of the requested items', async () => {
    const subject = await newSubject(s, t.manager);
    const id = await inProgress('AMENDMENT', subject);
    const res = await transition(s, t.staff, id, 'RESPONDED', { amendments: { phone: '03-9999-0000' } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amendments.phone' });
    expect((await subjectRow(subject)).phone).toBe('03-5555-0000');
  });

  test('an addition cannot clear a field', async () => {
    const subject = await newSubject(s, t.manager);
    const id = await inProgress('ADDITION', subject, { requestedItems: [{ item: 'TELEPHONE' }, { item: 'PLACE_OF_WORK' }] });
    const res = await s.gql('mutation($id: ID!) { carryOutCase(id: $id, amendments: { phone: null, company: "株式会社試験" }) { id } }', { id }, t.staff);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amendments.phone' });
    const ok = await s.gql('mutation($id: ID!) { carryOutCase(id: $id, amendments: { company: "株式会社試験" }) { outcomeFields carriedOutAt } }', { id }, t.staff);
    expect(ok.data?.carryOutCase.outcomeFields).toEqual(['company']);
    const again = await s.gql('mutation($id: ID!) { carryOutCase(id: $id, amendments: { company: "別会社" }) { id } }', { id }, t.staff);
    expect(ruleOf(again)).toBe('ALREADY_CARRIED_OUT');
    // carried out already: RESPONDED does not apply anything again
    expect((await transition(s, t.staff, id, 'RESPONDED')).data?.transitionCase.status).toBe('RESPONDED');
  });

  test('amendment values are validated like the subject’s own fields', async () => {
    const subject = await newSubject(s, t.manager);
    const id = await inProgress('AMENDMENT', subject);
    const res = await transition(s, t.staff, id, 'RESPONDED', { amendments: { postalCode: '123-45678' } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amendments.postalCode' });
  });

  test('a deletion leaves a tombstone, destroys the subject key, and the chain still verifies', async () => {
    const subject = await newSubject(s, t.manager);
    const id = await inProgress('DELETION', subject);
    const before = await lastAuditId(s);
    const res = await transition(s, t.staff, id, 'RESPONDED');
    expect(res.data?.transitionCase.status).toBe('RESPONDED');
    const row = await subjectRow(subject);
    expect(row).toMatchObject({ full_name: '[erased]', postal_address: null, phone: null });
    expect(row.erased_at).toBeTruthy();
    const [key] = await s.sql('SELECT wrapped_key, destroyed_at FROM subject_key WHERE subject_id = ?', [Number(subject)]);
    expect(key.wrapped_key).toBeNull();
    const erase = (await auditSince(s, before)).filter((e) => e.action === 'ERASE');
    expect(erase.map((e) => [e.subject_id, e.case_id])).toEqual([[Number(subject), Number(id)]]);
    await s.linked();
    const chain = await s.gql('{ verifyAuditChain { ok firstBrokenSeq } }', {}, t.manager);
    expect(chain.data?.verifyAuditChain).toEqual({ ok: true, firstBrokenSeq: null });
    const html = (await letter(t.staff, id)).data?.caseReplyLetter as string;
    expect(html).toContain('<tr><td>氏名</td><td>消去いたしました</td><td></td></tr>');
    expect(html).toContain('<tr><td>住所</td><td>消去いたしました</td><td></td></tr>');
  });

  test('cessation of use restricts the subject: the staff member can no longer read it', async () => {
    const subject = await newSubject(s, t.manager);
    const id = await inProgress('CESSATION_OF_USE', subject);
    expect((await s.gql('query($id: ID!) { DataSubject(id: $id) { fullName } }', { id: subject }, t.staff)).errors).toBeUndefined();
    await moveThrough(s, t.staff, id, ['RESPONDED']);
    expect((await subjectRow(subject)).restricted).toBeTruthy();
    const read = await s.gql('query($id: ID!) { DataSubject(id: $id) { fullName } }', { id: subject }, t.staff);
    expect(codeOf(read)).toBe('FORBIDDEN');
    const html = (await letter(t.staff, id)).data?.caseReplyLetter as string;
    expect(html).toContain('<tr><td>氏名</td><td>停止いたしました</td><td></td></tr>');
    expect((await s.gql('query($id: ID!) { DataSubject(id: $id) { restricted } }', { id: subject }, t.manager)).data?.DataSubject.restricted).toBe(true);
  });

  test('cessation of provision stops new provision records for the subject', async () => {
    const subject = await newSubject(s, t.manager);
    const id = await inProgress('CESSATION_OF_PROVISION', subject);
    const record = (token: string) =>
      s.gql(
        'mutation($s: ID!) { createThirdPartyProvision(subjectId: $s, recipient: "株式会社受領", items: ["氏名"], providedOn: "2027-02-01", legalBasis: LAW) { id } }',
        { s: subject },
        token,
      );
    expect((await record(t.manager)).errors).toBeUndefined();
    const before = await lastAuditId(s);
    await moveThrough(s, t.staff, id, ['RESPONDED']);
    expect((await subjectRow(subject)).provision_stopped).toBeTruthy();
    expect((await auditSince(s, before)).filter((e) => e.action === 'UPDATE').map((e) => [e.fields, e.case_id])).toEqual([['provisionStopped', Number(id)]]);
    expect(ruleOf(await record(t.manager))).toBe('PROVISION_STOPPED');
  });

  test('a disclosure is compiled as a READ under the case; its letter holds the data and its generation is an audited read', async () => {
    const subject = await newSubject(s, t.manager, { fullName: '開示 花子', phone: '090-1111-2222', postalAddress: '京都府京都市左京区1-2-3' });
    const id = await inProgress('DISCLOSURE', subject, { requesterName: '開示 花子', replyAddress: '〒606-0000 京都府京都市左京区1-2-3' });
    const before = await lastAuditId(s);
    await moveThrough(s, t.staff, id, ['RESPONDED']);
    const compiled = (await auditSince(s, before)).filter((e) => e.action === 'READ' && e.entity_type === 'DataSubject');
    // name and address were asked: the phone and e-mail held are not compiled
    expect(compiled.map((e) => [e.subject_id, e.case_id, e.fields])).toEqual([[Number(subject), Number(id), 'fullName,postalAddress,postalCode']]);

    const beforeLetter = await lastAuditId(s);
    const ja = (await letter(t.staff, id)).data?.caseReplyLetter as string;
    expect(ja).toMatch(/^<!DOCTYPE html>/);
    for (const text of ['開示 花子 様', '〒606-0000 京都府京都市左京区1-2-3', '当社が保有するお客様の個人データ', '氏名: 開示 花子', '住所: 京都府京都市左京区1-2-3', '2027年2月26日']) {
      expect(ja).toContain(text);
    }
    expect(ja).not.toContain('090-1111-2222');
    expect(ja).not.toContain('@example.jp');
    expect(ja).not.toContain('お客様</td>'); // the category was not asked for either
    const reads = await auditSince(s, beforeLetter);
    expect(reads.map((e) => [e.action, e.entity_type, e.case_id, e.fields])).toEqual([
      ['READ', 'Case', Number(id), 'replyAddress,requesterName'],
      ['READ', 'DataSubject', Number(id), 'fullName,postalAddress,postalCode'],
    ]);
    const en = (await letter(t.staff, id, 'en')).data?.caseReplyLetter as string;
    expect(en).toContain('Your personal data we hold');
    expect(en).toContain('Address: 京都府京都市左京区1-2-3');
    expect(en).not.toContain('090-1111-2222');
    expect(en).toContain('26 February 2027');
  });

  test('a rejection letter tells the reasons (Japanese and English) and that the fee is not refunded, and discloses no data', async () => {
    const subject = await newSubject(s, t.manager, { phone: '090-9999-8888' });
    const id = await assignedCase(s, t, { subjectId: subject, feeYen: 0 });
    await transition(s, t.staff, id, 'REJECTED', { reasons: ['FEE_MISSING_OR_INSUFFICIENT', 'DOCUMENT_ERRORS_OR_OMISSIONS'] });
    const ja = (await letter(t.staff, id)).data?.caseReplyLetter as string;
    expect(ja).toContain('所定の手数料が同封されていない、または不足していたため');
    expect(ja).toContain('所定の申請書類に不備があったため');
    expect(ja).toContain('手数料は返還いたしかねます');
    expect(ja).not.toContain('090-9999-8888');
    const en = (await letter(t.staff, id, 'en')).data?.caseReplyLetter as string;
    expect(en).toContain('The fee was missing or insufficient.');
    expect(en).toContain('Please note that the fee paid is not refunded.');
  });

  test('disclosure of provision records lists them in the letter', async () => {
    const subject = await newSubject(s, t.manager);
    await s.gql(
      'mutation($s: ID!) { createThirdPartyProvision(subjectId: $s, recipient: "株式会社提供先", items: ["氏名", "電話番号"], providedOn: "2027-01-15", legalBasis: LAW) { id } }',
      { s: subject },
      t.manager,
    );
    const id = await inProgress('DISCLOSURE_OF_PROVISION_RECORDS', subject);
    const before = await lastAuditId(s);
    await moveThrough(s, t.staff, id, ['RESPONDED']);
    expect((await auditSince(s, before)).filter((e) => e.entity_type === 'ThirdPartyProvision').map((e) => [e.action, e.case_id, e.reason])).toEqual([
      ['READ', Number(id), '1 provision record(s) compiled'],
    ]);
    const ja = (await letter(t.staff, id)).data?.caseReplyLetter as string;
    expect(ja).toContain('株式会社提供先');
    expect(ja).toContain('氏名、電話番号');
    expect(ja).toContain('法令に基づく場合');
  });

  test('an inquiry is answered with the note of its RESPONDED step', async () => {
    const id = await assignedCase(s, t, { type: 'INQUIRY', requestedItems: [], feeYen: 0, hasRequestForm: false, identityDocument: null });
    await moveThrough(s, t.staff, id, ['IN_PROGRESS']);
    await transition(s, t.staff, id, 'RESPONDED', { note: '利用目的は当社ウェブサイトに掲載しております。' });
    expect((await letter(t.staff, id)).data?.caseReplyLetter).toContain('利用目的は当社ウェブサイトに掲載しております。');
  });

  test('the letter escapes every value, and is refused before the case is completed or to other staff', async () => {
    const subject = await newSubject(s, t.manager);
    const id = await inProgress('DISCLOSURE', subject, { requesterName: '<script>alert(1)</script>', replyAddress: 'A & B "quoted"' });
    expect(ruleOf(await letter(t.staff, id))).toBe('CASE_NOT_COMPLETED');
    await moveThrough(s, t.staff, id, ['RESPONDED']);
    const html = (await letter(t.staff, id)).data?.caseReplyLetter as string;
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; 様');
    expect(html).toContain('A &amp; B &quot;quoted&quot;');
    expect(codeOf(await letter(t.staff2, id))).toBe('FORBIDDEN');
    expect(codeOf(await letter(t.supervisor, id))).toBe('FORBIDDEN');
  });

  test('recordReplyMailed sets repliedOn; not in the future nor before completion', async () => {
    const subject = await newSubject(s, t.manager);
    const id = await inProgress('DISCLOSURE', subject);
    const mail = (day: string) => s.gql('mutation($id: ID!, $d: Date!) { recordReplyMailed(id: $id, mailedOn: $d) { repliedOn } }', { id, d: day }, t.staff);
    expect(ruleOf(await mail(TODAY))).toBe('CASE_NOT_COMPLETED');
    await moveThrough(s, t.staff, id, ['RESPONDED']);
    expect((await mail('2027-03-02')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'mailedOn' });
    expect((await mail('2027-02-28')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'mailedOn' });
    expect((await mail(TODAY)).data?.recordReplyMailed.repliedOn).toBe(TODAY);
  });
});
