import 'reflect-metadata';
import { migrations } from '../migrations';
import { openDatabase, runMigrations, type Database } from '../server/src/db/data-source';
import { PrimaryKeyReader } from '../server/src/db/primary-key-reader';
import { entities } from '../server/src/modules';
import { DataSubject } from '../server/src/modules/data-subject/data-subject.entity';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/databases';

/** The cached primary-key read returns what TypeORM's own findOneBy returns, value for value and type for type. */
describe.each(databaseKinds())('reading a row by its primary key on %s', (kind) => {
  let database: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await runMigrations(database.url, entities, migrations);
    db = await openDatabase(database.url, entities);
  });
  afterAll(async () => {
    await db?.source.destroy();
    await database?.drop();
  });

  test('a data subject with nulls, booleans and Japanese text reads exactly as findOneBy reads it', async () => {
    const now = '2026-12-02T06:30:00.000Z';
    const saved = await db.manager.save(
      db.manager.create(DataSubject, {
        category: 'CUSTOMER',
        fullName: '山田 太郎',
        fullNameKana: 'ヤマダ タロウ',
        postalCode: null,
        postalAddress: '東京都千代田区丸の内1-1-1',
        phone: '03-1234-5678',
        email: null,
        searchText: 'yamada',
        restricted: true,
        provisionStopped: false,
        erasedAt: null,
        createdAt: now,
        updatedAt: now,
      }),
    );
    const reader = new PrimaryKeyReader(DataSubject);
    const expected = await db.manager.findOneBy(DataSubject, { id: saved.id });
    const read = await reader.find(db.manager, saved.id);
    expect(read).toBeInstanceOf(DataSubject);
    expect(read).toStrictEqual(expected);
    expect(read!.restricted).toBe(true);
    expect(read!.provisionStopped).toBe(false);
    expect(await reader.find(db.manager, saved.id + 1000)).toBeNull();
    // inside a transaction, through its manager
    await db.transaction(async (manager) => expect(await reader.find(manager, saved.id)).toStrictEqual(expected));
  });
});
