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
  await services.linker.linkPending();
  return timedLink(services, count, actorId);
}

/**
 * A linking run of the server's own linker over `count` entries committed
 * unlinked at once, timed. It links as the running linker does after commits
 * and in its sweeps, near the newest linked entry; its once-a-minute look at
 * the whole log for late commits is not part of a run.
 */
async function timedLink(services, count, actorId) {
  const { insertEntries } = require(path.join(DIST, 'modules', 'audit', 'audit-writer.js'));
  const entries = [];
  for (let n = 0; n < count; n++) {
    const { id: _id, ...entry } = seededEntry(0, n, actorId);
    entries.push(entry);
  }
  await services.db.transaction((m) => insertEntries(m, entries));
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  await services.linker.linkPending(false);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  return { count, seconds, perSecond: count / seconds, serverCpuSeconds: (used.user + used.system) / 1e6 };
}

/**
 * What the Merkle tree costs the sequencer: the same linker links `count`
 * committed entries with the tree (as in operation: chain links, tree nodes,
 * a checkpoint scheduled) and without it (the linear chain's links only),
 * alternating, `rounds` times each. After each run without the tree, the
 * tree is brought up to the chain untimed (the tree extension builds it from
 * the stored entries, as for a log linked before the tree existed).
 */
async function treeLinkRate(services, count, actorId, rounds) {
  const { linker } = services;
  const observer = linker.observer;
  await linker.linkPending();
  const withTree = [];
  const chainOnly = [];
  try {
    for (let i = 0; i < rounds; i++) {
      for (const tree of i % 2 ? [false, true] : [true, false]) {
        linker.observe(tree ? observer : null);
        (tree ? withTree : chainOnly).push(await timedLink(services, count, actorId));
        linker.observe(observer);
        if (!tree) await timedLink(services, 1, actorId); // the tree catches up with the chain here, untimed
      }
    }
  } finally {
    linker.observe(observer);
  }
  const total = (runs) => {
    const n = runs.reduce((a, r) => a + r.count, 0);
    const seconds = runs.reduce((a, r) => a + r.seconds, 0);
    const cpu = runs.reduce((a, r) => a + r.serverCpuSeconds, 0);
    return { count: n, seconds, perSecond: n / seconds, serverCpuSeconds: cpu, cpuMsPerThousand: (cpu * 1e6) / n, runs };
  };
  const [{ size }] = await services.db.manager.query('SELECT MAX(idx) + 1 AS size FROM audit_tree_node WHERE level = 0');
  const [{ head }] = await services.db.manager.query('SELECT MAX(seq) AS head FROM audit_link');
  return { withTree: total(withTree), chainOnly: total(chainOnly), treeSize: Number(size), headSeq: Number(head) };
}

const LOG_CHUNK = 20_000;

/**
 * Seeds a large log in bulk, producing exactly what the server's linker
 * produces, chunk by chunk in one transaction under the chain's lease: the
 * entries are inserted by the request path's own `insertEntries`, read back
 * with the linker's column list and encoded by `canonicalEntry`, linked with
 * `linkHash` after the head, and appended to the stored tree by the tree
 * store's own `appendLeaves`. Entries and their links commit together, so the
 * running linker never sees them unlinked. The caller checks it with a full
 * verification.
 */
