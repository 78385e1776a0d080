import { DataSource } from 'typeorm';
import { migrations } from '../migrations';
import { RequestedItems1764402000000 } from '../migrations/1764402000000-RequestedItems';
import { dataSourceOptions, runMigrations } from '../server/src/db/data-source';
import { createTestDatabase, databaseKinds } from './support/databases';
import { MANAGER, startServer } from './support/server';

/** The cases as an older version stored them: free-text items. */
const OLD_CASES: Array<[string, string[]]> = [
  ['REQ-2026-0901', ['氏名', '住所', '電話番号']],
  ['REQ-2026-0902', ['ＴＥＬ', 'E-mail address', '勤務先（会社名・所属・役職）']],
  ['REQ-2026-0903', ['お名前', '名前', '購入履歴', ' ']],
  ['REQ-2026-0904', []],
];

describe.each(databaseKinds())('the requested-items migration on %s', (kind) => {
  test('maps old free-text items to the policy’s items, the rest to OTHER, and the server reads them', async () => {
    const db = await createTestDatabase(kind);
    const before = migrations.slice(0, migrations.indexOf(RequestedItems1764402000000));
    await runMigrations(db.url, [], before);
    const source = await new DataSource(dataSourceOptions(db.url, [])).initialize();
    for (const [reference, items] of OLD_CASES) {
      await source.query(
        `INSERT INTO request_case (reference, type, requester, requester_name, reply_address, channel, received_on, no_matching_data,
          data_items, fee_yen, has_request_form, has_proxy_letter, status, non_disclosure_reasons, created_at, updated_at)
         VALUES (?, 'DISCLOSURE', 'SELF', '旧 太郎', '東京都', 'MAIL', '2026-11-01', 0, ?, 0, 0, 0, 'RECEIVED', '[]', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')`,
        [reference, JSON.stringify(items)],
      );
    }
    await source.destroy();
    await runMigrations(db.url, [], migrations);
    const migrated = await new DataSource(dataSourceOptions(db.url, [])).initialize();
    // what production starts with: no organisation profile until the privacy manager fills it
    expect(await migrated.query('SELECT id FROM organisation_profile')).toEqual([]);
    await migrated.destroy();

    const s = await startServer(kind, {}, db);
    try {
      const rows = await s.sql<{ reference: string; data_items: string; disclosure_method: string }>(
        "SELECT reference, data_items, disclosure_method FROM request_case WHERE reference LIKE 'REQ-2026-09%' ORDER BY reference",
      );
      expect(rows.map((r) => [r.reference, JSON.parse(r.data_items), r.disclosure_method])).toEqual([
        ['REQ-2026-0901', [{ item: 'NAME', description: null }, { item: 'ADDRESS', description: null }, { item: 'TELEPHONE', description: null }], 'REGISTERED_MAIL'],
        ['REQ-2026-0902', [{ item: 'TELEPHONE', description: null }, { item: 'EMAIL', description: null }, { item: 'PLACE_OF_WORK', description: null }], 'REGISTERED_MAIL'],
        ['REQ-2026-0903', [{ item: 'NAME', description: null }, { item: 'OTHER', description: '購入履歴' }], 'REGISTERED_MAIL'],
        ['REQ-2026-0904', [], 'REGISTERED_MAIL'],
      ]);
      const token = await s.login(MANAGER);
      const res = await s.gql('{ allCases(filter: { q: "REQ-2026-090" }, sortField: "reference") { reference feeOwedYen requestedItems { item description } } }', {}, token);
      expect(res.data?.allCases.map((c: { reference: string; feeOwedYen: number }) => [c.reference, c.feeOwedYen])).toEqual([
        ['REQ-2026-0901', 3000],
        ['REQ-2026-0902', 3000],
        ['REQ-2026-0903', 2000],
        ['REQ-2026-0904', 0],
      ]);
    } finally {
      await s.close();
    }
  });
});
