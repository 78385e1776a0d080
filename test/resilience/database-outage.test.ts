import { createTestDatabase, TEST_MYSQL_URL, type TestDatabase } from '../support/databases';
import { recordFigures } from '../support/figures';
import { gql, readTargets, runLoad, signIn, spawnServer, summary, TcpProxy, verify, waitFor, type Sent, type ServerProcess } from './support';

/**
 * The database cut away during load: the server reaches MariaDB through the
 * test's own TCP proxy, which drops every connection and refuses new ones for
 * a few seconds, then comes back. The shared MariaDB itself is never stopped.
 */

const OUTAGE_MS = 4000;

describe('a database outage during load (MariaDB through a proxy that is cut)', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let server: ServerProcess;
  const log: Sent[] = [];
  const tag = `outage${Date.now().toString(36)}`;

  beforeAll(async () => {
    db = await createTestDatabase('mysql');
    proxy = new TcpProxy(Number(new URL(TEST_MYSQL_URL).port || 3306));
    await proxy.start();
    const viaProxy = new URL(db.url);
    viaProxy.port = String(proxy.port);
    server = await spawnServer({ DATABASE_URL: viaProxy.toString() });
  });
  afterAll(async () => {
    const graceful = await server?.kill('SIGTERM');
    if (!graceful) console.log(`the server did not stop within 15 s of SIGTERM:\n${server.output().slice(-3000)}`);
    await proxy?.close();
    await db?.drop();
  });

  test('requests fail closed without personal data while it is away; the server recovers by itself; nothing is lost, doubled or half-written', async () => {
    const token = await signIn(server.url);
    const targets = await readTargets(server.url, token);
    let phase = 'before';
    let recoveredAfterMs = -1;
    let healthDuringOutage = 0;

    const load = runLoad({ urls: [server.url], token, ...targets, tag, workers: 4, maxRequests: 100_000, phase: () => phase, stop: () => phase === 'done', pauseMs: 5 }, log);

    await waitFor(async () => log.filter((s) => s.ok).length >= 150, 30_000);
    phase = 'outage';
    const cutAt = Date.now();
    await proxy.cut();
    await new Promise((r) => setTimeout(r, OUTAGE_MS / 2));
    healthDuringOutage = (await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(10_000) })).status;
    await new Promise((r) => setTimeout(r, Math.max(0, OUTAGE_MS - (Date.now() - cutAt))));
    phase = 'after';
    const restoredAt = Date.now();
    await proxy.restore();
    // recovered: a personal-data read succeeds again, with no restart
    recoveredAfterMs = await waitFor(async () => log.some((s) => s.phase === 'after' && s.ok && s.kind === 'read' && s.personal.size > 0 && Date.now() >= restoredAt), 30_000, 100);
    const afterCount = log.length;
    await waitFor(async () => log.length - afterCount >= 150, 30_000);
    phase = 'done';
    await load;

    // the same process served before and after: it was never restarted
    expect(server.child.exitCode).toBeNull();
    expect(healthDuringOutage).toBe(503);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    const during = log.filter((s) => s.phase === 'outage');
    const failedDuring = during.filter((s) => !s.ok);
    expect(failedDuring.length).toBeGreaterThan(10);
    for (const s of failedDuring) {
      // fail closed: an error, no data, a message that says what happened and no internals
      expect({ id: s.requestId, status: s.status, personal: s.personal.size }).toEqual({ id: s.requestId, status: s.status, personal: 0 });
      expect(s.status).not.toBe(0); // the server answered
      expect(s.body).not.toMatch(/ECONNREFUSED|PROTOCOL_CONNECTION_LOST|mysql|SELECT|INSERT|\bat \/|\.ts:\d/i);
      expect(s.message).toMatch(/unavailable|could not be written|try again/i);
      expect(JSON.parse(s.body).data ?? null).toBeNull();
      // an unreachable database (or audit log) is a 503 that tells clients and load balancers to retry
      expect({ id: s.requestId, status: s.status }).toEqual({ id: s.requestId, status: 503 });
    }

    // the server's log says what failed and for which request, by name only
    const sent = new Set(log.map((s) => s.requestId));
    const failures = server
      .output()
      .split('\n')
      .filter((line) => /"message":"(database unavailable|audit write failed; response withheld)"/.test(line))
      .map((line) => JSON.parse(line) as { requestId?: string });
    expect(failures.length).toBeGreaterThan(0);
    for (const line of failures) expect(sent.has(line.requestId ?? '')).toBe(true);

    const verdict = await verify(server.url, token, db.url, tag, log);
    expect(verdict.chain).toMatchObject({ ok: true, unlinked: 0, firstBrokenSeq: null });
    expect({ links: verdict.links, minSeq: verdict.minSeq, maxSeq: verdict.maxSeq }).toEqual({ links: verdict.entries, minSeq: 1, maxSeq: verdict.entries });
    expect(verdict.personalUnaudited).toEqual([]);
    expect(verdict.halfWritten).toEqual([]);
    expect(verdict.writtenTwice).toEqual([]);

    const codes: Record<string, number> = {};
    for (const s of failedDuring) {
      const key = `HTTP ${s.status} ${s.code}: ${s.message}`;
      codes[key] = (codes[key] ?? 0) + 1;
    }
    recordFigures('database-outage', {
      outageMs: OUTAGE_MS,
      recoveredAfterMs,
      ...summary(log),
      duringOutage: { sent: during.length, failedClosed: failedDuring.length, servedBeforeTheCut: during.length - failedDuring.length, codes },
      proxyConnections: proxy.connections,
      chain: verdict.chain,
      entries: verdict.entries,
      personalResponsesMatched: verdict.personalResponses,
      createsAcknowledged: verdict.createsAcknowledged,
      rowsCreated: verdict.rowsCreated,
    });
  });
});