async function seedLog(services, count, actorId) {
  const { insertEntries } = require(path.join(DIST, 'modules', 'audit', 'audit-writer.js'));
  const { CHAIN_LOCK_NAME, readHead } = require(path.join(DIST, 'modules', 'audit', 'audit-chain.js'));
  const { ENTRY_COLUMNS } = require(path.join(DIST, 'modules', 'audit', 'canonical.js'));
  const { leafOf } = require(path.join(DIST, 'modules', 'audit', 'transparency', 'leaf.js'));
  const { appendLeaves, storedTreeSize } = require(path.join(DIST, 'modules', 'audit', 'transparency', 'tree-store.js'));
  const { db, linker } = services;
  await linker.linkPending();
  const linkedAt = new Date().toISOString();
  const perInsert = db.dialect.name === 'sqlite' ? 6000 : 5000;
  let first = null;
  for (let done = 0; done < count; done += LOG_CHUNK) {
    const size = Math.min(LOG_CHUNK, count - done);
    // Under load a long transaction can outlast the lease's renewal: the chunk is rolled back and done again once held.
    for (let attempt = 1; ; attempt++) {
      try {
        await seedChunk(done, size);
        break;
      } catch (error) {
        if (!/LeaseLost|lease \S+ is held/.test(`${error && error.name} ${error && error.message}`) || attempt === 5) throw error;
        await linker.linkPending();
      }
    }
  }
  return { count, first };

  async function seedChunk(done, size) {
    await db.leasedTransaction(CHAIN_LOCK_NAME, async (m) => {
      const head = await readHead(m);
      const [{ maxId }] = await m.query('SELECT MAX(id) AS maxId FROM audit_entry');
      if (Number(await storedTreeSize(m)) !== head.seq) throw new Error(`the tree (${await storedTreeSize(m)}) is not at the chain's head ${head.seq}`);
      const entries = [];
      for (let i = 0; i < size; i++) {
        const { id: _id, ...entry } = seededEntry(0, done + i, actorId);
        entries.push(entry);
      }
      await insertEntries(m, entries);
      const rows = await m.query(`SELECT ${ENTRY_COLUMNS} FROM audit_entry e WHERE e.id > ? ORDER BY e.id`, [Number(maxId ?? 0)]);
      if (rows.length !== size) throw new Error(`expected ${size} new entries, read ${rows.length}`);
      first ??= { id: Number(rows[0].id), seq: head.seq + 1, prevHash: head.hash };
      let { seq, hash } = head;
      const links = [];
      const leaves = [];
      for (const row of rows) {
        seq += 1;
        const canonical = canonicalEntry(row);
        const prevHash = hash;
        hash = linkHash(seq, prevHash, canonical);
        links.push([seq, row.id, prevHash, hash, linkedAt]);
        leaves.push(leafOf(canonical));
      }
      for (let i = 0; i < links.length; i += perInsert) {
        const chunk = links.slice(i, i + perInsert);
        await m.query(`INSERT INTO audit_link (seq, entry_id, prev_hash, hash, linked_at) VALUES ${chunk.map(() => '(?,?,?,?,?)').join(',')}`, chunk.flat());
      }
      await appendLeaves(m, head.seq, leaves);
    });
  }
}

/** More entries committed by the request path's writer and linked by the server's own linker (tree and chain). */
async function appendEntries(services, count, actorId) {
  return timedLink(services, count, actorId);
}

/**
 * Raw SHA-256 over the very leaf bytes the verifier hashes for the seeded
 * entries (0x00 ‖ canonical encoding) on `threads` worker threads: each
 * thread builds its share of the inputs untimed, in chunks, and times only
 * the `crypto.hash` calls (the one-shot SHA-256 the verifier uses); the rate
 * is all leaves over the slowest thread's hashing time.
 */
async function rawLeafHashRate(count, actorId, first, threads) {
  const { Worker } = require('node:worker_threads');
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const crypto = require('node:crypto');
    const { seededEntry } = require(workerData.seed);
    const { canonicalEntry } = require(workerData.canonical);
    const { from, to, actorId, firstId } = workerData;
    let ns = 0n, bytes = 0;
    for (let lo = from; lo < to; lo += 20000) {
      const hi = Math.min(to, lo + 20000);
      const inputs = [];
      for (let n = lo; n < hi; n++) inputs.push('\\0' + canonicalEntry(seededEntry(firstId + n, n, actorId)));
      for (const s of inputs) bytes += Buffer.byteLength(s);
      const started = process.hrtime.bigint();
      for (const s of inputs) crypto.hash('sha256', s, 'binary');
      ns += process.hrtime.bigint() - started;
    }
    parentPort.postMessage({ ns: Number(ns), bytes });`;
  const share = Math.ceil(count / threads);
  const results = await Promise.all(
    Array.from({ length: threads }, (_, t) =>
      new Promise((resolve, reject) => {
        const worker = new Worker(code, {
          eval: true,
          workerData: { seed: __filename, canonical: path.join(DIST, 'modules', 'audit', 'canonical.js'), from: t * share, to: Math.min(count, (t + 1) * share), actorId, firstId: first.id },
        });
        worker.once('message', resolve);
        worker.once('error', reject);
      }),
    ),
  );
  const seconds = Math.max(...results.map((r) => r.ns)) / 1e9;
  const bytes = results.reduce((n, r) => n + r.bytes, 0);
  return { count, threads, bytes, seconds, perSecond: count / seconds, mbPerSecond: bytes / 1e6 / seconds };
}

module.exports = { seedSubjects, seedChain, seededEntry, rawHashRate, linkRate, treeLinkRate, seedLog, appendEntries, rawLeafHashRate };
