'use strict';
/**
 * `node bench/profile.js <single|list|update> [sqlite|mysql] [connections] [seconds]`:
 * runs one audited scenario (its baseline with PROFILE_BASE=1, the plain-stack reference answering the
 * audited body with PROFILE_PLAIN=1) while the V8 profiler samples the server,
 * then prints where its CPU time went (self time by package and by function).
 * The .cpuprofile lands in bench/results/profiles/ (open it in Chrome DevTools).
 */
const { mkdirSync } = require('node:fs');
const path = require('node:path');
const { createDatabase, startServer, startPlain, load, scenarios, SUBJECTS, SEEDED_ENTRIES, MANAGER } = require('./run');
const { summarise } = require('./profile-summary');

async function main() {
  const [key = 'single', kind = 'mysql', connections = '32', seconds = '10'] = process.argv.slice(2);
  const dir = path.join(__dirname, 'results', 'profiles');
  mkdirSync(dir, { recursive: true });
  const db = await createDatabase(kind);
  const server = await startServer(db.url);
  const variant = process.env.PROFILE_PLAIN === '1' ? 'plain' : process.env.PROFILE_BASE === '1' ? 'base' : 'audited';
  const file = path.join(dir, `${key}-${kind}-${variant}-${Date.now()}.cpuprofile`);
  let plain = null;
  try {
    const { token, id } = await server.call('token', { email: MANAGER });
    const range = await server.call('seedSubjects', { count: SUBJECTS });
    await server.call('seedChain', { count: SEEDED_ENTRIES, actorId: id });
    await server.call('linked');
    const scenario = scenarios(range).find((s) => s.key === key);
    const body = variant === 'base' ? scenario.baseBody : scenario.auditedBody;
    if (variant === 'plain') plain = await startPlain(db.url);
    const [target, targetToken] = plain ? [plain.server, plain.token] : [server, token];
    await load([target], targetToken, body, { connections: Number(connections), seconds: 2 });
    await target.call('profileStart');
    const r = await load([target], targetToken, body, { connections: Number(connections), seconds: Number(seconds) });
    await target.call('profileStop', { file });
    console.log(`${key} on ${kind} at ${connections} connections: ${Math.round(r.rps)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, server CPU ${r.serverCpuMsPerRequest.toFixed(2)} ms/request, errors ${r.errors}`);
  } finally {
    await plain?.server.close();
    await server.close();
    await db.drop();
  }
  console.log(`profile: ${path.relative(process.cwd(), file)}`);
  console.log(summarise(file));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
