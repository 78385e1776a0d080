import { databaseKinds } from './support/databases';
import { MANAGER, STAFF, SUPERVISOR, startServer, type TestServer } from './support/server';

/** Postal code → area, from the Japan Post data shipped in the server's dependencies. */
const AREAS: Array<[typed: string, area: { postalCode: string; prefecture: string; city: string; towns: string[] } | null]> = [
  ['100-0001', { postalCode: '100-0001', prefecture: '東京都', city: '千代田区', towns: ['千代田'] }],
  ['１０４００６１', { postalCode: '104-0061', prefecture: '東京都', city: '中央区', towns: ['銀座'] }],
  ['〒530‐0001', { postalCode: '530-0001', prefecture: '大阪府', city: '大阪市北区', towns: ['梅田'] }],
  ['0600000', { postalCode: '060-0000', prefecture: '北海道', city: '札幌市中央区', towns: [] }],
  ['999-9999', null],
];

const QUERY = 'query($p: String!) { postalArea(postalCode: $p) { postalCode prefecture city towns } }';

// the lookup reads no database: one kind is enough
describe.each(databaseKinds().slice(0, 1))('postalArea on %s', (kind) => {
  let s: TestServer;
  let staff: string;

  beforeAll(async () => {
    s = await startServer(kind);
    staff = await s.login(STAFF);
  });
  afterAll(() => s?.close());

  test.each(AREAS)('%p is %p', async (typed, area) => {
    const res = await s.gql(QUERY, { p: typed }, staff);
    expect(res.errors).toBeUndefined();
    expect(res.data!.postalArea).toEqual(area);
  });

  test('a code that is not 7 digits is refused naming the argument', async () => {
    const res = await s.gql(QUERY, { p: '100-00' }, staff);
    expect(res.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'postalCode' });
  });

  test('the manager may look codes up; a supervisor and an anonymous caller may not', async () => {
    expect((await s.gql(QUERY, { p: '1000001' }, await s.login(MANAGER))).data!.postalArea.city).toBe('千代田区');
    expect((await s.gql(QUERY, { p: '1000001' }, await s.login(SUPERVISOR))).errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect((await s.gql(QUERY, { p: '1000001' })).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });
});
