import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APPEND_ONLY_TABLES } from '../migrations/1764402000000-AuditTree';
import { dialectOf } from '../server/src/db/dialect';
import { ENTRY_COLUMNS, GENESIS_HASH, canonicalEntry, linkHash } from '../server/src/modules/audit/canonical';
import { leafOf } from '../server/src/modules/audit/transparency/leaf';
import { appendLeaves } from '../server/src/modules/audit/transparency/tree-store';
import { createTestDatabase, databaseKinds, type DatabaseKind, type TestDatabase } from './support/databases';
import { MANAGER, STAFF, startServer, type TestServer } from './support/server';

/**
 * The attacker holds the database and the code, not the signing key: every
 * way of making the log lie that they have is reported by verifyAuditChain,
 * and the witness refuses the history that results.
 */
const VERIFY = '{ verifyAuditChain { ok problem problems firstBrokenSeq witnessedSize headSeq checked incremental } }';

async function dropGuards(s: TestServer): Promise<void> {
  const dialect = dialectOf(s.kind);
  for (const table of APPEND_ONLY_TABLES) for (const sql of dialect.dropAppendOnlyTriggers(table)) await s.sql(sql);
}

async function restoreGuards(s: TestServer): Promise<void> {
  const dialect = dialectOf(s.kind);
  for (const table of APPEND_ONLY_TABLES) for (const sql of dialect.appendOnlyTriggers(table)) await s.sql(sql);
}

/** Activity that writes audit entries: sign-ins and audited reads. */
async function activity(s: TestServer, rounds: number): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    const token = await s.login(i % 2 ? STAFF : MANAGER);
    await s.gql('{ allDataSubjects(perPage: 3) { id fullName } }', {}, token);
  }
  await s.published();
}

