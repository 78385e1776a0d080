'use strict';
/**
 * `npm run bench`: the cost of auditing, measured on the real server, and the
 * cost of Mamori against the plain stack a team would otherwise write.
 *
 * For each database (SQLite file, MariaDB/MySQL) it makes a fresh database,
 * starts the built server in a child process, seeds 10,000 subjects and
 * 100,000 chained audit entries, and drives it over loopback with autocannon
 * at 1, 8, 32 and 64 connections. Every audited scenario is paired with its
 * unaudited baseline from the same run and reported as a ratio, and each
 * scenario is also run against the plain-stack reference (bench/plain: the same
 * libraries, table and rows, a static token, no audit, no limits, no
 * need-to-know) on the same database, interleaved, with the same request bodies:
 *   1. DataSubject(id), non-personal fields only (baseline, no audit)
 *   2. DataSubject(id) with personal fields (one READ entry per request)
 *   3. allDataSubjects(perPage: 100) with personal fields (100 entries) vs. without
 *   4. updateDataSubject (change + entry in one transaction) vs. the same transaction without the entry
 *   5. verifyAuditChain over 200,000 seeded entries (linked by the server's own linker) vs. raw SHA-256 over the same bytes
 *   6. fail-closed count: personal-data records received vs. READ entries written
 * On MySQL it also runs the audited read on two server processes sharing one database.
 * The verifiable audit log (tree, largelog):
 *   7. the sequencer at peak ingest: the audited list at 32 connections (entries written per second, the backlog the
 *      linker has when it stops, the time to catch up), and the linker's rate with the Merkle tree against the linear chain alone
 *   8. a 1,000,000-entry log seeded in bulk as the linker would have linked it: full verification (which must pass)
 *      against raw SHA-256 of the same leaf bytes on as many threads as verification uses and on one, incremental
 *      verification of the next 10,000 entries, and inclusion and consistency proof latency over HTTP
 *
 * Knobs: BENCH_SECONDS (default 5), BENCH_DATABASES (default sqlite,mysql),
 * BENCH_CONNECTIONS (default 1,8,32,64), BENCH_CHAIN (default 200000: linking and verifying the Merkle tree take minutes per million on two shared cores),
 * BENCH_QUICK=1 (2 s, 1 and 32 connections, two repeats at 32 instead of three, a 100,000-entry chain, a 200,000-entry large log), BENCH_ONLY (a subset of
 * single,list,update,failclosed,link,two,verify,tree,largelog; the results of a subset are merged into the previous latest.json),
 * BENCH_LARGE_LOG (default 1000000),
 * BENCH_MYSQL_URL (default mysql://root@127.0.0.1:3306), BENCH_OUT (default bench/results); AUDIT_VERIFY_THREADS is handed to the
 * benchmarked server (full verification's threads; by default one per core).
 */
const { fork } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const autocannon = require('autocannon');
const mysql = require('mysql2/promise');
const { markdownSummary } = require('./report');
const { topSelfTime } = require('./profile-summary');

const QUICK = process.env.BENCH_QUICK === '1';
const SECONDS = Number(process.env.BENCH_SECONDS ?? (QUICK ? 2 : 5));
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? (QUICK ? '1,32' : '1,8,32,64')).split(',').map(Number);
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,mysql').split(',').map((s) => s.trim()).filter(Boolean);
const CHAIN = Number(process.env.BENCH_CHAIN ?? (QUICK ? 100_000 : 200_000));
const MYSQL_URL = process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const OUT = process.env.BENCH_OUT ?? path.join(__dirname, 'results');
/** Development runs: a subset of single,list,update,failclosed,link,two,verify. */
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
const wanted = (key) => !ONLY || ONLY.has(key);
const LARGE_LOG = Number(process.env.BENCH_LARGE_LOG ?? (QUICK ? 200_000 : 1_000_000));
/** New entries per incremental verification, and how many times it is timed. */
const INCREMENT = 10_000;
const INCREMENTAL_ROUNDS = 3;
/** Timed full verifications of the large log (after one that starts the threads), each beside raw hashing. */
const FULL_ROUNDS = 3;
/** Entries per timed linking run with and without the tree, and the runs of each. */
const TREE_LINK_ENTRIES = QUICK ? 10_000 : 20_000;
const TREE_LINK_ROUNDS = 2;
const SUBJECTS = 10_000;
/** Entries committed unlinked at once to time the chain's single sequencer. */
const LINK_RATE_ENTRIES = 50_000;
const SEEDED_ENTRIES = 100_000;
const PER_PAGE = 100;
/** Fixed-size run for the fail-closed count: every request completes, so the count is exact. */
const FAIL_CLOSED_REQUESTS = QUICK ? 600 : 3000;
/** Interleaved repeats of each scenario's set at the targets' 32 connections. */
const REPEATS_AT_32 = QUICK ? 2 : 3;
const MANAGER = 'manager@mamori.example';

const NON_PERSONAL = 'id category restricted createdAt updatedAt';
const PERSONAL = 'fullName fullNameKana postalCode postalAddress phone email company division title';

const log = (...args) => console.log(...args);

// ---------------------------------------------------------------- databases

