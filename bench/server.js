'use strict';
/**
 * One benchmark server process: the real, built server (server/dist) on the
 * database named by BENCH_DATABASE_URL, listening on a free loopback port.
 * The parent (bench/run.js) talks to it over IPC to seed data, mint tokens and
 * read counts; all load goes over HTTP.
 */
require('reflect-metadata');
const inspector = require('node:inspector');
const { writeFileSync } = require('node:fs');
const path = require('node:path');

const DIST = path.join(__dirname, '..', 'server', 'dist', 'server', 'src');
const { createApp } = require(path.join(DIST, 'app.js'));
const { loadConfig } = require(path.join(DIST, 'config.js'));
const { SystemClock } = require(path.join(DIST, 'clock.js'));
const seed = require('./seed');

async function main() {
  const url = process.env.BENCH_DATABASE_URL;
  const config = {
    // Each benchmarked database has its own data directory (checkpoint signing key, witness), shared by its processes.
    ...loadConfig({ LOG_LEVEL: 'error', DATA_DIR: process.env.BENCH_DATA_DIR, AUDIT_VERIFY_THREADS: process.env.AUDIT_VERIFY_THREADS }),
    databaseUrl: url,
    migrationDatabaseUrl: url,
    documentDir: path.join(require('node:os').tmpdir(), `mamori-bench-docs-${process.pid}`),
    failedLoginsPerAddressPerMinute: 1000,
  };
  const app = await createApp(config, new SystemClock());
  const port = await app.listen(0, '127.0.0.1');
  const { services } = app;
  let profiler = null;
  const post = (method, params) => new Promise((resolve, reject) => profiler.post(method, params, (e, r) => (e ? reject(e) : resolve(r))));
  const writeWithin = services.auditWriter.writeWithin.bind(services.auditWriter);
  let stashedListeners = [];

  const handlers = {
    /** 10,000 subjects (with digest keys) and N audit entries linked as a valid chain. */
    seedSubjects: ({ count }) => seed.seedSubjects(services, count),
    seedChain: ({ count, actorId }) => seed.seedChain(services, count, actorId),
    rawHashRate: ({ count, actorId, first }) => seed.rawHashRate(count, actorId, first),
    linkRate: ({ count, actorId }) => seed.linkRate(services, count, actorId),
    treeLinkRate: ({ count, actorId, rounds }) => seed.treeLinkRate(services, count, actorId, rounds),
    seedLog: ({ count, actorId }) => seed.seedLog(services, count, actorId),
    appendEntries: ({ count, actorId }) => seed.appendEntries(services, count, actorId),
    rawLeafHashRate: ({ count, actorId, first, threads }) => seed.rawLeafHashRate(count, actorId, first, threads),
    verifyThreads: () => services.config.auditVerifyThreads,
    /**
     * The quick pass's range query over the log, timed two ways: read on a
     * connection of its own (rows only, nothing hashed), and evaluated by the
     * database alone with nothing sent (only the sum of the rows' lengths):
     * what the database itself spends per entry, whatever the verifier does.
     */
    readRate: async ({ head }) => {
      const transparency = path.join(DIST, 'modules', 'audit', 'transparency');
      const { openRangeReader } = require(path.join(transparency, 'range-readers.js'));
      const { RANGE_PAGE, joinedLinksSql } = require(path.join(transparency, 'range-verification.js'));
      const reader = await openRangeReader(url);
      try {
        let rows = 0;
        let started = process.hrtime.bigint();
        for (let from = 1; from <= head; from += RANGE_PAGE) rows += (await reader.joinedLinks(from, Math.min(head, from + RANGE_PAGE - 1))).length;
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        started = process.hrtime.bigint();
        await services.db.manager.query(`SELECT SUM(LENGTH(joined)) AS n FROM (${joinedLinksSql(services.db.dialect)}) t`, [1, head]);
        const databaseSeconds = Number(process.hrtime.bigint() - started) / 1e9;
        return { rows, seconds, perSecond: rows / seconds, databaseSeconds, databasePerSecond: rows / databaseSeconds };
      } finally {
        await reader.close();
      }
    },
    /** Links everything, signs a checkpoint of it and hands it to the witnesses. */
    published: async () => {
      await services.linker.linkPending();
      await services.transparency.publisher.publish();
      return true;
    },
    /**
     * The incremental verification the server runs after each checkpoint, off
     * while the benchmark times its own (so that run covers all new entries).
     */
    backgroundVerification: ({ on }) => {
      const listeners = services.transparency.publisher.listeners;
      if (!on) stashedListeners = listeners.splice(0);
      else listeners.push(...stashedListeners.splice(0));
      return on;
    },
    /** A session token for a demo user, signed as login would sign it (the benchmark measures reads, not sign-in). */
    token: async ({ email }) => {
      const [user] = await services.db.manager.query('SELECT id, role, token_version AS tv FROM app_user WHERE email = ?', [email]);
      return { token: services.tokens.sign({ sub: String(user.id), role: user.role, tv: Number(user.tv) }), id: Number(user.id) };
    },
    /**
     * Baseline of scenario 4 only: the same update transaction without its
     * audit entry. Never available outside this benchmark process.
     */
    skipChangeEntries: ({ on }) => {
      services.auditWriter.writeWithin = on ? async () => undefined : writeWithin;
      return on;
    },
    /** CPU profile of this process between the two calls (bench/profile.js), written as a .cpuprofile file. */
    profileStart: async () => {
      profiler ??= new inspector.Session();
      profiler.connect();
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 200 });
      await post('Profiler.start');
      return true;
    },
    profileStop: async ({ file }) => {
      const { profile } = await post('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      profiler.disconnect();
      return file;
    },
    /** CPU time this server process has used so far (µs), to price a request independently of the other load on the machine. */
    cpu: () => {
      const { user, system } = process.cpuUsage();
      return user + system;
    },
    sql: ({ query, params }) => services.db.manager.query(query, params ?? []),
    linked: () => services.linker.linkPending(),
    close: async () => {
      await app.close();
      setImmediate(() => process.exit(0));
      return true;
    },
  };

  process.on('message', async (msg) => {
    try {
      const result = await handlers[msg.cmd](msg.args ?? {});
      process.send({ id: msg.id, result });
    } catch (error) {
      process.send({ id: msg.id, error: String(error && error.stack ? error.stack : error) });
    }
  });
  process.send({ ready: true, port });
}

main().catch((error) => {
  console.error('bench server failed to start:', error);
  process.exit(1);
});
