import { DataSource } from 'typeorm';
import { migrations } from '../migrations';
import { JapaneseSearchKeys1764402100000 } from '../migrations/1764402100000-JapaneseSearchKeys';
import { dataSourceOptions } from '../server/src/db/data-source';
import { createTestDatabase, databaseKinds } from './support/databases';
import { recordCase } from './support/case-workflow';
import { MANAGER, startServer, type TestServer } from './support/server';

/**
 * Japanese as people type it: search of names and readings (allDataSubjects'
 * q and matchDataSubjects) that ignores kana, width and spaces, and personal
 * fields stored in one canonical form, on SQLite and MariaDB alike.
 */

const SUBJECTS = {
  yamadaTaro: { fullName: '山田 太郎', fullNameKana: 'ヤマダ タロウ' }, // the demo subject
  yamataTaro: { fullName: '山多 太郎', fullNameKana: 'ヤマタ タロウ' }, // differs from him by a voicing mark only
  yamadaHanako: { fullName: '山田 花子', fullNameKana: 'ヤマダ ハナコ' },
  satoYuki: { fullName: '佐藤 優希', fullNameKana: 'サトー ユーキ' },
  satoYuki2: { fullName: '里 由紀', fullNameKana: 'サト ユキ' },
  oono: { fullName: '大野 一', fullNameKana: 'オオノ ハジメ' },
  ono: { fullName: '小野 一', fullNameKana: 'オノ ハジメ' },
  kyoko: { fullName: '西村 恭子', fullNameKana: 'ニシムラ キョウコ' },
  kiyoko: { fullName: '西村 清子', fullNameKana: 'ニシムラ キヨコ' },
} as const;
type Name = keyof typeof SUBJECTS;

/** What was typed, whom it must find, and the look-alike it must not. */
const SEARCHES: Array<[query: string, finds: Name, notFinds: Name]> = [
  ['やまだ', 'yamadaTaro', 'yamataTaro'], // the reading in hiragana, as an IME gives it first
  ['ﾔﾏﾀﾞ', 'yamadaTaro', 'yamataTaro'],
  ['山田', 'yamadaTaro', 'yamataTaro'],
  ['yamada', 'yamadaTaro', 'yamataTaro'],
  ['ＹＡＭＡＤＡ', 'yamadaTaro', 'yamataTaro'],
  ['山田太郎', 'yamadaTaro', 'yamadaHanako'], // the name without its space
  ['ヤマダタロウ', 'yamadaTaro', 'yamadaHanako'],
  ['やまだ　たろう', 'yamadaTaro', 'yamadaHanako'], // a full-width space
  ['ﾔﾏﾀﾞ ﾀﾛｳ', 'yamadaTaro', 'yamataTaro'],
  ['さとうゆうき', 'satoYuki', 'satoYuki2'], // the long-vowel mark read as its vowel
  ['サトーユーキ', 'satoYuki', 'satoYuki2'],
  ['ｻﾄｳ', 'satoYuki', 'satoYuki2'],
  ['おおの', 'oono', 'ono'],
  ['オーノ', 'oono', 'ono'],
  ['オウノ', 'oono', 'ono'],
  ['ｷﾖｳｺ', 'kyoko', 'kiyoko'], // small kana typed full-size, as bank records have them
  ['きょうこ', 'kyoko', 'kiyoko'],
];

const CREATE = `mutation($category: SubjectCategory!, $fullName: String!, $fullNameKana: String, $postalCode: String, $phone: String, $email: String) {
  createDataSubject(category: $category, fullName: $fullName, fullNameKana: $fullNameKana, postalCode: $postalCode, phone: $phone, email: $email) {
    id fullName fullNameKana postalCode phone email
  }
}`;

