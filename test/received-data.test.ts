import { databaseKinds } from './support/databases';
import { startServer, type TestServer } from './support/server';
import { auditSince, codeOf, lastAuditId, moveClock, signIn, type Tokens } from './support/case-workflow';

const FIELDS = 'id providerName providerAddress providerRepresentative acquisitionMethod receivedOn items subjectCategory note recordedById retainUntil pastRetention';
const CREATE = `mutation($providerName: String!, $providerAddress: String!, $providerRepresentative: String, $acquisitionMethod: String!, $receivedOn: Date!,
  $items: [String!]!, $subjectCategory: SubjectCategory!, $note: String) {
  createReceivedDataRecord(providerName: $providerName, providerAddress: $providerAddress, providerRepresentative: $providerRepresentative,
    acquisitionMethod: $acquisitionMethod, receivedOn: $receivedOn, items: $items, subjectCategory: $subjectCategory, note: $note) { ${FIELDS} } }`;

describe.each(databaseKinds())('records of personal data received from third parties on %s', (kind) => {
  let s: TestServer;
  let t: Tokens;

  const record = (vars: Record<string, unknown>, token = t.manager) =>
    s.gql(
      CREATE,
      {
        providerName: '株式会社提供元',
        providerAddress: '東京都港区芝公園4-2-8',
        providerRepresentative: '代表取締役 山田太郎',
        acquisitionMethod: '自社サイトの会員登録で本人から取得（第三者提供への同意あり）',
        receivedOn: '2027-02-20',
        items: ['氏名', '電話番号'],
        subjectCategory: 'CUSTOMER',
        ...vars,
      },
      token,
    );

  beforeAll(async () => {
    s = await startServer(kind);
    s.clock.set('2027-03-01T03:00:00Z');
    t = await signIn(s);
  });
  afterAll(() => s?.close());

  test('a receipt is recorded with the provider’s confirmation and its three years, and audited', async () => {
    const before = await lastAuditId(s);
    const res = await record({ note: '  業務提携による受領  ' }, t.staff);
    expect(res.data?.createReceivedDataRecord).toMatchObject({
      providerName: '株式会社提供元',
      providerRepresentative: '代表取締役 山田太郎',
      receivedOn: '2027-02-20',
      items: ['氏名', '電話番号'],
      subjectCategory: 'CUSTOMER',
      note: '業務提携による受領',
      recordedById: t.staffId,
      retainUntil: '2030-02-20',
      pastRetention: false,
    });
    expect((await auditSince(s, before)).map((e) => [e.action, e.entity_type, e.entity_id, e.subject_id])).toEqual([
      ['CREATE', 'ReceivedDataRecord', res.data?.createReceivedDataRecord.id, null],
    ]);
  });

  test('an individual provider has no representative', async () => {
    const res = await record({ providerName: '個人事業主 佐藤', providerRepresentative: null });
    expect(res.data?.createReceivedDataRecord.providerRepresentative).toBeNull();
  });

  test('an incomplete confirmation or a future day is refused and changes nothing', async () => {
    const before = await lastAuditId(s);
    const count = async () => (await s.gql('{ _allReceivedDataRecordsMeta { count } }', {}, t.manager)).data?._allReceivedDataRecordsMeta.count;
    const was = await count();
    for (const [vars, field] of [
      [{ providerName: '   ' }, 'providerName'],
      [{ providerAddress: '  ' }, 'providerAddress'],
      [{ acquisitionMethod: ' ' }, 'acquisitionMethod'],
      [{ receivedOn: '2027-03-02' }, 'receivedOn'],
      [{ items: [' '] }, 'items'],
    ] as const) {
      const res = await record(vars);
      expect([codeOf(res), res.errors?.[0]?.extensions.field]).toEqual(['BAD_USER_INPUT', field]);
    }
    expect(codeOf(await record({ items: [] }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await record({ subjectCategory: 'NOBODY' }))).toBe('BAD_USER_INPUT');
    expect(await count()).toBe(was);
    expect(await auditSince(s, before)).toEqual([]);
  });

  test('supervisors neither read nor record them; there is no way to change or delete one', async () => {
    expect(codeOf(await record({}, t.supervisor))).toBe('FORBIDDEN');
    expect(codeOf(await s.gql('{ allReceivedDataRecords { id } }', {}, t.supervisor))).toBe('FORBIDDEN');
    const mutations = await s.gql('{ __schema { mutationType { fields { name } } } }', {}, t.manager);
    const names = (mutations.data?.__schema.mutationType.fields as Array<{ name: string }>).map((f) => f.name).filter((n) => /ReceivedData/.test(n));
    expect(names).toEqual(['createReceivedDataRecord']);
  });

  test('after three years a record is listed for review, never deleted; the last day of retention is not past it', async () => {
    const old = (await record({ providerName: '旧提供元', receivedOn: '2027-01-15' })).data?.createReceivedDataRecord.id as string;
    await moveClock(s, t, '2030-01-15T03:00:00Z');
    const onLastDay = await s.gql(`query($id: ID!) { ReceivedDataRecord(id: $id) { retainUntil pastRetention } }`, { id: old }, t.manager);
    expect(onLastDay.data?.ReceivedDataRecord).toEqual({ retainUntil: '2030-01-15', pastRetention: false });
    await moveClock(s, t, '2030-01-16T03:00:00Z');
    const past = await s.gql('{ allReceivedDataRecords(filter: { pastRetention: true }) { id providerName pastRetention } }', {}, t.manager);
    expect(past.data?.allReceivedDataRecords).toEqual([{ id: old, providerName: '旧提供元', pastRetention: true }]);
    const search = await s.gql('{ allReceivedDataRecords(filter: { q: "旧提供" }) { id } }', {}, t.staff);
    expect(search.data?.allReceivedDataRecords).toEqual([{ id: old }]);
  });
});
