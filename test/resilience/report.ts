import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Renders the figures the reliability suites wrote (test/support/figures.ts)
 * as the table of docs/reliability.md, between its figures markers.
 */

const DOC = join(__dirname, '../../docs/reliability.md');
const START = '<!-- figures:start -->';
const END = '<!-- figures:end -->';

type Figures = Record<string, any>;
type Row = [what: string, figures: string, held: string];

const n = (v: unknown) => (typeof v === 'number' ? v.toLocaleString('en-US') : String(v ?? '—'));
const codes = (refused: Record<string, number> = {}) =>
  Object.entries(refused)
    .sort(([, a], [, b]) => b - a)
    .map(([code, count]) => `${code} ${n(count)}`)
    .join(', ');
const latency = (l: Record<string, { p50: number; p95: number }> = {}) =>
  Object.entries(l)
    .map(([kind, { p50, p95 }]) => `${kind} ${p50}/${p95}`)
    .join(', ');
const chain = (c: Figures = {}) => `chain ok: ${c.ok}, ${n(c.checked)} links checked, unlinked ${n(c.unlinked)}, first broken: ${c.firstBrokenSeq ?? 'none'}`;

const ROWS: Record<string, (f: Figures) => Row> = {
  'permission-matrix': (f) => [
    `Permission matrix, called for real on ${f.database}: every query and mutation × PRIVACY_MANAGER, STAFF, SUPERVISOR, AUDITOR and no token`,
    `${n(f.calls)} calls (${n(f.allowed)} allowed, ${n(f.denied)} denied by docs/permissions.md)`,
    'every outcome as the committed matrix says; each denial to a signed-in role FORBIDDEN with one audited operation denial; no anonymous refusal wrote to the audit log',
  ],
  'permission-paths': (f) => [
    `Every path to a personal-data field (lists, nested objects, mutation results, reply letters, exports) on ${f.database}, as the manager and as staff with and without need-to-know`,
    `${n(f.personalPaths)} paths, ${n(f.personalRequests)} requests; ${n(f.valuesAudited)} entities returned with personal data, ${n(f.refusalsAudited)} refusals`,
    'each personal value that left had an entry of the same request id naming its fields; each refusal had its ACCESS_DENIED entry; staff got nothing outside need-to-know',
  ],
  'auth-attacks': (f) => [
    `Sign-in attacks on ${f.database}: guessing spread over addresses, one address sweeping every account, forged and stale tokens`,
    `${n(f.loginAttempts)} sign-in attempts from ${n(f.addresses)} addresses; ${n(f.tokensForged)} forged or truncated tokens`,
    'the lock-out held from every address; one address locked at most 2 accounts before its own limit cut it off, and everyone else signed in; tokens of an unknown, demoted or reset account refused at once',
  ],
  fuzz: (f) => [
    `Hostile input (fast-check, seed ${f.seed}, SQLite): random and malicious arguments for ${n(f.operations?.mutations)} mutations and ${n(f.operations?.queries)} queries with arguments and filters, plus floods and batches`,
    `${n(f.mutations?.requests)} mutation calls (${codes(f.mutations?.refused)}; ${n(f.mutations?.succeeded)} succeeded); ${n(f.queries?.requests)} query calls (${codes(f.queries?.refused)}; ${n(f.queries?.succeeded)} succeeded); ${n(f.floods?.requests)} floods and batches; ${n(f.snapshotsCompared)} database snapshots compared`,
    'no HTTP 500 or INTERNAL_SERVER_ERROR, no SQL, driver name or stack frame in any response, no table changed when an error came back, /healthz answered after every flood; ill-formed text (lone surrogates, NUL, bidirectional overrides) refused in every string argument of every mutation, naming it; well-formed text read back exactly as acknowledged',
  ],
  crash: (f) => [
    'kill -9 of the built server during a read-and-write load (8 workers, MariaDB), then a restart on the same database',
    `${n(f.sent)} requests (${n(f.inFlightAtKill)} in flight at the kill); restart ${n(f.restartMs)} ms; ${n(f.entries)} audit entries; ${n(f.rowsCreated)} subjects created; latency p50/p95 ms: ${latency(f.latencyMs)}`,
    `${chain(f.chain)}; sequence 1…${n(f.entries)} without a gap; all ${n(f.personalResponsesMatched)} personal-data responses matched by request id; every creation whole (row and CREATE entry, once) or absent`,
  ],
  'database-outage': (f) => [
    `Database cut away during load (the test's TCP proxy drops and refuses MariaDB connections for ${n(f.outageMs)} ms), then restored`,
    `${n(f.sent)} requests; during the outage ${n(f.duringOutage?.failedClosed)} failed closed (${codes(f.duringOutage?.codes)}); recovered ${n(f.recoveredAfterMs)} ms after the restore; ${n(f.proxyConnections)} database connections through the proxy`,
    `every failure: data null, no personal value, "The database is unavailable; try again shortly" or the audit-unavailable message, no driver text; no restart; ${chain(f.chain)}; all ${n(f.personalResponsesMatched)} personal-data responses matched; ${n(f.rowsCreated)} creations whole, none doubled`,
  ],
  'two-processes': (f) => [
    `${n(f.processes)} server processes on one MariaDB database under one load`,
    `${n(f.sent)} requests (${n(f.requestsPerSecond)} req/s on the shared two-core machine); ${n(f.entries)} audit entries; latency p50/p95 ms: ${latency(f.latencyMs)}`,
    `one chain: ${chain(f.chain)}, sequence without a gap; all ${n(f.personalResponsesMatched)} personal-data responses matched; ${n(f.createsAcknowledged)} creations whole`,
  ],
  'reminder-jobs': (f) => [
    'Reminder jobs of 2 server processes on one MariaDB; the process holding the outbox lease killed with SIGKILL while it sends (the SMTP server takes 0.4 s a message)',
    `${n(f.messages)} messages queued; ${n(f.pendingAtKill)} still waiting at the kill; the rest sent by the other process within ${f.secondsToSendTheRest} s; ${n(f.sentAgainAfterKill)} sent twice`,
    'each digest queued once per user, each incident alert once; the lease moved to the survivor; every queued message arrived, at most the one in flight twice',
  ],
  cluster: (f) => [
    `Three-node MariaDB Galera cluster on loopback (formed in ${n(f.clusterFormedMs)} ms), ${n(f.processes)} server processes each on its own node; concurrent writes of one subject through both, then kill -9 of the node under the chain's lease holder during a read-and-write load, and its restart`,
    `contention: ${n(f.contention?.updates)} updates of one row (${n(f.contention?.conflictsRetried)} certification conflicts retried, ${n(f.contention?.answeredConflictRetryable)} answered CONFLICT retryable) beside ${n(f.contention?.requests)} requests; crash: ${n(f.crash?.sent)} requests and ${n(f.crash?.updates)} updates, ${n(f.crash?.unavailableAnswers)} of them answered 503 (the cut-off server); lease moved ${n(f.crash?.leaseMovedMs)} ms after the kill; longest successful request during the outage ${n(f.crash?.longestOkMsDuringOutage)} ms; node restarted, recovered and synced in ${n(f.crash?.rejoinMs)} ms, its server served again ${n(f.crash?.recoveredMs)} ms later; ${n(f.entries)} audit entries`,
    `${chain(f.chain)}; sequence 1…${n(f.entries)} without a gap, verified from both servers; all ${n(f.personalResponsesMatched)} personal-data responses matched; every acknowledged update with exactly one UPDATE entry; no INTERNAL_SERVER_ERROR but 503 unavailable with Retry-After; /healthz never ready before the node served; no linker error logged; no server restarted`,
  ],
  'production-posture': (f) => [
    'Production start-up of the built server (NODE_ENV=production)',
    `${n(f.refusals?.length)} refused start-ups: ${(f.refusals ?? []).map((r: Figures) => r.case).join('; ')}`,
    `each exited with code 1 and a one-line reason; with strong secrets: introspection refused, no demo accounts, no stack in errors, headers ${Object.entries(f.headers ?? {})
      .filter(([, v]) => v)
      .map(([k]) => k)
      .join(', ')}; no x-powered-by`,
  ],
  'npm-audit': (f) => [
    '`npm audit --omit=dev` (a report, not a gate)',
    f.available ? `${n(f.productionPackages)} production packages; advisories: ${JSON.stringify(f.counts)}` : `${n(f.productionPackages)} production packages; ${f.reason}`,
    f.available
      ? f.highOrCritical.length
        ? `high or critical: ${f.highOrCritical.map((v: Figures) => `${v.name} (${v.severity}${v.fixAvailable ? ', fix available' : ''})`).join(', ')}`
        : 'no high or critical advisory'
      : 'not known from this run: see the note below the table',
  ],
};