/** Each typed value and the stored form it must become. */
const CANONICAL: Array<[field: string, typed: string, stored: string]> = [
  ['postalCode', '1000001', '100-0001'],
  ['postalCode', '１００－０００１', '100-0001'],
  ['postalCode', '１０００００１', '100-0001'],
  ['postalCode', '100‐0001', '100-0001'],
  ['postalCode', '100−0001', '100-0001'],
  ['postalCode', '100ー0001', '100-0001'],
  ['postalCode', '100―0001', '100-0001'],
  ['postalCode', '〒100-0001', '100-0001'],
  ['phone', '0312345678', '03-1234-5678'],
  ['phone', '０３１２３４５６７８', '03-1234-5678'],
  ['phone', '０３－１２３４－５６７８', '03-1234-5678'],
  ['phone', '03‐1234‐5678', '03-1234-5678'],
  ['phone', '03−1234−5678', '03-1234-5678'],
  ['phone', '03ー1234ー5678', '03-1234-5678'],
  ['phone', '03―1234―5678', '03-1234-5678'],
  ['phone', '03(1234)5678', '03-1234-5678'],
  ['phone', '+81312345678', '03-1234-5678'],
  ['phone', '09012345678', '090-1234-5678'],
  ['phone', '0466123456', '0466-12-3456'],
  ['phone', '0112345678', '011-234-5678'],
  ['fullName', '山田　太郎', '山田 太郎'],
  ['fullName', ' 山田   太郎 ', '山田 太郎'],
  ['fullNameKana', 'やまだ たろう', 'ヤマダ タロウ'],
  ['fullNameKana', 'ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダ タロウ'],
  ['fullNameKana', 'ヤマダ　タロウ', 'ヤマダ タロウ'],
  ['email', 'ＴＡＲＯ＠ＥＸＡＭＰＬＥ．ＪＰ', 'taro@example.jp'],
];

/** Values with no canonical form: refused, naming the field. */
const REFUSED: Array<[field: string, typed: string]> = [
  ['postalCode', '100-00001'],
  ['postalCode', '10-0001'],
  ['postalCode', '百-0001'],
  ['phone', '12345'],
  ['phone', '03-1234'],
  ['phone', '0501234567'], // 050 numbers have 11 digits: no certain split
  ['phone', '03--1234-5678'],
  ['fullNameKana', 'Yamada Taro'],
  ['fullNameKana', '山田'],
  ['email', 'ｔａｒｏ＠'],
];