describe.each(databaseKinds())('an attacker who holds the %s database but not the signing key', (kind: DatabaseKind) => {
  let s: TestServer;
  let manager: string;

  beforeEach(async () => {
    s = await startServer(kind);
    manager = await s.login(MANAGER);
    await activity(s, 6);
  });
  afterEach(() => s?.close());

  const verify = async (incremental = false) => {
    const res = await s.gql(incremental ? VERIFY.replace('verifyAuditChain', 'verifyAuditChain(incremental: true)') : VERIFY, {}, manager);
    if (!res.data) throw new Error(res.body);
    return res.data.verifyAuditChain;
  };

  test('an untouched log verifies in full and incrementally, with its witnessed size', async () => {
    const full = await verify();
    expect(full).toMatchObject({ ok: true, problem: null, problems: [], firstBrokenSeq: null });
    expect(full.witnessedSize).toBeGreaterThan(10);
    await activity(s, 2);
    const incremental = await verify(true);
    expect(incremental).toMatchObject({ ok: true, problem: null, incremental: true });
    // only what was linked since the last verified head (the server verifies after each checkpoint too)
    expect(incremental.checked).toBeLessThan(full.checked);
  });

  test('a log that grows while it is verified still verifies (the tree is compared at the size that was read)', async () => {
    const staff = await s.login(STAFF);
    let writing = true;
    const writer = (async () => {
      while (writing) await s.gql('{ allDataSubjects(perPage: 3) { id fullName } }', {}, staff);
    })();
    const results = [];
    try {
      for (let i = 0; i < 4; i++) results.push(await verify(i % 2 === 1));
    } finally {
      writing = false;
      await writer;
    }
    expect(results.map((r) => r.problems)).toEqual(results.map(() => []));
    expect(results.at(-1).headSeq).toBeGreaterThan(results[0].headSeq);
  }, 180_000);

  test('an entry slipped in below the linked ones, where the linker never looks, is UNLINKED', async () => {
    const [row] = await s.sql<Record<string, unknown>>('SELECT * FROM audit_entry WHERE id = 1');
    const columns = Object.keys(row!).filter((c) => c !== 'id');
    await s.sql(`INSERT INTO audit_entry (id, ${columns.join(', ')}) VALUES (-1, ${columns.map(() => '?').join(', ')})`, columns.map((c) => row![c]));
    expect(await verify()).toMatchObject({ ok: false, problems: ['UNLINKED'] });
  });

  test('deleting the newest entries (triggers dropped) is TRUNCATED, at the first missing seq', async () => {
    const { witnessedSize } = await verify();
    await dropGuards(s);
    const tail = await s.sql('SELECT seq, entry_id FROM audit_link WHERE seq > ?', [witnessedSize - 8]);
    // Everything the attacker can reach: entries, links, tree nodes and checkpoints above the cut.
    await s.sql('DELETE FROM audit_link WHERE seq > ?', [witnessedSize - 8]);
    await s.sql(`DELETE FROM audit_entry WHERE id IN (${tail.map(() => '?').join(',')})`, tail.map((t) => t.entry_id));
    await s.sql('DELETE FROM audit_tree_node WHERE idx >= 0 AND level >= 0');
    await s.sql('DELETE FROM audit_checkpoint');
    await restoreGuards(s);
    const result = await verify();
    expect(result).toMatchObject({ ok: false, problem: 'TRUNCATED', firstBrokenSeq: witnessedSize - 7 });
    expect(result.witnessedSize).toBeGreaterThanOrEqual(witnessedSize);
  });

  test('rewriting one entry and recomputing every later hash and the whole tree is REWRITTEN at its seq; the witness refuses what follows', async () => {
    await verify();
    await s.linked();
    const [target] = await s.sql('SELECT seq, entry_id FROM audit_link ORDER BY seq LIMIT 1 OFFSET 4');
    await dropGuards(s);
    await s.sql("UPDATE audit_entry SET reason = 'nothing to see' WHERE id = ?", [target.entry_id]);
    // Recompute the chain from the start and rebuild the tree with the project's own code.
    const rows = await s.sql(`SELECT l.seq AS linkSeq, ${ENTRY_COLUMNS} FROM audit_link l JOIN audit_entry e ON e.id = l.entry_id ORDER BY l.seq`);
    let prev = GENESIS_HASH;
    for (const row of rows) {
      const hash = linkHash(Number(row.linkSeq), prev, canonicalEntry(row));
      await s.sql('UPDATE audit_link SET prev_hash = ?, hash = ? WHERE seq = ?', [prev, hash, row.linkSeq]);
      prev = hash;
    }
    await s.sql('DELETE FROM audit_tree_node WHERE level >= 0');
    await s.sql('DELETE FROM audit_checkpoint');
    await s.app.services.db.transaction((m) => appendLeaves(m, 0, rows.map((r) => leafOf(canonicalEntry(r)))));
    await restoreGuards(s);
    const result = await verify();
    expect(result).toMatchObject({ ok: false, problem: 'REWRITTEN', firstBrokenSeq: Number(target.seq) });
    // The next checkpoint (of the rewritten tree) does not extend the witnessed one.
    await activity(s, 1);
    const witnesses = (await s.gql('{ auditWitnesses { kind refusal } }', {}, manager)).data?.auditWitnesses;
    expect(witnesses[0]).toMatchObject({ kind: 'DIRECTORY', refusal: expect.stringMatching(/does not extend|do not fold/) });
    expect((await verify()).problems).toContain('WITNESS_REFUSED');
    const refusals = readFileSync(join(s.app.services.config.auditWitnessDir, 'refusals'), 'utf8');
    expect(refusals).toMatch(/does not extend|do not fold/);
    expect(refusals).not.toMatch(/nothing to see|山田|@example/);
  });

  /** Rebuilds the whole stored tree from the entries as they now are, with the project's own code. */
  async function rebuildTree(): Promise<void> {
    const rows = await s.sql(`SELECT l.seq AS linkSeq, ${ENTRY_COLUMNS} FROM audit_link l JOIN audit_entry e ON e.id = l.entry_id ORDER BY l.seq`);
    await s.sql('DELETE FROM audit_tree_node WHERE level >= 0');
    await s.app.services.db.transaction((m) => appendLeaves(m, 0, rows.map((r) => leafOf(canonicalEntry(r)))));
  }

  // Both fail on a verifier that folds the new leaves into the stored tree without the links: the first answered ok,
  // the second named the checkpoint's size instead of the entry's seq (checked against the code before the fix).
  test('an entry rewritten in the newest, not yet signed range with its leaf and the whole tree recomputed is REWRITTEN at its seq, incrementally and in full (its link no longer matches)', async () => {
    await verify();
    // The window between linking and the next checkpoint (a second at most), held open: nothing is signed meanwhile.
    await s.app.services.transparency.publisher.stop();
    const staff = await s.login(STAFF);
    for (let i = 0; i < 3; i++) await s.gql('{ allDataSubjects(perPage: 3) { id fullName } }', {}, staff);
    await s.linked();
    const [{ size }] = await s.sql('SELECT MAX(tree_size) AS size FROM audit_checkpoint');
    const [target] = await s.sql('SELECT seq, entry_id FROM audit_link WHERE seq > ? ORDER BY seq LIMIT 1 OFFSET 1', [Number(size)]);
    expect(target).toBeDefined();
    await dropGuards(s);
    await s.sql("UPDATE audit_entry SET reason = 'nothing to see' WHERE id = ?", [target.entry_id]);
    await rebuildTree();
    await restoreGuards(s);
    expect(await verify(true)).toMatchObject({ ok: false, problem: 'REWRITTEN', firstBrokenSeq: Number(target.seq) });
    // and in full: past the newest witnessed checkpoint every link is recomputed, though its range agrees with the tree
    expect(await verify()).toMatchObject({ ok: false, problem: 'REWRITTEN', firstBrokenSeq: Number(target.seq) });
  });

  test('incremental: an entry rewritten after its checkpoint, with every later link and the whole tree recomputed, is REWRITTEN at its seq', async () => {
    await verify();
    await activity(s, 2);
    const witnessed = (await verify(true)).witnessedSize;
    const [target] = await s.sql('SELECT seq, entry_id FROM audit_link WHERE seq <= ? ORDER BY seq DESC LIMIT 1 OFFSET 2', [witnessed]);
    await dropGuards(s);
    await s.sql("UPDATE audit_entry SET reason = 'nothing to see' WHERE id = ?", [target.entry_id]);
    const rows = await s.sql(`SELECT l.seq AS linkSeq, l.prev_hash AS prevHash, ${ENTRY_COLUMNS} FROM audit_link l JOIN audit_entry e ON e.id = l.entry_id WHERE l.seq >= ? ORDER BY l.seq`, [target.seq]);
    let prev = rows[0].prevHash;
    for (const row of rows) {
      const hash = linkHash(Number(row.linkSeq), prev, canonicalEntry(row));
      await s.sql('UPDATE audit_link SET prev_hash = ?, hash = ? WHERE seq = ?', [prev, hash, row.linkSeq]);
      prev = hash;
    }
    await rebuildTree();
    await s.sql('DELETE FROM audit_checkpoint WHERE tree_size >= ?', [target.seq]);
    await restoreGuards(s);
    expect(await verify(true)).toMatchObject({ ok: false, problem: 'REWRITTEN', firstBrokenSeq: Number(target.seq) });
  });

  test('dropping the append-only triggers alone is GUARDS_MISSING', async () => {
    await dropGuards(s);
    try {
      expect(await verify()).toMatchObject({ ok: false, problem: 'GUARDS_MISSING', firstBrokenSeq: null });
    } finally {
      await restoreGuards(s);
    }
    expect(await verify()).toMatchObject({ ok: true });
  });

  test('a stored checkpoint whose signature no longer verifies is SIGNATURE_INVALID', async () => {
    await dropGuards(s);
    const [row] = await s.sql('SELECT tree_size, note FROM audit_checkpoint ORDER BY tree_size DESC LIMIT 1');
    // The same note with another (well-formed) signature: only the key holder can make a valid one.
    const forged = String(row.note).replace(/ (\S{8})\S{8}(\S+)\n$/, ' $1AAAAAAAA$2\n');
    expect(forged).not.toBe(row.note);
    await s.sql('UPDATE audit_checkpoint SET note = ? WHERE tree_size = ?', [forged, row.tree_size]);
    await restoreGuards(s);
    const result = await verify();
    expect(result.problems).toContain('SIGNATURE_INVALID');
    expect(result.ok).toBe(false);
  });
});