async function createDatabase(kind) {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mamori-bench-'));
    const url = `sqlite:${path.join(dir, 'bench.sqlite')}`;
    return { kind, url, drop: async () => [dir, dataDirOf(url)].forEach((d) => rmSync(d, { recursive: true, force: true })) };
  }
  const name = `mamori_bench_${randomBytes(5).toString('hex')}`;
  const admin = await mysql.createConnection({ uri: `${MYSQL_URL}/mysql` });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  return {
    kind,
    url: `${MYSQL_URL}/${name}`,
    drop: async () => {
      const c = await mysql.createConnection({ uri: `${MYSQL_URL}/mysql` });
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
      rmSync(dataDirOf(`${MYSQL_URL}/${name}`), { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------- server processes

/** One data directory (checkpoint signing key, witness) per benchmarked database, so runs never share a witness. */
const dataDirOf = (url) => path.join(os.tmpdir(), `mamori-bench-data-${url.replace(/[^A-Za-z0-9]+/g, '_').slice(-60)}`);

/** Starts bench/server.js (or another server speaking its IPC protocol) on `url`; resolves once it listens. */
function startServer(url, extraArgs = [], script = path.join(__dirname, 'server.js'), env = {}) {
  return new Promise((resolve, reject) => {
    const child = fork(script, [], {
      // Libraries run as deployed (NODE_ENV=production: graphql-js and express drop development checks);
      // the application's own settings stay those of a demo instance (bench/server.js), so demo accounts exist.
      env: { ...process.env, ...env, BENCH_DATABASE_URL: url, BENCH_DATA_DIR: dataDirOf(url), NODE_ENV: 'production', LOG_LEVEL: 'error' },
      execArgv: [...extraArgs],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let nextId = 1;
    const pending = new Map();
    child.on('message', (msg) => {
      if (msg.ready) {
        resolve({
          port: msg.port,
          url: `http://127.0.0.1:${msg.port}`,
          call(cmd, args) {
            const id = nextId++;
            return new Promise((res, rej) => {
              pending.set(id, { res, rej });
              child.send({ id, cmd, args });
            });
          },
          async close() {
            const exited = new Promise((r) => child.once('exit', r));
            await this.call('close').catch(() => undefined);
            await exited;
          },
        });
        return;
      }
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if (msg.error) p.rej(new Error(msg.error));
      else p.res(msg.result);
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

async function scrapeAudit(server) {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const value = (name) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
  return { entries: value('mamori_audit_entries_total'), commits: value('mamori_audit_commits_total') };
}

async function gql(server, token, query, variables) {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const json = await res.json();
  if (json.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(json.errors).slice(0, 300)}`);
  return json.data;
}

// ---------------------------------------------------------------- load

const randomInt = (n) => Math.floor(Math.random() * n);

/** Counts the personal-data records in a response body: one `"fullName":` per subject returned. */
function personalRecords(body) {
  let count = 0;
  for (let at = body.indexOf('"fullName":'); at !== -1; at = body.indexOf('"fullName":', at + 1)) count++;
  return count;
}

/**
 * Runs one load: `connections` clients for `seconds` (or `amount` requests),
 * each request's body from `makeBody()`. Responses carrying GraphQL errors are
 * counted as errors; `received` counts the personal-data records delivered.
 */
async function load(targets, token, makeBody, options) {
  const cpuBefore = await Promise.all(targets.map((t) => t.call('cpu')));
  const result = await drive(targets, token, makeBody, options);
  if (options.settle) await options.settle();
  const cpuAfter = await Promise.all(targets.map((t) => t.call('cpu')));
  const cpuMicros = cpuAfter.reduce((n, after, i) => n + after - cpuBefore[i], 0);
  result.serverCpuMsPerRequest = result.requests ? cpuMicros / 1000 / result.requests : null;
  return result;
}

function drive(targets, token, makeBody, { connections, seconds, amount }) {
  const split = targets.length;
  const runs = targets.map(
    (target, i) =>
      new Promise((resolve, reject) => {
        const tally = { graphqlErrors: 0, received: 0 };
        const perTarget = amount ? Math.round(amount / split) : Infinity;
        const share = Math.min(perTarget, Math.max(1, Math.floor(connections / split) + (i < connections % split ? 1 : 0)));
        const instance = autocannon(
          {
            url: `${target.url}/graphql`,
            connections: share,
            ...(amount ? { amount: perTarget } : { duration: seconds }),
            timeout: 30,
            requests: [
              {
                method: 'POST',
                headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
                setupRequest: (req) => ({ ...req, body: makeBody() }),
                onResponse: (status, body) => {
                  if (status !== 200 || body.includes('"errors"')) tally.graphqlErrors++;
                  tally.received += personalRecords(body);
                },
              },
            ],
          },
          (error, result) => (error ? reject(error) : resolve({ result, tally })),
        );
        autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
      }),
  );
  return Promise.all(runs).then((all) => {
    const total = all.reduce((n, r) => n + r.result.requests.total, 0);
    const duration = Math.max(...all.map((r) => r.result.duration));
    // Latency percentiles of the busier instance (one instance unless two processes are compared).
    const main = all.reduce((a, b) => (a.result.requests.total >= b.result.requests.total ? a : b)).result;
    return {
      connections,
      requests: total,
      seconds: duration,
      rps: total / duration,
      p50: main.latency.p50,
      p99: main.latency.p99,
      errors: all.reduce((n, r) => n + r.result.errors + r.result.timeouts + r.tally.graphqlErrors + r.result.non2xx, 0),
      received: all.reduce((n, r) => n + r.tally.received, 0),
    };
  });
}

// ---------------------------------------------------------------- scenarios

function scenarios(subjectRange) {
  const span = subjectRange.last - subjectRange.first + 1;
  const anySubject = () => subjectRange.first + randomInt(span);
  const single = (fields) => () =>
    JSON.stringify({ query: `query($id: ID!) { DataSubject(id: $id) { ${fields} } }`, variables: { id: String(anySubject()) } });
  const list = (fields) => () =>
    JSON.stringify({
      query: `query($page: Int) { allDataSubjects(page: $page, perPage: ${PER_PAGE}, sortField: "id") { ${fields} } }`,
      variables: { page: randomInt(Math.floor(span / PER_PAGE)) },
    });
  const update = () => () =>
    JSON.stringify({
      query: 'mutation($id: ID!, $phone: String) { updateDataSubject(id: $id, phone: $phone) { id phone } }',
      variables: { id: String(anySubject()), phone: `03-${String(1000 + randomInt(9000))}-${String(1000 + randomInt(9000))}` },
    });
  return [
    { key: 'single', title: '1–2. DataSubject(id)', base: 'non-personal fields (no audit)', audited: 'personal fields (1 READ entry)', baseBody: single(NON_PERSONAL), auditedBody: single(`${NON_PERSONAL} ${PERSONAL}`), target: 0.7, plainTargets: { base: 0.9, audited: 0.8, p99: 1.5 } },
    { key: 'list', title: `3. allDataSubjects(perPage: ${PER_PAGE})`, base: 'non-personal fields (no audit)', audited: `personal fields (${PER_PAGE} READ entries)`, baseBody: list(NON_PERSONAL), auditedBody: list(`${NON_PERSONAL} ${PERSONAL}`), target: 0.5, plainTargets: { audited: 0.7 } },
    { key: 'update', title: '4. updateDataSubject(phone)', base: 'same transaction without the entry', audited: 'change + UPDATE entry in one transaction', baseBody: update(), auditedBody: update(), target: 0.85, toggleEntries: true, plainOnce: true, plainTargets: { audited: 0.75 } },
  ];
}

/** Runs of the same load added up: requests over time, CPU per request, latencies averaged. */
function combine(runs) {
  const requests = runs.reduce((n, r) => n + r.requests, 0);
  const mean = (f) => runs.reduce((n, r) => n + f(r), 0) / runs.length;
  return {
    connections: runs[0].connections,
    requests,
    rps: requests / runs.reduce((n, r) => n + r.seconds, 0),
    p50: Math.round(mean((r) => r.p50)),
    p99: Math.round(mean((r) => r.p99)),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    received: runs.reduce((n, r) => n + r.received, 0),
    serverCpuMsPerRequest: runs.reduce((n, r) => n + r.serverCpuMsPerRequest * r.requests, 0) / requests,
    runs: runs.length,
  };
}

/**
 * One scenario at one connection count: the plain stack answering the very
 * same request bodies, Mamori's unaudited baseline and Mamori's audited
 * scenario, one right after the other. At 32 connections (the targets') the
 * set is repeated, in reverse order every other time (plain, base, audited,
 * audited, base, plain, ...), so that a burst of other load on the machine or
 * a drift weighs less; the repeats are added up.
 */
async function runSet(server, token, plain, scenario, connections) {
  const opts = { connections, seconds: SECONDS };
  const repeats = connections === 32 ? REPEATS_AT_32 : 1;
  const samePlain = scenario.plainOnce === true;
  const runs = { plainBase: [], plain: [], base: [], audited: [] };
  let entries = 0;
  let commits = 0;
  const steps = {
    plainBase: async () => runs.plainBase.push(await load([plain.server], plain.token, scenario.baseBody, opts)),
    plain: async () => runs.plain.push(await load([plain.server], plain.token, scenario.auditedBody, opts)),
    base: async () => {
      if (scenario.toggleEntries) await server.call('skipChangeEntries', { on: true });
      runs.base.push(await load([server], token, scenario.baseBody, opts));
      if (scenario.toggleEntries) await server.call('skipChangeEntries', { on: false });
    },
    audited: async () => {
      const before = await scrapeAudit(server);
      // The chain linker's work for these entries is part of their cost: it is settled inside the measured CPU.
      runs.audited.push(await load([server], token, scenario.auditedBody, { ...opts, settle: () => server.call('linked') }));
      const after = await scrapeAudit(server);
      entries += after.entries - before.entries;
      commits += after.commits - before.commits;
    },
  };
  const order = samePlain ? ['plain', 'base', 'audited'] : ['plainBase', 'plain', 'base', 'audited'];
  for (let i = 0; i < repeats; i++) for (const step of i % 2 ? [...order].reverse() : order) await steps[step]();
  const plainAudited = combine(runs.plain);
  const plainBase = samePlain ? plainAudited : combine(runs.plainBase);
  const base = combine(runs.base);
  const audited = combine(runs.audited);
  audited.entriesPerCommit = commits > 0 ? entries / commits : scenario.toggleEntries ? 1 : null;
  const result = {
    connections,
    plainBase: samePlain ? null : plainBase,
    plain: plainAudited,
    base,
    audited,
    ratio: audited.rps / base.rps,
    cpuRatio: base.serverCpuMsPerRequest / audited.serverCpuMsPerRequest,
    baseToPlain: base.rps / plainBase.rps,
    baseToPlainCpu: plainBase.serverCpuMsPerRequest / base.serverCpuMsPerRequest,
    auditedToPlain: audited.rps / plainAudited.rps,
    auditedToPlainCpu: plainAudited.serverCpuMsPerRequest / audited.serverCpuMsPerRequest,
    p99ToPlain: plainAudited.p99 > 0 ? audited.p99 / plainAudited.p99 : null,
  };
  const cpu = (r) => r.serverCpuMsPerRequest.toFixed(2);
  const errors = [plainBase, plainAudited, base, audited].reduce((n, r) => n + r.errors, 0);
  log(
    `  ${scenario.key.padEnd(6)} c=${String(connections).padStart(2)}  plain ${samePlain ? '' : `${fmt(plainBase.rps)} / `}${fmt(plainAudited.rps)} req/s (${samePlain ? '' : `${cpu(plainBase)} / `}${cpu(plainAudited)} ms CPU) | ` +
      `base ${fmt(base.rps)} (${cpu(base)}) | audited ${fmt(audited.rps)} (${cpu(audited)}) p50 ${audited.p50} p99 ${audited.p99} vs plain ${plainAudited.p50} / ${plainAudited.p99} ms | ` +
      `to plain: base ${result.baseToPlain.toFixed(2)} audited ${result.auditedToPlain.toFixed(2)} | audited/base ${result.ratio.toFixed(2)}` +
      (audited.entriesPerCommit ? ` | ${audited.entriesPerCommit.toFixed(1)} entries/commit` : '') +
      (errors ? ` | ERRORS ${errors}` : ''),
  );
  return result;
}

/**
 * Where the plain stack reads: the same database on MySQL; on SQLite a copy of
 * the seeded file, since two processes writing one SQLite file refuse each
 * other's transactions (SQLITE_BUSY) when a run's last requests overlap the next.
 */
async function plainDatabaseUrl(server, db) {
  if (db.kind !== 'sqlite') return db.url;
  const file = db.url.slice('sqlite:'.length).replace(/\.sqlite$/, '-plain.sqlite');
  await server.call('sql', { query: `VACUUM INTO '${file}'` });
  return `sqlite:${file}`;
}

/** The plain-stack reference (bench/plain, built by `npm run bench`) on the same database, with its static token. */
async function startPlain(url) {
  const token = randomBytes(24).toString('hex');
  const server = await startServer(url, [], path.join(__dirname, 'plain', 'dist', 'server.js'), { BENCH_PLAIN_TOKEN: token });
  return { server, token };
}

const fmt = (n) => Math.round(n).toLocaleString('en-US').padStart(6);

async function readCount(server) {
  const [row] = await server.call('sql', { query: "SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'READ' AND entity_type = 'DataSubject'" });
  return Number(row.n);
}

/**
 * The READ count once the server is idle: a duration-bound load ends with
 * requests still in flight, whose entries commit after the load tool stopped
 * listening; they must not be counted against the next run.
 */
async function settledCount(server) {
  let last = -1;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = await readCount(server);
    if (now === last) return now;
    last = now;
  }
}

/** Scenario 6: a fixed number of audited requests (single reads and lists) at 32 connections; every one completes. */
async function failClosedCount(server, token, list, targets = [server]) {
  const before = await settledCount(server);
  const half = Math.round(FAIL_CLOSED_REQUESTS / 2);
  const single = await load(targets, token, list[0].auditedBody, { connections: 32, amount: half });
  const lists = await load(targets, token, list[1].auditedBody, { connections: 32, amount: Math.round(half / 10) });
  const after = await readCount(server);
  const received = single.received + lists.received;
  const written = after - before;
  const result = { requests: single.requests + lists.requests, received, readEntries: written, equal: received === written, errors: single.errors + lists.errors };
  log(`  fail-closed: ${received} personal-data records received, ${written} READ entries written → ${result.equal ? 'equal' : 'NOT EQUAL'}`);
  return result;
}

/** Runs `work` while the server's V8 profiler samples it; returns the top self time by package and function. */
async function profiled(server, name, work) {
  const dir = path.join(OUT, 'profiles');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.cpuprofile`);
  await server.call('profileStart');
  await work();
  await server.call('profileStop', { file });
  return topSelfTime(file);
}

async function verifyScenario(kind) {
  const db = await createDatabase(kind);
  const server = await startServer(db.url);
  try {
    const { token, id } = await server.call('token', { email: MANAGER });
    // The server's own verification after each checkpoint is held back: a timed request would wait for it first.
    await server.call('backgroundVerification', { on: false });
    let started = Date.now();
    const seeded = await server.call('seedChain', { count: CHAIN, actorId: id });
    await server.call('linked');
    log(`  seeded a valid chain of ${CHAIN.toLocaleString('en-US')} entries in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const raw = await server.call('rawHashRate', { count: CHAIN, actorId: id, first: seeded.first });
    const runs = [];
    for (let i = 0; i < 2; i++) {
      const cpuBefore = await server.call('cpu');
      started = process.hrtime.bigint();
      const { verifyAuditChain: v } = await gql(server, token, '{ verifyAuditChain { ok checked headSeq firstBrokenSeq } }');
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const cpuSeconds = ((await server.call('cpu')) - cpuBefore) / 1e6;
      if (!v.ok) throw new Error(`the seeded chain did not verify: ${JSON.stringify(v)}`);
      runs.push({ checked: v.checked, seconds, cpuSeconds, perSecond: v.checked / seconds });
    }
    const best = runs.reduce((a, b) => (a.perSecond >= b.perSecond ? a : b));
    // Where a verification's time goes: one more run under the sampling profiler (not timed).
    const profile = await profiled(server, `verify-${kind}`, () => gql(server, token, '{ verifyAuditChain { ok } }'));
    const result = {
      entries: best.checked,
      seconds: best.seconds,
      perSecond: best.perSecond,
      serverCpuSeconds: best.cpuSeconds,
      raw,
      ratio: best.perSecond / raw.perSecond,
      ratioToCreateHash: best.perSecond / raw.createHash.perSecond,
      target: 0.3,
      profile,
    };
    log(
      `  verify: ${best.checked.toLocaleString('en-US')} entries in ${best.seconds.toFixed(2)} s = ${fmt(best.perSecond)} entries/s (server CPU ${best.cpuSeconds.toFixed(2)} s); ` +
        `raw SHA-256 of the same bytes ${fmt(raw.perSecond)}/s one-shot (${raw.mbPerSecond.toFixed(0)} MB/s), ${fmt(raw.createHash.perSecond)}/s createHash → ratio ${result.ratio.toFixed(2)} (${result.ratioToCreateHash.toFixed(2)} to createHash)`,
    );
    return result;
  } finally {
    await server.close();
    await db.drop();
  }
}

/**
 * Scenario 7: does the single sequencer keep up with peak ingest, and what
 * does the Merkle tree cost it? Peak ingest is the audited 100-subject list
 * at 32 connections (the scenario that writes the most entries per second);
 * then the linker's own rate with and without the tree, same entries.
 */
async function treeScenario(server, token, list, actorId) {
  await server.call('linked');
  const before = await scrapeAudit(server);
  const ingest = await drive([server], token, list[1].auditedBody, { connections: 32, seconds: SECONDS });
  const after = await scrapeAudit(server);
  const [{ backlog }] = await server.call('sql', { query: 'SELECT (SELECT COUNT(*) FROM audit_entry) - (SELECT COUNT(*) FROM audit_link) AS backlog' });
  let started = process.hrtime.bigint();
  await server.call('linked');
  const catchUpSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const entriesPerSecond = (after.entries - before.entries) / ingest.seconds;
  const rates = await server.call('treeLinkRate', { count: TREE_LINK_ENTRIES, actorId, rounds: TREE_LINK_ROUNDS });
  const result = {
    ingest: { entriesPerSecond, rps: ingest.rps, seconds: ingest.seconds, backlogAtEnd: Number(backlog), catchUpSeconds, errors: ingest.errors },
    withTree: rates.withTree,
    chainOnly: rates.chainOnly,
    ratio: rates.withTree.perSecond / rates.chainOnly.perSecond,
    headroom: rates.withTree.perSecond / entriesPerSecond,
    treeComplete: rates.treeSize === rates.headSeq,
  };
  log(
    `  tree: peak ingest ${fmt(entriesPerSecond)} entries/s (audited list, 32 connections), ${num(result.ingest.backlogAtEnd)} unlinked when it stopped, linked ${catchUpSeconds.toFixed(2)} s later; ` +
      `linker with the tree ${fmt(rates.withTree.perSecond)} entries/s, chain only ${fmt(rates.chainOnly.perSecond)} entries/s → ${result.ratio.toFixed(2)}; headroom ${result.headroom.toFixed(2)} × peak ingest; tree ${result.treeComplete ? 'complete' : 'INCOMPLETE'}`,
  );
  return result;
}

const num = (n, digits = 0) => Number(n).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Random request bodies of inclusion proofs (any seq of the newest checkpoint) and consistency proofs (any smaller size). */
function proofBodies(treeSize) {
  return {
    inclusion: () => JSON.stringify({ query: 'query($s: Int!) { auditInclusionProof(seq: $s) { treeSize leafIndex leafHash hashes } }', variables: { s: 1 + randomInt(treeSize) } }),
    consistency: () => JSON.stringify({ query: 'query($f: Int!) { auditConsistencyProof(fromSize: $f) { fromSize treeSize hashes } }', variables: { f: 1 + randomInt(treeSize - 1) } }),
  };
}

/**
 * Scenario 8: a large log (LARGE_LOG entries, seeded in bulk exactly as the
 * linker would have linked it, then checkpointed and witnessed), verified in
 * full (it must pass; timed against raw SHA-256 of the same leaf bytes),
 * then INCREMENT new entries linked by the server's own linker and verified
 * incrementally, INCREMENTAL_ROUNDS times, then proofs over HTTP.
 */
async function largeLogScenario(kind) {
  const db = await createDatabase(kind);
  const server = await startServer(db.url);
  try {
    const { token, id } = await server.call('token', { email: MANAGER });
    const threads = await server.call('verifyThreads');
    // The server's own verification after each checkpoint is held back: a timed request would wait for it first.
    await server.call('backgroundVerification', { on: false });
    let started = Date.now();
    const seeded = await server.call('seedLog', { count: LARGE_LOG, actorId: id });
    const seedSeconds = (Date.now() - started) / 1000;
    started = Date.now();
    await server.call('published');
    const publishSeconds = (Date.now() - started) / 1000;
    log(`  large log: ${num(LARGE_LOG)} entries seeded in ${seedSeconds.toFixed(1)} s, checkpointed and witnessed in ${publishSeconds.toFixed(1)} s`);

    // Full verification: once to start the threads (and the witness's copy of the tree), then FULL_ROUNDS times,
    // each followed by raw SHA-256 of the same leaf bytes on one thread and on as many; the fastest of each counts.
    const verifyOnce = async () => {
      const cpuBefore = await server.call('cpu');
      const t = process.hrtime.bigint();
      const { verifyAuditChain: v } = await gql(server, token, '{ verifyAuditChain { ok problem checked headSeq treeSize witnessedSize } }');
      const seconds = Number(process.hrtime.bigint() - t) / 1e9;
      if (!v.ok || v.checked < LARGE_LOG) throw new Error(`the seeded log did not verify: ${JSON.stringify(v)}`);
      return { v, seconds, cpuSeconds: ((await server.call('cpu')) - cpuBefore) / 1e6 };
    };
    const warmUp = await verifyOnce();
    const fullRuns = [];
    const rawThreadRuns = [];
    const rawOneRuns = [];
    for (let i = 0; i < FULL_ROUNDS; i++) {
      fullRuns.push(await verifyOnce());
      rawOneRuns.push(await server.call('rawLeafHashRate', { count: LARGE_LOG, actorId: id, first: seeded.first, threads: 1 }));
      if (threads > 1) rawThreadRuns.push(await server.call('rawLeafHashRate', { count: LARGE_LOG, actorId: id, first: seeded.first, threads }));
    }
    const fastest = (runs) => runs.reduce((a, b) => (a.perSecond >= b.perSecond ? a : b));
    const { v: full, seconds: fullSeconds, cpuSeconds: fullCpu } = fullRuns.reduce((a, b) => (a.seconds <= b.seconds ? a : b));
    const rawOne = fastest(rawOneRuns);
    const rawThreads = threads > 1 ? fastest(rawThreadRuns) : rawOne;
    // What the verification's reading alone costs: the same range query over the whole log, one connection, nothing hashed.
    const read = await server.call('readRate', { head: full.headSeq });
    const fullRate = full.checked / fullSeconds;
    const fullResult = {
      checked: full.checked,
      seconds: fullSeconds,
      serverCpuSeconds: fullCpu,
      perSecond: fullRate,
      threads,
      raw: rawThreads,
      rawOneThread: rawOne,
      ratio: fullRate / rawThreads.perSecond,
      ratioToOneThread: fullRate / rawOne.perSecond,
      read,
      warmUpSeconds: warmUp.seconds,
      runs: fullRuns.map((r) => ({ seconds: r.seconds, serverCpuSeconds: r.cpuSeconds })),
      rawOneThreadRuns: rawOneRuns.map((r) => r.perSecond),
      target: 0.3,
    };
    log(
      `  full verification: ${num(full.checked)} entries in ${fullSeconds.toFixed(2)} s = ${fmt(fullRate)} entries/s on ${threads} threads (server CPU ${fullCpu.toFixed(1)} s; runs ${fullRuns.map((r) => r.seconds.toFixed(2)).join(", ")} s after ${warmUp.seconds.toFixed(2)} s); ` +
        `raw SHA-256 of the leaf bytes ${fmt(rawThreads.perSecond)}/s on ${rawThreads.threads} threads, ${fmt(rawOne.perSecond)}/s on one → ratio ${fullResult.ratio.toFixed(3)} (${fullResult.ratioToOneThread.toFixed(3)} to one thread); ` +
        `reading the rows alone ${fmt(read.perSecond)} rows/s on one connection, the database alone evaluating the query ${fmt(read.databasePerSecond)} rows/s`,
    );

    // Incremental: the next INCREMENT entries linked by the server's own linker, then verified incrementally.
    const rounds = [];
    try {
      for (let i = 0; i < INCREMENTAL_ROUNDS; i++) {
        const linked = await server.call('appendEntries', { count: INCREMENT, actorId: id });
        const cpu = await server.call('cpu');
        const t = process.hrtime.bigint();
        const { verifyAuditChain: v } = await gql(server, token, '{ verifyAuditChain(incremental: true) { ok problem checked incremental headSeq } }');
        const seconds = Number(process.hrtime.bigint() - t) / 1e9;
        const serverCpuSeconds = ((await server.call('cpu')) - cpu) / 1e6;
        if (!v.ok || !v.incremental || v.checked < INCREMENT) throw new Error(`incremental verification: ${JSON.stringify(v)}`);
        rounds.push({ checked: v.checked, seconds, serverCpuSeconds, headSeq: v.headSeq, linkSeconds: linked.seconds });
      }
      // Where an incremental run's time goes: one more round under the sampling profiler (not timed).
      await server.call('appendEntries', { count: INCREMENT, actorId: id });
      var incrementalProfile = await profiled(server, `incremental-${kind}`, () => gql(server, token, '{ verifyAuditChain(incremental: true) { ok } }'));
    } finally {
      await server.call('backgroundVerification', { on: true });
    }
    const incremental = { profile: incrementalProfile, rounds, medianSeconds: median(rounds.map((r) => r.seconds)), maxSeconds: Math.max(...rounds.map((r) => r.seconds)), target: 0.5 };
    log(`  incremental profile: ${incrementalProfile.byFunction.slice(0, 8).map((f) => `${f.name} ${f.percent.toFixed(1)}%`).join('; ')}`);
    log(`  incremental verification of ${num(INCREMENT)} new entries on ${num(LARGE_LOG)}: ${rounds.map((r) => `${r.seconds.toFixed(3)} s (CPU ${r.serverCpuSeconds.toFixed(3)} s)`).join(', ')} (median ${incremental.medianSeconds.toFixed(3)} s)`);

    // Proofs over HTTP (GraphQL), against the newest checkpoint.
    await server.call('published');
    const { auditCheckpoint } = await gql(server, token, '{ auditCheckpoint { treeSize } }');
    const bodies = proofBodies(auditCheckpoint.treeSize);
    const proofs = { treeSize: auditCheckpoint.treeSize, runs: [] };
    for (const connections of [1, 8]) {
      for (const kindOfProof of ['inclusion', 'consistency']) {
        await drive([server], token, bodies[kindOfProof], { connections, seconds: 1 }); // warm-up
        const r = await drive([server], token, bodies[kindOfProof], { connections, seconds: SECONDS });
        proofs.runs.push({ proof: kindOfProof, connections, rps: r.rps, p50: r.p50, p99: r.p99, requests: r.requests, errors: r.errors });
        log(`  ${kindOfProof} proofs at ${connections} connection(s): ${fmt(r.rps)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms${r.errors ? `, ERRORS ${r.errors}` : ''}`);
      }
    }
    return { entries: LARGE_LOG, seedSeconds, publishSeconds, full: fullResult, incremental, proofs };
  } finally {
    await server.close();
    await db.drop();
  }
}

/** MySQL only: the audited read on two server processes sharing one database, against one process, at 32 connections. */
async function twoProcesses(db, first, token, list) {
  const second = await startServer(db.url);
  try {
    // Its own warm-up (JIT, pool), as the first process had.
    for (const s of list) await load([second], token, s.auditedBody, { connections: 16, seconds: 2 });
    const results = {};
    for (const [name, targets] of [['oneProcess', [first]], ['twoProcesses', [first, second]]]) {
      const before = await Promise.all(targets.map(scrapeAudit));
      const r = await load(targets, token, list[0].auditedBody, { connections: 32, seconds: SECONDS });
      const after = await Promise.all(targets.map(scrapeAudit));
      const commits = after.reduce((n, a, i) => n + a.commits - before[i].commits, 0);
      const entries = after.reduce((n, a, i) => n + a.entries - before[i].entries, 0);
      r.entriesPerCommit = commits ? entries / commits : null;
      results[name] = r;
      log(
        `  ${name}: ${fmt(r.rps)} req/s audited single reads at 32 connections (p50 ${r.p50} p99 ${r.p99} ms, ` +
          `${r.entriesPerCommit?.toFixed(1)} entries/commit, server CPU ${r.serverCpuMsPerRequest.toFixed(2)} ms/req)`,
      );
    }
    await Promise.all([first.call('linked'), second.call('linked')]);
    const { verifyAuditChain: v } = await gql(first, token, '{ verifyAuditChain { ok checked headSeq firstBrokenSeq } }');
    results.chainAfter = v;
    log(`  chain after two writers: ok=${v.ok} checked=${v.checked} head=${v.headSeq}`);
    results.failClosed = await failClosedCount(first, token, list, [first, second]);
    return results;
  } finally {
    await second.close();
  }
}

/** A scenario whose failure is recorded in the results (and the summary) instead of ending the whole run. */
async function recorded(out, key, work) {
  try {
    return await work();
  } catch (error) {
    log(`  ${key} FAILED: ${String(error).split('\n')[0]}`);
    (out.failures ??= {})[key] = String(error).split('\n')[0];
    return undefined;
  }
}

async function benchDatabase(kind) {
  log(`\n== ${kind} ==`);
  const out = { kind };
  if (['single', 'list', 'update', 'failclosed', 'link', 'two', 'tree'].some(wanted)) await onSeededServer(kind, out);
  if (wanted('verify')) out.verify = await recorded(out, 'verify', () => verifyScenario(kind));
  if (wanted('largelog')) out.largeLog = await recorded(out, 'largelog', () => largeLogScenario(kind));
  return out;
}

/** The scenarios on one server with seeded subjects and chain, beside the plain stack. */
async function onSeededServer(kind, out) {
  const db = await createDatabase(kind);
  const server = await startServer(db.url);
  let plain = null;
  try {
    const { token, id } = await server.call('token', { email: MANAGER });
    let started = Date.now();
    const range = await server.call('seedSubjects', { count: SUBJECTS });
    await server.call('seedChain', { count: SEEDED_ENTRIES, actorId: id });
    await server.call('linked');
    log(`  seeded ${SUBJECTS.toLocaleString('en-US')} subjects and ${SEEDED_ENTRIES.toLocaleString('en-US')} chained entries in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const list = scenarios(range);
    const chosen = list.filter((s) => wanted(s.key));
    if (chosen.length) plain = await startPlain(await plainDatabaseUrl(server, db));
    // Warm-up: JIT, connection pool, statement caches.
    for (const s of chosen) {
      await load([plain.server], plain.token, s.auditedBody, { connections: 8, seconds: 1 });
      await load([server], token, s.baseBody, { connections: 8, seconds: 1 });
      await load([server], token, s.auditedBody, { connections: 8, seconds: 1 });
    }
    if (chosen.length) out.scenarios = {};
    for (const s of chosen) {
      out.scenarios[s.key] = { title: s.title, base: s.base, audited: s.audited, target: s.target, plainTargets: s.plainTargets, runs: [] };
      for (const c of CONNECTIONS) out.scenarios[s.key].runs.push(await runSet(server, token, plain, s, c));
    }
    await server.call('linked');
    // Where an audited scenario's server time goes, at 32 connections (a separate run under the profiler).
    for (const key of ['single', 'list']) {
      if (!wanted(key)) continue;
      const s = list.find((x) => x.key === key);
      out.scenarios[key].profile = await profiled(server, `${key}-${kind}`, () => load([server], token, s.auditedBody, { connections: 32, seconds: SECONDS }));
    }
    if (wanted('failclosed')) out.failClosed = await failClosedCount(server, token, list);
    if (wanted('link')) {
      out.linkRate = await recorded(out, 'link', () => server.call('linkRate', { count: LINK_RATE_ENTRIES, actorId: id }));
      const l = out.linkRate;
      if (l) log(`  chain linker: ${l.count.toLocaleString('en-US')} committed entries linked in ${l.seconds.toFixed(2)} s = ${fmt(l.perSecond)} entries/s (server CPU ${l.serverCpuSeconds.toFixed(2)} s)`);
    }
    if (wanted('tree')) out.tree = await recorded(out, 'tree', () => treeScenario(server, token, list, id));
    if (kind === 'mysql' && wanted('two')) out.twoProcesses = await recorded(out, 'two', () => twoProcesses(db, server, token, list));
  } finally {
    await plain?.server.close();
    await server.close();
    await db.drop();
  }
}

async function main() {
  const startedAt = new Date();
  const t0 = Date.now();
  log(`Mamori benchmark: ${DATABASES.join(', ')}; ${SECONDS} s per run at ${CONNECTIONS.join(', ')} connections; ${os.cpus().length} cores, Node ${process.version}`);
  const results = {
    startedAt: startedAt.toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.type()} ${os.release()}`, loadAverageAtStart: os.loadavg().map((n) => Number(n.toFixed(1))) },
    settings: { seconds: SECONDS, connections: CONNECTIONS, subjects: SUBJECTS, seededEntries: SEEDED_ENTRIES, chain: CHAIN, perPage: PER_PAGE, quick: QUICK, repeatsAt32: REPEATS_AT_32 },
    databases: {},
  };
  mkdirSync(OUT, { recursive: true });
  const json = path.join(OUT, 'latest.json');
  // A subset (BENCH_ONLY) updates its figures in the previous results; the summary names that run apart.
  const previous = ONLY && existsSync(json) ? JSON.parse(readFileSync(json, 'utf8')) : null;
  const partial = previous ? { startedAt: startedAt.toISOString(), only: [...ONLY], databases: DATABASES, quick: QUICK, seconds: SECONDS, loadAverageAtStart: results.machine.loadAverageAtStart } : null;
  const md = path.join(OUT, 'summary.md');
  const write = () => {
    results.totalSeconds = (Date.now() - t0) / 1000;
    results.machine.loadAverageAtEnd = os.loadavg().map((n) => Number(n.toFixed(1)));
    let written = results;
    if (previous) {
      partial.totalSeconds = results.totalSeconds;
      partial.loadAverageAtEnd = results.machine.loadAverageAtEnd;
      const same = (r) => r.only.join() === partial.only.join() && (r.databases ?? []).join() === partial.databases.join();
      written = { ...previous, partialRuns: [...(previous.partialRuns ?? []).filter((r) => !same(r)), partial], databases: { ...previous.databases } };
      for (const [kind, db] of Object.entries(results.databases)) {
        const { kind: _kind, failures, ...figures } = db;
        // each figure names its run (each scenario, not the scenarios' map)
        for (const key of Object.keys(figures)) {
          const tagged = key === 'scenarios' ? Object.values(figures[key] ?? {}) : [figures[key]];
          for (const f of tagged) if (f && typeof f === 'object') f.run = partial.startedAt;
        }
        // a scenario this run measured again drops its earlier failure
        const earlier = Object.fromEntries(Object.entries(previous.databases[kind]?.failures ?? {}).filter(([key]) => !ONLY.has(key)));
        const { failures: _previous, ...kept } = previous.databases[kind] ?? { kind };
        const merged = { ...earlier, ...(failures ?? {}) };
        written.databases[kind] = { ...kept, ...figures, ...(Object.keys(merged).length ? { failures: merged } : {}) };
      }
    }
    writeFileSync(json, `${JSON.stringify(written, null, 2)}\n`);
    writeFileSync(md, markdownSummary(written));
    return written;
  };
  // Written after each database, so a run cut short keeps what it measured.
  let written = results;
  for (const kind of DATABASES) {
    results.databases[kind] = await benchDatabase(kind);
    written = write();
  }
  log(`\n${markdownSummary(written)}`);
  log(`wrote ${path.relative(process.cwd(), json)} and ${path.relative(process.cwd(), md)} in ${results.totalSeconds.toFixed(0)} s`);
}

module.exports = { createDatabase, startServer, startPlain, load, scenarios, gql, scrapeAudit, SUBJECTS, SEEDED_ENTRIES, MANAGER };

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