describe.each(databaseKinds())('Japanese names, readings and contact details on %s', (kind) => {
  let s: TestServer;
  let manager: string;
  let caseId: string;
  const ids = {} as Record<Name, string>;

  beforeAll(async () => {
    s = await startServer(kind);
    manager = await s.login(MANAGER);
    for (const [name, subject] of Object.entries(SUBJECTS) as Array<[Name, (typeof SUBJECTS)[Name]]>) {
      if (name === 'yamadaTaro') continue;
      const res = await s.gql(CREATE, { category: 'CUSTOMER', ...subject }, manager);
      ids[name] = res.data!.createDataSubject.id;
    }
    const [taro] = await s.sql("SELECT id FROM data_subject WHERE full_name = '山田 太郎'");
    ids.yamadaTaro = String(taro.id);
    const [c] = await s.sql('SELECT id FROM request_case ORDER BY id LIMIT 1');
    caseId = String(c.id);
  });
  afterAll(() => s?.close());

  test.each(SEARCHES)('allDataSubjects q %p finds %s and not %s', async (q, finds, notFinds) => {
    const res = await s.gql('query($q: String) { allDataSubjects(filter: { q: $q }, perPage: 100) { id } }', { q }, manager);
    const found = res.data!.allDataSubjects.map((r: { id: string }) => r.id);
    expect(found).toContain(ids[finds]);
    expect(found).not.toContain(ids[notFinds]);
  });

  test.each(SEARCHES)('matchDataSubjects %p finds %s and not %s', async (query, finds, notFinds) => {
    const res = await s.gql('query($c: ID!, $q: String!) { matchDataSubjects(caseId: $c, query: $q) { id } }', { c: caseId, q: query }, manager);
    const found = res.data!.matchDataSubjects.map((r: { id: string }) => r.id);
    expect(found).toContain(ids[finds]);
    expect(found).not.toContain(ids[notFinds]);
  });

  test('spaces alone match no candidate', async () => {
    const res = await s.gql('query($c: ID!) { matchDataSubjects(caseId: $c, query: "　 ") { id } }', { c: caseId }, manager);
    expect(res.data!.matchDataSubjects).toEqual([]);
  });

  test('lists sort by reading in 50-sound order (voicing marks after the plain kana)', async () => {
    const made: string[] = [];
    for (const reading of ['ガキ', 'かき', 'カガ', 'かか', 'アオキ']) {
      const res = await s.gql(CREATE, { category: 'CUSTOMER', fullName: `並び ${reading}`, fullNameKana: reading }, manager);
      made.push(res.data!.createDataSubject.id);
    }
    const list = await s.gql(
      'query($ids: [ID!]) { allDataSubjects(filter: { ids: $ids }, sortField: "fullNameKana", sortOrder: "ASC") { fullNameKana } }',
      { ids: made },
      manager,
    );
    expect(list.data!.allDataSubjects.map((r: { fullNameKana: string }) => r.fullNameKana)).toEqual(['アオキ', 'カカ', 'カガ', 'カキ', 'ガキ']);
  });

  test('a reading changed later sorts and is found by the new reading, not the old', async () => {
    const made: string[] = [];
    for (const [name, reading] of [['石井', 'イシイ'], ['上田', 'ウエダ']]) {
      const res = await s.gql(CREATE, { category: 'CUSTOMER', fullName: `改名 ${name}`, fullNameKana: reading }, manager);
      made.push(res.data!.createDataSubject.id);
    }
    const renamed = await s.gql('mutation($id: ID!, $kana: String) { updateDataSubject(id: $id, fullNameKana: $kana) { id } }', { id: made[0], kana: 'エノモト' }, manager);
    expect(renamed.errors).toBeUndefined();
    const list = await s.gql(
      'query($ids: [ID!]) { allDataSubjects(filter: { ids: $ids }, sortField: "fullNameKana", sortOrder: "ASC") { fullNameKana } }',
      { ids: made },
      manager,
    );
    expect(list.data!.allDataSubjects.map((r: { fullNameKana: string }) => r.fullNameKana)).toEqual(['ウエダ', 'エノモト']);
    const find = async (q: string) =>
      (await s.gql('query($q: String, $ids: [ID!]) { allDataSubjects(filter: { q: $q, ids: $ids }) { id } }', { q, ids: made }, manager)).data!.allDataSubjects.map((r: { id: string }) => r.id);
    expect(await find('えのもと')).toEqual([made[0]]);
    expect(await find('いしい')).toEqual([]);
  });

  test.each(CANONICAL)('%s typed %p is stored as %p', async (field, typed, stored) => {
    const res = await s.gql(CREATE, { category: 'CUSTOMER', fullName: '正規 化', [field]: typed }, manager);
    expect(res.errors).toBeUndefined();
    expect(res.data!.createDataSubject[field]).toBe(stored);
    const [row] = await s.sql('SELECT * FROM data_subject WHERE id = ?', [Number(res.data!.createDataSubject.id)]);
    const column = field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    expect(row[column]).toBe(stored);
  });

  test.each(REFUSED)('%s typed %p is refused naming the field, and nothing is stored', async (field, typed) => {
    const [before] = await s.sql('SELECT COUNT(*) AS n FROM data_subject');
    const res = await s.gql(CREATE, { category: 'CUSTOMER', fullName: '拒否 例', [field]: typed }, manager);
    expect(res.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    const [after] = await s.sql('SELECT COUNT(*) AS n FROM data_subject');
    expect(Number(after.n)).toBe(Number(before.n));
  });

  test("a case's requester and representative names are stored with one half-width space, on create and update", async () => {
    const receivedOn = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    const id = await recordCase(s, manager, { requesterName: '申請　太郎', representativeName: '代理　　花子', receivedOn });
    const [created] = await s.sql('SELECT requester_name, representative_name FROM request_case WHERE id = ?', [Number(id)]);
    expect([created.requester_name, created.representative_name]).toEqual(['申請 太郎', '代理 花子']);
    const res = await s.gql('mutation($id: ID!, $n: String) { updateCase(id: $id, requesterName: $n) { id } }', { id, n: '申請　次郎' }, manager);
    expect(res.errors).toBeUndefined();
    const [updated] = await s.sql('SELECT requester_name FROM request_case WHERE id = ?', [Number(id)]);
    expect(updated.requester_name).toBe('申請 次郎');
  });

  test('a value sent again in another width or split writes no UPDATE entry; a real change writes one', async () => {
    const created = await s.gql(
      CREATE,
      { category: 'CUSTOMER', fullName: '変更 なし', fullNameKana: 'ヘンコウ ナシ', postalCode: '100-0001', phone: '03-1234-5678', email: 'henkou@example.jp' },
      manager,
    );
    const id = created.data!.createDataSubject.id;
    const updates = async () => Number((await s.sql("SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'UPDATE' AND subject_id = ?", [Number(id)]))[0].n);
    const update = (fields: Record<string, string>) =>
      s.gql(
        'mutation($id: ID!, $fullName: String, $fullNameKana: String, $postalCode: String, $phone: String, $email: String) { updateDataSubject(id: $id, fullName: $fullName, fullNameKana: $fullNameKana, postalCode: $postalCode, phone: $phone, email: $email) { id phone } }',
        { id, ...fields },
        manager,
      );
    const same = await update({ fullName: '変更　なし', fullNameKana: 'へんこう なし', postalCode: '１０００００１', phone: '０３１２３４５６７８', email: 'HENKOU@example.jp' });
    expect(same.errors).toBeUndefined();
    expect(await updates()).toBe(0);
    const changed = await update({ phone: '０６１２３４５６７８' });
    expect(changed.data!.updateDataSubject.phone).toBe('06-1234-5678');
    expect(await updates()).toBe(1);
  });
});

describe.each(databaseKinds())('the search-key migration on %s', (kind) => {
  test('rewrites the keys of subjects stored before it, so they are found as typed today', async () => {
    const db = await createTestDatabase(kind);
    const before = new DataSource(dataSourceOptions(db.url, [], migrations.slice(0, migrations.indexOf(JapaneseSearchKeys1764402100000))));
    await before.initialize();
    await before.runMigrations({ transaction: 'each' });
    const now = new Date().toISOString();
    await before.query(
      'INSERT INTO data_subject (category, full_name, full_name_kana, search_text, restricted, provision_stopped, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ['CUSTOMER', '古川 一郎', 'フルカワ イチロウ', '古川 一郎 フルカワ イチロウ', 0, 0, now, now],
    );
    await before.destroy();
    const s = await startServer(kind, {}, db);
    try {
      const manager = await s.login(MANAGER);
      const [old] = await s.sql("SELECT id, search_text, reading_key FROM data_subject WHERE full_name = '古川 一郎'");
      expect(old.search_text).toBe('古川一郎 ふるかわいちろう');
      for (const q of ['ふるかわいちろう', '古川一郎', 'ﾌﾙｶﾜ']) {
        const res = await s.gql('query($q: String) { allDataSubjects(filter: { q: $q }) { id } }', { q }, manager);
        expect({ q, found: res.data!.allDataSubjects.map((r: { id: string }) => r.id) }).toEqual({ q, found: [String(old.id)] });
      }
    } finally {
      await s.close();
    }
  });
});