/** A database backup and its restore, as the database's own tools make them. */
function backup(kind: DatabaseKind, db: TestDatabase, file: string): { restore(): void } {
  if (kind === 'sqlite') {
    const path = db.url.slice('sqlite:'.length);
    copyFileSync(path, file);
    return { restore: () => copyFileSync(file, path) };
  }
  const url = new URL(db.url);
  const args = ['-h', url.hostname, '-P', url.port || '3306', '-u', decodeURIComponent(url.username)];
  const name = url.pathname.slice(1);
  execFileSync('mariadb-dump', [...args, '--triggers', `--result-file=${file}`, name]);
  return { restore: () => execFileSync('mariadb', [...args, name], { input: readFileSync(file) }) };
}

describe.each(databaseKinds())('restoring an older backup of the %s database', (kind: DatabaseKind) => {
  test('is TRUNCATED against the witness, which refuses the older history', async () => {
    const db = await createTestDatabase(kind);
    const dataDir = mkdtempSync(join(tmpdir(), 'mamori-restore-'));
    const keep = { url: db.url, drop: async () => undefined };
    try {
      let s = await startServer(kind, { dataDir }, keep);
      await activity(s, 3);
      await s.close();
      const saved = backup(kind, db, join(dataDir, 'backup'));
      s = await startServer(kind, { dataDir }, keep);
      await activity(s, 8);
      const before = (await s.gql(VERIFY, {}, await s.login(MANAGER))).data?.verifyAuditChain;
      expect(before.ok).toBe(true);
      await s.close();
      saved.restore();
      s = await startServer(kind, { dataDir }, keep);
      try {
        const manager = await s.login(MANAGER);
        await s.published();
        const result = (await s.gql(VERIFY, {}, manager)).data?.verifyAuditChain;
        expect(result).toMatchObject({ ok: false, problem: 'TRUNCATED' });
        expect(result.witnessedSize).toBeGreaterThanOrEqual(before.witnessedSize);
        expect(result.headSeq).toBeLessThan(before.witnessedSize);
        expect(result.problems).toContain('WITNESS_REFUSED');
      } finally {
        await s.close();
      }
    } finally {
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

