'use strict';
/**
 * Another Mamori install as the HTTP witness of a log (`witnessProcess()` in
 * test/support/server.ts): its own SQLite database, data directory and
 * signing key, AUDIT_WITNESS_LOGS from the environment, on loopback at PORT
 * (0: any free port). It reports its port over IPC and stops when told to
 * (or is killed, as an outage).
 */
require('./register-ts');
require('reflect-metadata');
const path = require('node:path');
const { createApp } = require('../../server/src/app');
const { loadConfig } = require('../../server/src/config');

async function main() {
  const dataDir = process.env.DATA_DIR;
  const config = {
    ...loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'error', DATABASE_URL: `sqlite:${path.join(dataDir, 'witness.sqlite')}`, DOCUMENT_DIR: path.join(dataDir, 'documents') }),
    failedLoginsPerAddressPerMinute: 1000,
  };
  const app = await createApp(config);
  const port = await app.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
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
