import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import mysql from 'mysql2/promise';
import { recordFigures } from '../support/figures';
import { gql, MAIN, readTargets, runLoad, signIn, spawnServer, summary, verify, waitFor, type Sent, type ServerProcess } from '../resilience/support';
import { GaleraCluster } from './galera';

/**
 * Mamori on a three-node MariaDB Galera cluster (multi-primary): two server
 * processes, each on its own node, under a read-and-write load, then a kill -9
 * of the node under the process that holds the chain's lease, and its restart.
 */

const DATABASE = 'mamori_cluster';
const UNAVAILABLE = 'The database is unavailable; try again shortly';

interface Update {
  requestId: string;
  server: number;
  phase: string;
  status: number;
  code: string | null;
  retryable: boolean;
  retryAfter: string | null;
  message: string | null;
  ms: number;
}

/** Updates of one subject's phone through every server in turn: concurrent writes of one row through different nodes. */
async function runUpdates(urls: string[], token: string, subjectId: string, count: number, workers: number, phase: () => string, out: Update[], stop?: () => boolean) {
  let next = 0;
  const worker = async () => {
    while (next < count && !stop?.()) {
      const n = next++;
      const server = n % urls.length;
      const requestId = `upd-${n}-${randomBytes(4).toString('hex')}`;
      const entry: Update = { requestId, server, phase: phase(), status: 0, code: null, retryable: false, retryAfter: null, message: null, ms: 0 };
      const started = performance.now();
      try {
        const res = await gql(urls[server]!, 'mutation($id: ID!, $p: String) { updateDataSubject(id: $id, phone: $p) { id phone } }', { id: subjectId, p: `03-${String(1000 + (n % 9000))}-${String(n).padStart(4, '0').slice(-4)}` }, token, requestId);
        const error = res.json.errors?.[0] as { message: string; extensions?: { code?: string; retryable?: boolean } } | undefined;
        Object.assign(entry, { status: res.status, code: error?.extensions?.code ?? null, retryable: error?.extensions?.retryable === true, retryAfter: res.headers.get('retry-after'), message: error?.message ?? null });
      } catch (error) {
        entry.message = (error as Error).message;
      }
      entry.ms = Math.round(performance.now() - started);
      out.push(entry);
    }
  };
  await Promise.all(Array.from({ length: workers }, () => worker()));
}

/** Sum of a counter over every server's /metrics. */
async function counter(servers: ServerProcess[], name: string): Promise<number> {
  let total = 0;
  for (const s of servers) {
    const text = await (await fetch(`${s.url}/metrics`)).text();
    total += Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
  }
  return total;
}

/** Responses that are neither a success nor one of the two answers a cluster may give: 503 unavailable, CONFLICT retryable. */
const unexpected = (log: Sent[]) =>
  log.filter((s) => !s.ok && !(s.status === 503 && /unavailable|could not be written/.test(s.message ?? '')) && !(s.code === 'CONFLICT' && /"retryable":true/.test(s.body)));

