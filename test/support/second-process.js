'use strict';
/**
 * A second server process for tests that need two (`secondProcess()` in
 * test/support/server.ts): the same application from its sources, on the
 * database of SECOND_DATABASE_URL, with the test configuration. It reports
 * its port over IPC and stops when told to.
 */
require('./register-ts');
require('reflect-metadata');
const { tmpdir } = require('node:os');
const path = require('node:path');
const { createApp } = require('../../server/src/app');
const { MovableClock } = require('../../server/src/clock');
const { loadConfig } = require('../../server/src/config');

async function main() {
  const url = process.env.SECOND_DATABASE_URL;
  const config = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'error' }),
    databaseUrl: url,
    migrationDatabaseUrl: url,
    documentDir: path.join(tmpdir(), `mamori-second-${process.pid}.documents`),
    // one log: the first process's signing key and witness
    dataDir: process.env.SECOND_DATA_DIR,
    auditWitnessDir: path.join(process.env.SECOND_DATA_DIR, 'witness'),
    failedLoginsPerAddressPerMinute: 1000,
    anonymousRefusalsPerAddressPerMinute: 100_000,
  };
  const app = await createApp(config, new MovableClock());
  const port = await app.listen(0, '127.0.0.1');
  process.on('message', async (message) => {
    if (message !== 'close') return;
    await app.close();
    process.exit(0);
  });
  process.send({ port });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