export function renderFigures(figures: Record<string, Figures>): string {
  const rows: Row[] = [];
  const at: string[] = [];
  const order = (suite: string) => {
    const i = Object.keys(ROWS).indexOf(suite.replace(/-(sqlite|mysql)$/, ''));
    return `${String(i < 0 ? 99 : i).padStart(2, '0')} ${suite}`;
  };
  for (const [suite, f] of Object.entries(figures).sort(([a], [b]) => order(a).localeCompare(order(b)))) {
    const database = /-(sqlite|mysql)$/.exec(suite)?.[1];
    const base = suite.replace(/-(sqlite|mysql)$/, '');
    const render = ROWS[base];
    const row: Row = render ? render({ ...f, database: database === 'mysql' ? 'MariaDB' : 'SQLite' }) : [suite, `\`${JSON.stringify(f)}\``, ''];
    if (typeof f.tests === 'number' && f.testsPassed !== f.tests) row[2] = `**did not hold** (${f.testsPassed} of ${f.tests} tests passed)`;
    rows.push(row);
    if (f.at) at.push(String(f.at));
  }
  const header = ['| what was tried | figures of the last run | what held |', '|---|---|---|'];
  const body = rows.map((r) => `| ${r.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`);
  const when = at.length ? `\nRun between ${at.sort()[0]!.slice(0, 16).replace('T', ' ')} and ${at.sort().at(-1)!.slice(0, 16).replace('T', ' ')} UTC.\n` : '';
  return [...header, ...body].join('\n') + '\n' + when;
}

export function writeReport(table: string): void {
  const doc = readFileSync(DOC, 'utf8');
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/reliability.md has no ${START} … ${END} section`);
  writeFileSync(DOC, `${doc.slice(0, start + START.length)}\n${table}\n${doc.slice(end)}`);
}
