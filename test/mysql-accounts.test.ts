import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { databaseKinds, createTestDatabase, TEST_MYSQL_URL } from './support/databases';
import { MANAGER, startServer } from './support/server';

describe.each(databaseKinds().filter((k) => k === 'mysql'))('separate runtime and migration accounts on %s', (kind) => {
  test('the runtime account may only INSERT and SELECT the audit tables and has no DDL', async () => {
    const db = await createTestDatabase(kind);
    const user = `mamori_rt_${randomBytes(4).toString('hex')}`;
    const password = randomBytes(12).toString('hex');
    const root = await mysql.createConnection({ uri: TEST_MYSQL_URL });
    await root.query(`CREATE USER '${user}'@'%' IDENTIFIED BY '${password}'`);
    const runtimeUrl = new URL(db.url);
    runtimeUrl.username = user;
    runtimeUrl.password = password;
    const s = await startServer(kind, { databaseUrl: runtimeUrl.toString(), migrationDatabaseUrl: db.url }, db);
    try {
      const manager = await s.login(MANAGER);
      expect((await s.gql('{ allDataSubjects(perPage: 2) { fullName } }', {}, manager)).data?.allDataSubjects).toHaveLength(2);
      const verify = await s.gql('{ verifyAuditChain { ok } }', {}, manager);
      expect(verify.data?.verifyAuditChain.ok).toBe(true);
      for (const sql of ['UPDATE audit_entry SET reason = NULL', 'DELETE FROM audit_link', 'DROP TRIGGER audit_entry_no_update', 'ALTER TABLE audit_entry ADD COLUMN x INT', 'CREATE TABLE evil (id INT)']) {
        await expect(s.sql(sql)).rejects.toThrow(/denied/i);
      }
      await expect(s.sql("UPDATE data_subject SET updated_at = updated_at WHERE id = 1")).resolves.toBeDefined();
    } finally {
      await s.close();
      await root.query(`DROP USER '${user}'@'%'`);
      await root.end();
    }
  });
});
