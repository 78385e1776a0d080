import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { logger } from '../server/src/logger';
import { createTestDatabase, databaseKinds } from './support/databases';
import { MANAGER, startServer } from './support/server';

const NEW_PHONE = '03-9876-5432';

/**
 * A server stopping while a request whose client has hung up is still at
 * work. The HTTP drain no longer waits for it (its connection is closed), so
 * the server itself must, or the request's transaction and its audit entry
 * fail against a closed database. MariaDB only: the request is held at a row
 * lock that another connection takes; on SQLite every statement runs to its
 * end on the server's own thread, so no lock can hold a request while the
 * server stops.
 */
describe.each(databaseKinds().filter((k) => k === 'mysql'))('stopping with a request at work, on %s', (kind) => {
  test('the request whose client left ends, with its entry committed and linked, before the database closes', async () => {
    const db = await createTestDatabase(kind);
    const dataDir = mkdtempSync(join(tmpdir(), 'mamori-data-'));
    const s = await startServer(kind, { dataDir, auditWitnessDir: join(dataDir, 'witness') }, db);
    const locker = await mysql.createConnection({ uri: db.url });
    const errors = jest.spyOn(logger, 'error');
    const count = async (sql: string) => Number(((await locker.query(sql))[0] as Array<{ n: number }>)[0]!.n);
    const updateEntries = "SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'UPDATE' AND entity_type = 'DataSubject'";
    try {
      const manager = await s.login(MANAGER);
      const [{ id }] = await s.sql<{ id: number }>('SELECT MIN(id) AS id FROM data_subject');
      const before = await count(updateEntries);

      await locker.query('START TRANSACTION');
      await locker.query('SELECT id FROM data_subject WHERE id = ? FOR UPDATE', [id]);
      const client = new AbortController();
      const sent = fetch(`${s.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${manager}` },
        body: JSON.stringify({ query: 'mutation($id: ID!, $p: String!) { updateDataSubject(id: $id, phone: $p) { id } }', variables: { id: String(id), p: NEW_PHONE } }),
        signal: client.signal,
      });
      sent.catch(() => undefined);
      // held at the lock (information_schema.INNODB_TRX is a cached copy; the process list is not)
      await waitFor(async () => (await count("SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND INFO LIKE 'UPDATE `data_subject`%'")) > 0);
      client.abort();
      await expect(sent).rejects.toThrow();

      let stopped = false;
      const stopping = s.app.close().then(() => (stopped = true));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(stopped).toBe(false);
      await locker.query('COMMIT');
      await stopping;

      const [phone] = await locker.query('SELECT phone FROM data_subject WHERE id = ?', [id]);
      expect((phone as Array<{ phone: string }>)[0]!.phone).toBe(NEW_PHONE);
      expect(await count(updateEntries)).toBe(before + 1);
      expect(await count('SELECT COUNT(*) AS n FROM audit_entry e LEFT JOIN audit_link l ON l.entry_id = e.id WHERE l.seq IS NULL')).toBe(0);
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
      await locker.end();
      if (s.app.server.listening) await s.app.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('the request never waited at the lock');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