describe('Mamori on a three-node Galera cluster', () => {
  const cluster = new GaleraCluster();
  const servers: ServerProcess[] = [];
  const log: Sent[] = [];
  const updates: Update[] = [];
  const tag = `gal${Date.now().toString(36)}`;
  let token = '';
  let targets: { subjectIds: string[]; caseIds: string[] };
  let clusterFormedMs = 0;
  const figures: Record<string, unknown> = {};

  beforeAll(async () => {
    const started = Date.now();
    await cluster.start();
    clusterFormedMs = Date.now() - started;
    const admin = await mysql.createConnection({ host: '127.0.0.1', port: cluster.nodes[0]!.port, user: 'root' });
    await admin.query(`CREATE DATABASE ${DATABASE} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    // as a deployment of several processes: one checkpoint signing key and one witness directory for all
    const key = execFileSync(process.execPath, [join(MAIN, '../cli/audit-key.js'), 'cluster.mamori.test/audit']).toString();
    const shared = { AUDIT_SIGNING_KEY: /^AUDIT_SIGNING_KEY=(\S+)$/m.exec(key)![1]!, DATA_DIR: join(cluster.dir, 'mamori-data') };
    mkdirSync(shared.DATA_DIR);
    // the first migrates and seeds through node 1; the second starts on node 2
    servers.push(await spawnServer({ DATABASE_URL: cluster.url(0, DATABASE), ...shared }, 120_000));
    servers.push(await spawnServer({ DATABASE_URL: cluster.url(1, DATABASE), ...shared }, 120_000));
    token = await signIn(servers[0]!.url);
    targets = await readTargets(servers[0]!.url, token);
  }, 300_000);

  afterAll(async () => {
    for (const s of servers) await s.kill('SIGTERM');
    await cluster.stop();
  }, 120_000);

  test('concurrent writes of one row through two nodes: retried, or CONFLICT retryable; never INTERNAL_SERVER_ERROR', async () => {
    const urls = servers.map((s) => s.url);
    const subjectId = targets.subjectIds[0]!;
    const retriesBefore = await counter(servers, 'mamori_transaction_retries_total');
    await Promise.all([
      runLoad({ urls, token, ...targets, tag, workers: 4, maxRequests: 1000, phase: () => 'contention' }, log),
      runUpdates(urls, token, subjectId, 100, 8, () => 'contention', updates),
    ]);
    const retried = (await counter(servers, 'mamori_transaction_retries_total')) - retriesBefore;
    const answeredConflict = updates.filter((u) => u.code === 'CONFLICT' && u.retryable);
    expect(updates.filter((u) => u.status !== 200 || (u.code && !(u.code === 'CONFLICT' && u.retryable)))).toEqual([]);
    expect(unexpected(log.filter((s) => s.phase === 'contention'))).toEqual([]);
    // the writes did collide (Galera's certification), and the collisions were retried
    expect(retried).toBeGreaterThan(0);
    expect(updates.filter((u) => !u.code).length).toBeGreaterThan(90);
    Object.assign(figures, { contention: { updates: updates.length, updatesOk: updates.filter((u) => !u.code).length, conflictsRetried: retried, answeredConflictRetryable: answeredConflict.length, requests: log.length } });
  });

  test('kill -9 of the lease holder\'s node under load: the lease moves, requests fail as 503 or succeed, the node rejoins, its server recovers without restart', async () => {
    const urls = servers.map((s) => s.url);
    const direct = await mysql.createConnection({ host: '127.0.0.1', port: cluster.nodes[2]!.port, user: 'root', database: DATABASE });
    const holderOf = async () => {
      const [[row]] = (await direct.query("SELECT holder FROM job_lease WHERE name = 'mamori_audit_chain'")) as any;
      return servers.findIndex((s) => String(row?.holder ?? '').split(':')[1] === String(s.child.pid));
    };
    const holder = await holderOf();
    expect(holder).toBeGreaterThanOrEqual(0);
    const survivor = 1 - holder;
    let phase = 'before';
    let done = false;
    const loadLog: Sent[] = [];
    const load = Promise.all([
      runLoad({ urls, token, ...targets, tag, workers: 6, maxRequests: 100_000, phase: () => phase, stop: () => done, pauseMs: 5 }, loadLog),
      runUpdates(urls, token, targets.subjectIds[1]!, 100_000, 2, () => phase, updates, () => done),
    ]);
    await new Promise((r) => setTimeout(r, 4000));

    phase = 'outage';
    const killedAt = Date.now();
    await cluster.kill(holder);
    const leaseMovedMs = await waitFor(async () => (await holderOf()) === survivor, 30_000, 100);
    await new Promise((r) => setTimeout(r, Math.max(0, 8000 - (Date.now() - killedAt))));

    // the node rejoins (a full state transfer after kill -9); its server's /healthz says ready only once it can serve
    phase = 'rejoin';
    const restartedAt = Date.now();
    const probes: Array<{ at: number; health: number; readOk: boolean | null; retryAfter: string | null }> = [];
    let probing = true;
    const probe = (async () => {
      while (probing) {
        const health = await fetch(`${urls[holder]}/healthz`).catch(() => null);
        const entry = { at: Date.now() - restartedAt, health: health?.status ?? 0, readOk: null as boolean | null, retryAfter: health?.headers.get('retry-after') ?? null };
        if (entry.health === 200) {
          const read = await gql(urls[holder]!, 'query($id: ID!) { DataSubject(id: $id) { id fullName } }', { id: targets.subjectIds[2] }, token).catch(() => null);
          entry.readOk = read?.status === 200 && !read.json.errors;
        }
        probes.push(entry);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const rejoinMs = await cluster.startNode(holder, false, 120_000);
    const recoveredMs = await waitFor(async () => probes.some((p) => p.readOk), 30_000, 100);
    phase = 'after';
    await new Promise((r) => setTimeout(r, 3000));
    probing = false;
    done = true;
    await Promise.all([load, probe]);
    await direct.end();

    // a ready /healthz was never a lie, and an unready one said when to come back
    expect(probes.filter((p) => p.health === 200 && p.readOk === false)).toEqual([]);
    expect(probes.filter((p) => p.health !== 200 && p.health !== 0 && p.retryAfter === null)).toEqual([]);
    expect(probes.some((p) => p.health === 503)).toBe(true);
    // every answer a success, a 503 unavailable (with Retry-After), or a retryable CONFLICT
    expect(unexpected(loadLog)).toEqual([]);
    expect(loadLog.filter((s) => s.status === 0)).toEqual([]);
    const failedUpdates = updates.filter((u) => u.phase !== 'contention' && u.code);
    expect(failedUpdates.filter((u) => !(u.status === 503 && u.message === UNAVAILABLE && u.retryAfter) && !(u.code === 'CONFLICT' && u.retryable))).toEqual([]);
    // the surviving server kept serving; the other came back without a restart
    expect(loadLog.filter((s) => s.phase === 'outage' && s.ok).length).toBeGreaterThan(0);
    expect(loadLog.filter((s) => s.phase === 'after' && !s.ok)).toEqual([]);
    expect(servers.every((s) => s.child.exitCode === null)).toBe(true);
    expect(leaseMovedMs).toBeLessThan(15_000);
    log.push(...loadLog);

    const outage = loadLog.filter((s) => s.phase === 'outage' && s.ok);
    Object.assign(figures, {
      crash: {
        ...summary(loadLog),
        leaseMovedMs,
        rejoinMs,
        recoveredMs,
        longestOkMsDuringOutage: Math.max(0, ...outage.map((s) => s.ms)),
        unavailableAnswers: loadLog.filter((s) => s.status === 503).length + updates.filter((u) => u.status === 503).length,
        healthNotReadyMs: Math.max(0, ...probes.filter((p) => p.health !== 200).map((p) => p.at)),
        updates: updates.filter((u) => u.phase !== 'contention').length,
        updatesOk: updates.filter((u) => u.phase !== 'contention' && !u.code).length,
      },
    });
  });

  test('one chain without gap or fork, every personal-data response and every change matched by its entry, no linker error logged', async () => {
    const db = cluster.url(1, DATABASE);
    const verdict = await verify(servers[1]!.url, token, db, tag, log);
    expect(verdict.chain).toMatchObject({ ok: true, unlinked: 0, firstBrokenSeq: null });
    expect({ links: verdict.links, minSeq: verdict.minSeq, maxSeq: verdict.maxSeq }).toEqual({ links: verdict.entries, minSeq: 1, maxSeq: verdict.entries });
    expect(verdict.personalUnaudited).toEqual([]);
    expect(verdict.halfWritten).toEqual([]);
    expect(verdict.writtenTwice).toEqual([]);
    const fromOther = await gql(servers[0]!.url, '{ verifyAuditChain { ok unlinked firstBrokenSeq problems } }', {}, token);
    expect(fromOther.json.data?.verifyAuditChain).toEqual({ ok: true, unlinked: 0, firstBrokenSeq: null, problems: [] });

    // every acknowledged update has exactly one UPDATE entry of its request; a refused one none
    const c = await mysql.createConnection({ uri: db });
    const [rows] = (await c.query("SELECT request_id AS requestId, COUNT(*) AS n FROM audit_entry WHERE action = 'UPDATE' AND request_id LIKE 'upd-%' GROUP BY request_id")) as any;
    await c.end();
    const entries = new Map<string, number>(rows.map((r: { requestId: string; n: number }) => [r.requestId, Number(r.n)]));
    expect(updates.filter((u) => !u.code && u.status === 200 && entries.get(u.requestId) !== 1).map((u) => u.requestId)).toEqual([]);
    expect(updates.filter((u) => u.code === 'CONFLICT' && entries.has(u.requestId)).map((u) => u.requestId)).toEqual([]);
    expect([...entries.values()].filter((n) => n > 1)).toEqual([]);

    for (const s of servers) {
      expect(s.output()).not.toMatch(/audit chain linking failed/);
      expect(s.output()).not.toMatch(/"message":"unexpected error"/);
    }
    recordFigures('cluster', {
      nodes: cluster.nodes.length,
      processes: servers.length,
      clusterFormedMs,
      ...figures,
      chain: verdict.chain,
      entries: verdict.entries,
      personalResponsesMatched: verdict.personalResponses,
      updatesMatched: [...entries.values()].length,
    });
  });
});
