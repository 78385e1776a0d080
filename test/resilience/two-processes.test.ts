import { createTestDatabase, type TestDatabase } from '../support/databases';
import { recordFigures } from '../support/figures';
import { readTargets, runLoad, signIn, spawnServer, summary, verify, type Sent, type ServerProcess } from './support';

/** Two server processes on one MariaDB database under one load: one chain, no fork, no gap, every response audited. */
describe('two server processes writing to one MariaDB', () => {
  let db: TestDatabase;
  const servers: ServerProcess[] = [];
  const log: Sent[] = [];
  const tag = `twin${Date.now().toString(36)}`;

  beforeAll(async () => {
    db = await createTestDatabase('mysql');
    // the first migrates and seeds; the second starts on the ready database
    servers.push(await spawnServer({ DATABASE_URL: db.url }));
    servers.push(await spawnServer({ DATABASE_URL: db.url }));
  });
  afterAll(async () => {
    for (const s of servers) await s.kill('SIGTERM');
    await db?.drop();
  });

  test('one unbroken chain holds every entry of both, and every personal-data response has its entry', async () => {
    const token = await signIn(servers[0]!.url);
    const targets = await readTargets(servers[0]!.url, token);
    const started = Date.now();
    await runLoad({ urls: servers.map((s) => s.url), token, ...targets, tag, workers: 8, maxRequests: 1200, phase: () => 'load' }, log);
    const seconds = (Date.now() - started) / 1000;
    expect(log.filter((s) => s.ok).length).toBe(1200);

    const verdict = await verify(servers[1]!.url, token, db.url, tag, log);
    expect(verdict.chain).toMatchObject({ ok: true, unlinked: 0, firstBrokenSeq: null });
    expect({ links: verdict.links, minSeq: verdict.minSeq, maxSeq: verdict.maxSeq }).toEqual({ links: verdict.entries, minSeq: 1, maxSeq: verdict.entries });
    expect(verdict.personalUnaudited).toEqual([]);
    expect(verdict.halfWritten).toEqual([]);
    expect(verdict.writtenTwice).toEqual([]);
    expect(verdict.createsAcknowledged).toBe(log.filter((s) => s.kind === 'create').length);
    recordFigures('two-processes', {
      processes: servers.length,
      ...summary(log),
      requestsPerSecond: Math.round(log.length / seconds),
      chain: verdict.chain,
      entries: verdict.entries,
      personalResponsesMatched: verdict.personalResponses,
      createsAcknowledged: verdict.createsAcknowledged,
    });
  });
});
