import { rmSync } from 'node:fs';
import { databaseKinds } from './support/databases';
import { startServer, type TestServer } from './support/server';
import {
  assignedCase,
  auditSince,
  codeOf,
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
const LETTER = 'query($id: ID!, $language: LetterLanguage!) { caseReplyLetter(id: $id, language: $language) }';
const ITEMS = 'requestedItems { item description held heldFields } feeOwedYen dataItems';
const PROFILE = `organisationProfile { nameJa nameEn postalCode postalAddress responsibleDepartment responsibleTitle contactEmail requestAddress
  dateStyle missingFields updatedAt }`;
const UPDATE_PROFILE = `mutation($nameJa: String, $contactEmail: String, $dateStyle: DateStyle, $postalCode: String) {
  updateOrganisationProfile(nameJa: $nameJa, contactEmail: $contactEmail, dateStyle: $dateStyle, postalCode: $postalCode) { nameJa dateStyle missingFields } }`;

describe.each(databaseKinds())('replies that answer exactly what was asked on %s', (kind) => {
  let s: TestServer;
  let t: Tokens;

  beforeAll(async () => {
    s = await startServer(kind);
    s.clock.set(`${TODAY}T03:00:00Z`);
    t = await signIn(s);
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
  const caseItems = async (id: string) => (await s.gql(`query($id: ID!) { Case(id: $id) { ${ITEMS} } }`, { id }, t.manager)).data?.Case;
  const responded = async (type: string, subjectId: string, intake: Intake = {}) => {
    const id = await assignedCase(s, t, { type, subjectId, ...intake });
    await moveThrough(s, t.staff, id, ['VERIFYING', 'IN_PROGRESS', 'RESPONDED']);
    return id;
  };
  const createWith = (requestedItems: unknown) =>
    s.gql(
      `mutation($items: [RequestedItemInput!]) { createCase(type: DISCLOSURE, requester: SELF, requesterName: "項目 太郎", replyAddress: "東京都",
        channel: MAIL, receivedOn: "${TODAY}", requestedItems: $items) { id } }`,
      { items: requestedItems },
      t.staff,
    );
  const profileFill = async (vars: Record<string, unknown>, token = t.manager) => {
    const res = await s.gql(UPDATE_PROFILE, vars, token);
    if (!res.data) throw new Error(`updateOrganisationProfile failed: ${res.body}`);
    return res.data.updateOrganisationProfile;
  };

  test('requested items are the policy’s list; the fee counts them; held / not held follow the subject', async () => {
    const subject = await newSubject(s, t.manager, { phone: '090-1212-3434' });
    const id = await assignedCase(s, t, {
      subjectId: subject,
      requestedItems: [{ item: 'NAME' }, { item: 'TELEPHONE' }, { item: 'PLACE_OF_WORK' }, { item: 'OTHER', description: '購入履歴' }],
      feeYen: 4000,
    });
    expect(await caseItems(id)).toEqual({
      requestedItems: [
        { item: 'NAME', description: null, held: true, heldFields: ['fullName'] },
        { item: 'TELEPHONE', description: null, held: true, heldFields: ['phone'] },
        { item: 'PLACE_OF_WORK', description: null, held: false, heldFields: [] },
        { item: 'OTHER', description: '購入履歴', held: null, heldFields: [] },
      ],
      feeOwedYen: 4000,
      dataItems: ['氏名', '電話番号', '勤務先', 'その他（購入履歴）'],
    });
  });

  test.each([
    ['an item twice', [{ item: 'NAME' }, { item: 'ADDRESS' }, { item: 'NAME' }]],
    ['OTHER twice with the same description', [{ item: 'OTHER', description: '購入履歴' }, { item: 'OTHER', description: ' 購入履歴 ' }]],
    ['OTHER without a description', [{ item: 'OTHER' }]],
    ['a description on a listed item', [{ item: 'NAME', description: 'フルネーム' }]],
  ])('%s is BAD_USER_INPUT naming requestedItems, and nothing is recorded', async (_name, items) => {
    const [before] = await s.sql('SELECT COUNT(*) AS n FROM request_case');
    const res = await createWith(items);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'requestedItems' });
    const [after] = await s.sql('SELECT COUNT(*) AS n FROM request_case');
    expect(Number(after.n)).toBe(Number(before.n));
  });

  test('an unknown item is refused by the schema; updateCase checks the items the same way', async () => {
    expect((await createWith([{ item: 'SHOE_SIZE' }])).errors?.[0]?.message).toMatch(/DataItem/);
    const id = await recordCase(s, t.staff);
    const dup = await s.gql('mutation($id: ID!) { updateCase(id: $id, requestedItems: [{ item: EMAIL }, { item: EMAIL }]) { id } }', { id }, t.staff);
    expect(dup.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'requestedItems' });
    const ok = await s.gql(`mutation($id: ID!) { updateCase(id: $id, requestedItems: [{ item: EMAIL }]) { ${ITEMS} } }`, { id }, t.staff);
    expect(ok.data?.updateCase).toMatchObject({ feeOwedYen: 1000, dataItems: ['メールアドレス'] });
  });

  test('a disclosure of name and address discloses exactly those: the phone is absent from the letter and from the audit entry', async () => {
    const subject = await newSubject(s, t.manager, { fullName: '正確 一郎', phone: '090-7777-8888', company: '株式会社勤務先' });
    const id = await responded('DISCLOSURE', subject);
    const before = await lastAuditId(s);
    const html = await letter(id);
    expect(html).toContain('<tr><td>氏名</td><td>開示いたします</td><td>氏名: 正確 一郎</td></tr>');
    expect(html).toContain('<tr><td>住所</td><td>開示いたします</td><td>郵便番号: 100-0005<br>住所: 東京都千代田区丸の内1-1-1</td></tr>');
    for (const absent of ['090-7777-8888', '株式会社勤務先', '@example.jp', '電話番号']) expect(html).not.toContain(absent);
    const reads = (await auditSince(s, before)).filter((e) => e.entity_type === 'DataSubject');
    expect(reads.map((e) => [e.action, e.fields, e.case_id])).toEqual([['READ', 'fullName,postalAddress,postalCode', Number(id)]]);
  });

  test('a requested item that is not held is stated as not held; OTHER is answered by hand', async () => {
    const subject = await newSubject(s, t.manager);
    const id = await responded('DISCLOSURE', subject, {
      requestedItems: [{ item: 'PLACE_OF_WORK' }, { item: 'EMAIL' }, { item: 'OTHER', description: '購入履歴' }],
      feeYen: 3000,
    });
    const html = await letter(id);
    expect(html).toContain('<tr><td>勤務先</td><td>当社は保有しておりません</td><td></td></tr>');
    expect(html).toMatch(/<tr><td>メールアドレス<\/td><td>開示いたします<\/td><td>メールアドレス: subject\d+\.\d+@example\.jp<\/td><\/tr>/);
    expect(html).toContain('<tr><td>その他（購入履歴）</td><td>担当者より別途ご回答いたします</td><td></td></tr>');
    expect(html).not.toContain('03-5555-0000');
    const en = await letter(id, 'en');
    expect(en).toContain('<tr><td>Place of work</td><td>We do not hold this</td><td></td></tr>');
    expect(en).toContain('<tr><td>Other (購入履歴)</td><td>Our staff will answer this separately</td><td></td></tr>');
  });

  test('each letter carries the sender block of the organisation profile', async () => {
    const subject = await newSubject(s, t.manager);
    const id = await responded('CESSATION_OF_USE', subject);
    const ja = await letter(id);
    expect(ja).toContain(
      '<p class="sender">株式会社まもり商事<br>〒100-0005 東京都千代田区丸の内2-7-1 まもりビル8階<br>個人情報保護管理室 個人情報管理責任者<br>' +
        'お問い合わせ窓口: 〒100-0005 東京都千代田区丸の内2-7-1 まもりビル8階 株式会社まもり商事 個人情報保護管理室 開示等請求窓口<br>メールアドレス: privacy@mamori.example</p>',
    );
    const en = await letter(id, 'en');
    expect(en).toContain('<p class="sender">Mamori Shoji Co., Ltd.<br>');
    expect(en).toContain('Personal Information Protection Office Personal Information Protection Manager');
  });

  test('disclosure of provision records lists the records of the period asked, and only those', async () => {
    const subject = await newSubject(s, t.manager);
    for (const [recipient, day] of [['株式会社期間前', '2026-06-30'], ['株式会社期間内', '2026-07-01'], ['株式会社期間末', '2026-12-31'], ['株式会社期間後', '2027-01-01']]) {
      const res = await s.gql(
        'mutation($s: ID!, $r: String!, $d: Date!) { createThirdPartyProvision(subjectId: $s, recipient: $r, items: ["氏名"], providedOn: $d, legalBasis: LAW) { id } }',
        { s: subject, r: recipient, d: day },
        t.manager,
      );
      expect(res.errors).toBeUndefined();
    }
    const bad = await recordCase(s, t.staff, { type: 'DISCLOSURE_OF_PROVISION_RECORDS', periodFrom: '2026-07-01', periodTo: '2026-07-01' }).catch((e: Error) => e.message);
    expect(bad).toContain('periodTo');
    const before = await lastAuditId(s);
    const id = await responded('DISCLOSURE_OF_PROVISION_RECORDS', subject, { periodFrom: '2026-07-01', periodTo: '2027-01-01' });
    const compiled = (await auditSince(s, before)).filter((e) => e.entity_type === 'ThirdPartyProvision');
    expect(compiled.map((e) => e.reason)).toEqual(['2 provision record(s) compiled']);
    const html = await letter(id);
    expect(html).toContain('対象期間: 2026年7月1日～2026年12月31日');
    expect(html).toContain('<tr><td>2026年7月1日</td><td>株式会社期間内</td><td>氏名</td><td>法令に基づく場合</td></tr>');
    expect(html).toContain('株式会社期間末');
    expect(html).not.toContain('株式会社期間前');
    expect(html).not.toContain('株式会社期間後');
  });

  test('the electronic record the individual chose is saved as a case document; its download is audited', async () => {
    const subject = await newSubject(s, t.manager);
    const mailed = await responded('DISCLOSURE', subject);
    const save = (id: string) => s.gql('mutation($id: ID!) { saveElectronicReply(id: $id) { id kind contentType sizeBytes } }', { id }, t.staff);
    expect(ruleOf(await save(mailed))).toBe('NOT_ELECTRONIC_RECORD');

    const id = await responded('DISCLOSURE', subject, { disclosureMethod: 'ELECTRONIC_RECORD' });
    const saved = await save(id);
    expect(saved.data?.saveElectronicReply).toMatchObject({ kind: 'REPLY_LETTER', contentType: 'text/html; charset=utf-8' });
    const documentId = saved.data!.saveElectronicReply.id as string;
    const before = await lastAuditId(s);
    const res = await fetch(`${s.url}/api/cases/${id}/documents/${documentId}`, { headers: { authorization: `Bearer ${t.staff}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="REQ-\d{4}-\d{4}-\d+\.html"/);
    const body = await res.text();
    expect(body).toBe(await letter(id));
    const entries = await auditSince(s, before);
    expect(entries.filter((e) => e.action === 'DOWNLOAD').map((e) => [e.entity_type, e.entity_id, e.case_id])).toEqual([['CaseDocument', documentId, Number(id)]]);
    // a generated kind cannot be uploaded
    const upload = await fetch(`${s.url}/api/cases/${id}/documents?kind=REPLY_LETTER`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.staff}` },
      body: Buffer.from('%PDF-1.7\n'),
    });
    expect(upload.status).toBe(400);
  });

  describe('the organisation profile', () => {
    test('anyone reads it (the sign-in page shows it); only the privacy manager changes it, audited with the fields changed', async () => {
      const anonymous = await s.gql(`{ ${PROFILE} }`);
      expect(anonymous.data?.organisationProfile).toMatchObject({ nameJa: '株式会社まもり商事', missingFields: [], dateStyle: 'WESTERN' });
      expect(codeOf(await s.gql(UPDATE_PROFILE, { nameJa: '株式会社乗っ取り' }, t.staff))).toBe('FORBIDDEN');
      expect((await s.gql(UPDATE_PROFILE, { contactEmail: 'not an address' }, t.manager)).errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'contactEmail',
      });
      expect((await s.gql(UPDATE_PROFILE, { postalCode: '1000005' }, t.manager)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'postalCode' });
      const before = await lastAuditId(s);
      expect(await profileFill({ nameJa: '株式会社まもり商事', dateStyle: 'WESTERN' })).toMatchObject({ nameJa: '株式会社まもり商事' });
      expect(await auditSince(s, before)).toEqual([]); // nothing changed, nothing written
      await profileFill({ nameJa: '株式会社まもりホールディングス' });
      const entries = await auditSince(s, before);
      expect(entries.map((e) => [e.action, e.entity_type, e.fields])).toEqual([['UPDATE', 'OrganisationProfile', 'nameJa']]);
      await profileFill({ nameJa: '株式会社まもり商事' });
    });

    test('without a complete profile no letter is generated (CONFLICT naming the rule) and the manager’s dashboard asks for it', async () => {
      const subject = await newSubject(s, t.manager);
      const id = await responded('CESSATION_OF_PROVISION', subject);
      await profileFill({ nameJa: '' });
      try {
        const refused = await s.gql(LETTER, { id, language: 'ja' }, t.staff);
        expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', rule: 'ORGANISATION_PROFILE_INCOMPLETE', missing: ['nameJa'] });
        const dashboard = (token: string) => s.gql('{ dashboard { organisationProfileMissing } }', {}, token);
        expect((await dashboard(t.manager)).data?.dashboard.organisationProfileMissing).toEqual(['nameJa']);
        expect((await dashboard(t.staff)).data?.dashboard.organisationProfileMissing).toBeNull();
      } finally {
        await profileFill({ nameJa: '株式会社まもり商事' });
      }
      expect((await s.gql('{ dashboard { organisationProfileMissing } }', {}, t.manager)).data?.dashboard.organisationProfileMissing).toEqual([]);
      expect(await letter(id)).toContain('第三者への提供を停止いたしました');
    });

    test('Japanese letters write the era when the profile says so, at the era boundary (令和元年 = 2019-05-01); English stays Western', async () => {
      const subject = await newSubject(s, t.manager);
      s.clock.set('2019-05-01T03:00:00Z');
      const tokens = await signIn(s);
      const id = await assignedCase(s, { ...t, ...tokens }, { type: 'DELETION', subjectId: subject, receivedOn: '2019-04-30' });
      await moveThrough(s, tokens.staff, id, ['VERIFYING', 'IN_PROGRESS', 'RESPONDED']);
      const read = async (language: string) => (await s.gql(LETTER, { id, language }, tokens.staff)).data?.caseReplyLetter as string;
      try {
        expect(await read('ja')).toContain('<p class="date">2019年5月1日');
        await profileFill({ dateStyle: 'JAPANESE_ERA' }, tokens.manager);
        const era = await read('ja');
        expect(era).toContain('<p class="date">令和元年5月1日');
        expect(era).toContain('平成31年4月30日に受け付けました');
        const en = await read('en');
        expect(en).toContain('<p class="date">1 May 2019');
        expect(en).toContain('received on 30 April 2019');
        s.clock.set('2026-12-02T03:00:00Z');
        const later = await signIn(s);
        expect((await s.gql(LETTER, { id, language: 'ja' }, later.staff)).data?.caseReplyLetter).toContain('<p class="date">令和8年12月2日');
      } finally {
        s.clock.set(`${TODAY}T03:00:00Z`);
        Object.assign(t, await signIn(s));
        await profileFill({ dateStyle: 'WESTERN' });
      }
    });
  });

  test('a rejected request’s letter states the reasons and shows no item values', async () => {
    const subject = await newSubject(s, t.manager, { phone: '090-4545-6767' });
    const id = await assignedCase(s, t, { subjectId: subject, requestedItems: [{ item: 'TELEPHONE' }], feeYen: 0 });
    await transition(s, t.staff, id, 'REJECTED', { reasons: ['FEE_MISSING_OR_INSUFFICIENT'] });
    const html = await letter(id);
    expect(html).toContain('ご請求の項目: 電話番号');
    expect(html).not.toContain('090-4545-6767');
  });
});
