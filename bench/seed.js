'use strict';
/**
 * Bulk seeding for the benchmark, run inside a benchmark server process with
 * its database handle: multi-row INSERTs, thousands of rows per statement.
 * The audit chain is seeded valid: each entry is hashed with the server's own
 * canonical encoding and linked under the chain's lease, exactly as the linker
 * would have linked it.
 */
const path = require('node:path');
const { randomBytes } = require('node:crypto');

const DIST = path.join(__dirname, '..', 'server', 'dist', 'server', 'src');
const { canonicalEntry, linkHash } = require(path.join(DIST, 'modules', 'audit', 'canonical.js'));

const SUBJECT_COLUMNS = [
  'id', 'category', 'full_name', 'full_name_kana', 'postal_code', 'postal_address', 'phone', 'email', 'company',
  'division', 'title', 'search_text', 'restricted', 'provision_stopped', 'erased_at', 'created_at', 'updated_at',
];
const CATEGORIES = ['CUSTOMER', 'BUSINESS_PARTNER_CONTACT', 'SHAREHOLDER', 'JOB_APPLICANT', 'EMPLOYEE'];
const FAMILY = ['山田', '佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '中村'];
const GIVEN = ['太郎', '花子', '一郎', '美咲', '健太', '陽菜'];
const SUBJECT_FIELDS = 'company,division,email,fullName,fullNameKana,phone,postalAddress,postalCode,title';

/** Inserts rows (arrays in `columns` order) with as many rows per statement as the dialect allows. */
async function insertRows(manager, dialect, table, columns, rows) {
  // SQLite binds at most 32,766 parameters per statement; MySQL's limit is the packet size.
  const perStatement = dialect === 'sqlite' ? Math.floor(30000 / columns.length) : 5000;
  const tuple = `(${columns.map(() => '?').join(',')})`;
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    await manager.query(
      `INSERT INTO ${table} (${columns.join(',')}) VALUES ${chunk.map(() => tuple).join(',')}`,
      chunk.flat(),
    );
  }
}

function subjectRow(id, now) {
  const name = `${FAMILY[id % FAMILY.length]} ${GIVEN[id % GIVEN.length]}${id}`;
  const email = `subject${id}@example.jp`;
  return [
    id, CATEGORIES[id % CATEGORIES.length], name, `ヤマダ タロウ`, '100-0001', `東京都千代田区千代田${id}-1`,
    `03-${String(1000 + (id % 9000)).padStart(4, '0')}-${String(id % 10000).padStart(4, '0')}`, email,
    '株式会社サンプル', '営業部', '課長', `${name} やまだ たろう ${email}`.toLowerCase(), 0, 0, null, now, now,
  ];
}

/** `count` data subjects after the existing ones, each with its digest key. Returns the id range. */
async function seedSubjects(services, count) {
  const { db, subjectKeys } = services;
  const [{ maxId }] = await db.manager.query('SELECT MAX(id) AS maxId FROM data_subject');
  const first = Number(maxId ?? 0) + 1;
  const now = new Date().toISOString();
  const ids = Array.from({ length: count }, (_, i) => first + i);
  await db.transaction(async (m) => {
    await insertRows(m, db.dialect.name, 'data_subject', SUBJECT_COLUMNS, ids.map((id) => subjectRow(id, now)));
    await insertRows(
      m,
      db.dialect.name,
      'subject_key',
      ['subject_id', 'wrapped_key', 'destroyed_at'],
      ids.map((id) => [id, subjectKeys.wrap(randomBytes(32)), null]),
    );
  });
  return { first, last: first + count - 1 };
}

/** The entry the chain seeder writes at position `n`: a manager's READ of one subject. */
function seededEntry(id, n, actorId) {
  return {
    id,
    occurredAt: new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString(),
    actorId,
    actorRole: 'PRIVACY_MANAGER',
    action: 'READ',
    entityType: 'DataSubject',
    entityId: String(1 + (n % 10000)),
    subjectId: 1 + (n % 10000),
    fieldList: SUBJECT_FIELDS,
    caseId: null,
    reason: null,
    requestId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    clientIp: '127.0.0.1',
    outcome: 'ALLOWED',
    changes: null,
  };
}

