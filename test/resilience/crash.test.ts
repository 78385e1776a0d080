import { createTestDatabase, type TestDatabase } from '../support/databases';
import { recordFigures } from '../support/figures';
import { gql, readTargets, runLoad, signIn, spawnServer, summary, verify, waitFor, type Sent, type ServerProcess } from './support';

/**
 * kill -9 in the middle of a read-and-write load, then a restart on the same
 * MariaDB database: the chain verifies with no sequence number missing, every
 * personal-data response the client received has its entry, and every
 * creation is whole or absent.
 */
describe('a crash (kill -9) during load on MariaDB', () => {
  let db: TestDatabase;
  let first: ServerProcess;
  let second: ServerProcess | undefined;
  const log: Sent[] = [];
  const tag = `crash${Date.now().toString(36)}`;

  beforeAll(async () => {
    db = await createTestDatabase('mysql');
    first = await spawnServer({ DATABASE_URL: db.url });
  });
  afterAll(async () => {
    await first?.kill('SIGKILL');
    await second?.kill('SIGTERM');
    await db?.drop();
  });

  test('after the restart the chain is whole and every personal-data response the client got is in the audit log', async () => {
    const token = await signIn(first.url);
    const targets = await readTargets(first.url, token);
    let phase = 'before';
    let killed = false;
    const load = runLoad({ urls: [first.url], token, ...targets, tag, workers: 8, maxRequests: 5000, phase: () => phase, stop: () => killed }, log);
    // kill in the thick of it: after 400 answers, with requests in flight
    await waitFor(async () => log.filter((s) => s.status > 0).length >= 400, 60_000, 5);
    phase = 'in flight at the kill';
    first.child.kill('SIGKILL');
    await first.exited;
    killed = true;
    await load;
    expect(first.child.signalCode).toBe('SIGKILL');

    const restartStarted = Date.now();
    second = await spawnServer({ DATABASE_URL: db.url });
    const restartMs = Date.now() - restartStarted;
    // the old token still works: the sessions survive a crash, the chain picks up where it was
    phase = 'after the restart';
    await runLoad({ urls: [second.url], token, ...targets, tag, workers: 4, maxRequests: 200, phase: () => phase }, log);
    expect(log.filter((s) => s.phase === 'after the restart' && s.ok).length).toBe(200);

    const verdict = await verify(second.url, token, db.url, tag, log);
    expect(verdict.chain).toMatchObject({ ok: true, unlinked: 0, firstBrokenSeq: null });
    expect({ links: verdict.links, minSeq: verdict.minSeq, maxSeq: verdict.maxSeq }).toEqual({ links: verdict.entries, minSeq: 1, maxSeq: verdict.entries });
    expect(verdict.personalResponses).toBeGreaterThan(300);
    expect(verdict.personalUnaudited).toEqual([]);
    expect(verdict.halfWritten).toEqual([]);
    expect(verdict.writtenTwice).toEqual([]);
    const lost = log.filter((s) => s.status === 0);
    expect(lost.length).toBeGreaterThan(0); // the kill really caught requests in flight

    const stats = await gql(second.url, '{ auditHead { seq } }', {}, token);
    recordFigures('crash', {
      ...summary(log),
      inFlightAtKill: lost.length,
      restartMs,
      chain: verdict.chain,
      headSeq: stats.json.data?.auditHead.seq,
      entries: verdict.entries,
      personalResponsesMatched: verdict.personalResponses,
      createsAcknowledged: verdict.createsAcknowledged,
      rowsCreated: verdict.rowsCreated,
      createEntries: verdict.createEntries,
    });
  });
});
