import 'reflect-metadata';
import { migrations } from '../migrations';
import { openDatabase, runMigrations, TRANSACTION_ATTEMPTS, type Database } from '../server/src/db/data-source';
import { LeaseLostError } from '../server/src/db/lease';
import { isDatabaseUnavailable, isRetryableConflict } from '../server/src/db/unavailable';
import { formatError } from '../server/src/graphql/format-error';
import { transactionMetrics } from '../server/src/metrics';
import { entities } from '../server/src/modules';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/databases';

// generous for a loaded two-core machine: a renewal must land within 80 % of the ttl
const TIMING = { ttlMs: 2500, renewEveryMs: 250 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Two handles on one database stand for two server processes (on a cluster: on two nodes). */
describe.each(databaseKinds())('leases on %s', (kind) => {
  let database: TestDatabase;
  let a: Database;
  let b: Database;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await runMigrations(database.url, entities, migrations);
    a = await openDatabase(database.url, entities, TIMING);
    b = await openDatabase(database.url, entities, TIMING);
  });
  afterAll(async () => {
    await a?.source.destroy();
    await b?.source.destroy();
    await database?.drop();
  });

  test('one holder at a time; the other takes over once the holder stops renewing', async () => {
    expect(await a.lease('linker').claim()).toBe(true);
    expect(await b.lease('linker').claim()).toBe(false);
    expect(await a.lease('linker').claim()).toBe(true); // renewal
    const ranOnB = jest.fn(async () => 'b');
    expect(await b.runExclusive('linker', ranOnB)).toEqual({ ran: false, reason: 'held elsewhere' });
    expect(ranOnB).not.toHaveBeenCalled();
    // a "dies": no more renewals; its lease expires by the database's clock
    await sleep(TIMING.ttlMs + 100);
    expect(a.lease('linker').held).toBe(false);
    expect(await b.lease('linker').claim()).toBe(true);
    expect(await a.lease('linker').claim()).toBe(false);
  });

  test('a fenced transaction of a process that lost its lease commits nothing', async () => {
    expect(await a.lease('fenced').claim()).toBe(true);
    await sleep(TIMING.ttlMs + 100);
    expect(await b.lease('fenced').claim()).toBe(true);
    // a still believes nothing; its claim fails, so it cannot link
    await expect(a.leasedTransaction('fenced', async (m) => m.query("UPDATE job_lease SET done_key = 'by-a' WHERE name = 'fenced'"))).rejects.toBeInstanceOf(LeaseLostError);
    // and b's fence holds while a's in-flight fence (had it claimed before) would not
    await expect(a.lease('fenced').fence(a.manager)).rejects.toBeInstanceOf(LeaseLostError);
    await b.leasedTransaction('fenced', async (m) => m.query("UPDATE job_lease SET done_key = 'by-b' WHERE name = 'fenced'"));
    const [row] = await a.manager.query("SELECT done_key AS doneKey FROM job_lease WHERE name = 'fenced'");
    expect(row.doneKey).toBe('by-b');
  });

  test('a background holder renews; stop releases so a peer takes over at once', async () => {
    const lease = a.lease('standing');
    lease.start();
    await sleep(50);
    expect(lease.held).toBe(true);
    await sleep(TIMING.ttlMs * 2);
    expect(lease.held).toBe(true);
    expect(await b.lease('standing').claim()).toBe(false);
    await lease.stop();
    expect(await b.lease('standing').claim()).toBe(true);
  });

  test('runExclusive with onceFor runs a job once per period across processes', async () => {
    const runs: string[] = [];
    const job = (who: string) => async () => {
      runs.push(who);
      return who;
    };
    expect(await a.runExclusive('daily', job('a'), { onceFor: '2027-03-01' })).toEqual({ ran: true, result: 'a' });
    expect(await b.runExclusive('daily', job('b'), { onceFor: '2027-03-01' })).toEqual({ ran: false, reason: 'done' });
    expect(await b.runExclusive('daily', job('b'), { onceFor: '2027-03-02' })).toEqual({ ran: true, result: 'b' });
    expect(runs).toEqual(['a', 'b']);
    // released after each run: the other process may claim at once
    expect(await a.lease('daily').claim()).toBe(true);
  });
});

describe.each(databaseKinds().filter((k) => k === 'mysql'))('retried transactions on %s', (kind) => {
  let database: TestDatabase;
  let a: Database;
  let b: Database;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await runMigrations(database.url, entities, migrations);
    a = await openDatabase(database.url, entities, TIMING);
    b = await openDatabase(database.url, entities, TIMING);
    await a.manager.query("INSERT INTO job_lease (name, holder, expires_at) VALUES ('x', '', 0), ('y', '', 0)");
  });
  afterAll(async () => {
    await a?.source.destroy();
    await b?.source.destroy();
    await database?.drop();
  });

  test('a deadlock victim is run again as a whole and both transactions commit', async () => {
    const retriesBefore = (await transactionMetrics.retries.get()).values[0]?.value ?? 0;
    const attempts = { a: 0, b: 0 };
    let release!: () => void;
    const bothLocked = new Promise<void>((resolve) => (release = resolve));
    let locked = 0;
    const crossing = (db: Database, who: 'a' | 'b', first: string, second: string) =>
      db.transaction(async (m) => {
        attempts[who]++;
        await m.query('UPDATE job_lease SET holder = ? WHERE name = ?', [who, first]);
        if (attempts[who] === 1) {
          if (++locked === 2) release();
          await bothLocked;
        }
        await m.query('UPDATE job_lease SET holder = ? WHERE name = ?', [who, second]);
      });
    await Promise.all([crossing(a, 'a', 'x', 'y'), crossing(b, 'b', 'y', 'x')]);
    expect(attempts.a + attempts.b).toBe(3); // InnoDB chose one victim; it ran twice
    const rows = await a.manager.query("SELECT holder FROM job_lease WHERE name IN ('x', 'y')");
    expect(new Set(rows.map((r: { holder: string }) => r.holder)).size).toBe(1); // the later transaction wrote both
    expect((await transactionMetrics.retries.get()).values[0]!.value).toBe(retriesBefore + 1);
  });

  test('still conflicting after every attempt: the error is a retryable CONFLICT, never INTERNAL_SERVER_ERROR', async () => {
    let attempts = 0;
    const error = await a
      .transaction(async (m) => {
        attempts++;
        await m.query("SIGNAL SQLSTATE '40001' SET MYSQL_ERRNO = 1213, MESSAGE_TEXT = 'Deadlock found when trying to get lock'");
      })
      .catch((e: unknown) => e);
    expect(attempts).toBe(TRANSACTION_ATTEMPTS);
    expect(isRetryableConflict(error)).toBe(true);
    expect(formatError({ message: 'x' }, error)).toMatchObject({ extensions: { code: 'CONFLICT', rule: 'CONCURRENT_CHANGE', retryable: true } });
  });

  test('a node that is not ready (1047) is unavailable, answered like a lost connection', async () => {
    const error = await a.manager
      .query("SIGNAL SQLSTATE '08S01' SET MYSQL_ERRNO = 1047, MESSAGE_TEXT = 'WSREP has not yet prepared node for application use'")
      .catch((e: unknown) => e);
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isRetryableConflict(error)).toBe(false);
    expect(formatError({ message: 'x' }, error)).toMatchObject({ message: 'The database is unavailable; try again shortly' });
  });
});