const CHUNK = 20_000;

/**
 * Appends `count` READ entries to the log and has the server's own chain
 * linker link them (chain links, Merkle tree and signed checkpoint, exactly as
 * in operation): the entries are inserted in chunks as the request path
 * commits them, then linked. Returns where they start, for the raw-hash
 * comparison.
 */
async function seedChain(services, count, actorId) {
  const { insertEntries } = require(path.join(DIST, 'modules', 'audit', 'audit-writer.js'));
  const { db } = services;
  await services.linker.linkPending();
  const [head] = await db.manager.query('SELECT seq, hash FROM audit_link ORDER BY seq DESC LIMIT 1');
  const [{ maxId }] = await db.manager.query('SELECT MAX(id) AS maxId FROM audit_entry');
  const first = { id: Number(maxId ?? 0) + 1, seq: head ? Number(head.seq) + 1 : 1, prevHash: head ? head.hash : '0'.repeat(64) };
  for (let done = 0; done < count; done += CHUNK) {
    const size = Math.min(CHUNK, count - done);
    const entries = [];
    for (let i = 0; i < size; i++) {
      const { id: _id, ...entry } = seededEntry(0, done + i, actorId);
      entries.push(entry);
    }
    await db.transaction((m) => insertEntries(m, entries));
  }
  await services.linker.linkPending();
  return { count, first };
}

/**
 * The raw rate of hashing the very bytes the verifier hashes for the seeded
 * entries (`seq\nprevHash\ncanonical`) with node:crypto: the strings are
 * rebuilt untimed, then only the SHA-256 calls are timed, both with the
 * one-shot `crypto.hash` the chain uses and with `createHash`.
 */
function rawHashRate(count, actorId, first) {
  const crypto = require('node:crypto');
  let prevHash = first.prevHash;
  let oneShotNs = 0n;
  let streamNs = 0n;
  let bytes = 0;
  for (let done = 0; done < count; done += CHUNK) {
    const size = Math.min(CHUNK, count - done);
    const inputs = new Array(size);
    for (let i = 0; i < size; i++) {
      const n = done + i;
      const canonical = canonicalEntry(seededEntry(first.id + n, n, actorId));
      const input = `${first.seq + n}\n${prevHash}\n${canonical}`;
      inputs[i] = input;
      prevHash = linkHash(first.seq + n, prevHash, canonical);
      bytes += Buffer.byteLength(input);
    }
    let started = process.hrtime.bigint();
    for (let i = 0; i < size; i++) crypto.hash('sha256', inputs[i], 'hex');
    oneShotNs += process.hrtime.bigint() - started;
    started = process.hrtime.bigint();
    for (let i = 0; i < size; i++) crypto.createHash('sha256').update(inputs[i]).digest('hex');
    streamNs += process.hrtime.bigint() - started;
  }
  const seconds = Number(oneShotNs) / 1e9;
  const streamSeconds = Number(streamNs) / 1e9;
  return {
    count,
    bytes,
    seconds,
    perSecond: count / seconds,
    mbPerSecond: bytes / 1e6 / seconds,
    createHash: { seconds: streamSeconds, perSecond: count / streamSeconds },
  };
}

/**
 * The sequencer's throughput: `count` READ entries committed unlinked (as the
 * request path commits them), then timed while the chain linker links them.
 */
async function linkRate(services, count, actorId) {
  const { insertEntries } = require(path.join(DIST, 'modules', 'audit', 'audit-writer.js'));
  await services.linker.linkPending();
  const entries = [];
  for (let n = 0; n < count; n++) {
    const { id: _id, ...entry } = seededEntry(0, n, actorId);
    entries.push(entry);
  }
  await services.db.transaction((m) => insertEntries(m, entries));
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  await services.linker.linkPending();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  return { count, seconds, perSecond: count / seconds, serverCpuSeconds: (used.user + used.system) / 1e6 };
}

module.exports = { seedSubjects, seedChain, seededEntry, rawHashRate, linkRate };
