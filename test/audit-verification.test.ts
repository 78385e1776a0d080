import { APPEND_ONLY_TABLES } from '../migrations/1764402000000-AuditTree';
import { dialectOf } from '../server/src/db/dialect';
import { insertEntries, type NewAuditEntry } from '../server/src/modules/audit/audit-writer';
import { ENTRY_COLUMNS, canonicalEntry } from '../server/src/modules/audit/canonical';
import { verifyFull } from '../server/src/modules/audit/transparency/full-verification';
import { managerReader } from '../server/src/modules/audit/transparency/range-readers';
import { linkRowsSql } from '../server/src/modules/audit/transparency/range-verification';
import { treeRoot } from '../server/src/modules/audit/transparency/tree-store';
import { RangeVerifierPool } from '../server/src/modules/audit/transparency/verify-pool';
import { databaseKinds, type DatabaseKind } from './support/databases';
import { MANAGER, startServer, type TestServer } from './support/server';

/**
 * Full verification recomputes the log in ranges on worker threads, each with
 * its own connection, and reads each entry's canonical encoding as the
 * database builds it: the result must be the one pass over the log from seq 1
 * would give, wherever the log is broken.
 */
const VERIFY = '{ verifyAuditChain { ok problem firstBrokenSeq checked headSeq witnessedSize unlinked } }';

const entry = (n: number, reason: string | null = null): NewAuditEntry => ({
  occurredAt: new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString(),
  actorId: 1,
  actorRole: 'PRIVACY_MANAGER',
  action: 'READ',
  entityType: 'DataSubject',
  entityId: String(1 + (n % 50)),
  subjectId: 1 + (n % 50),
  fieldList: 'fullName,phone',
  caseId: null,
  reason,
  requestId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  clientIp: '127.0.0.1',
  outcome: 'ALLOWED',
  changes: null,
});

/** Reasons as people type them: JSON escapes, Japanese, a control character the databases escape differently. */
const AWKWARD = ['line\nbreak "quoted" \\ back\tslash', '山田 太郎の依頼により閲覧（電話）', 'unit\u001fseparator', '😀 \u2028 /<script>', ''];

describe.each(databaseKinds())('full verification on %s', (kind: DatabaseKind) => {
  let s: TestServer;
  let manager: string;

  beforeAll(async () => {
    s = await startServer(kind);
    manager = await s.login(MANAGER);
  });
  afterAll(() => s?.close());

  const verify = async () => {
    const res = await s.gql(VERIFY, {}, manager);
    if (!res.data) throw new Error(res.body);
    return res.data.verifyAuditChain;
  };
  const append = async (entries: NewAuditEntry[]) => {
    await s.app.services.db.transaction((m) => insertEntries(m, entries));
    await s.published();
  };
  const guards = async (on: boolean) => {
    const dialect = dialectOf(s.kind);
    for (const table of APPEND_ONLY_TABLES) for (const sql of on ? dialect.appendOnlyTriggers(table) : dialect.dropAppendOnlyTriggers(table)) await s.sql(sql);
  };

  test("the database builds each entry's canonical encoding byte for byte, or the entry is encoded again where it does not", async () => {
    await append(AWKWARD.map((reason, i) => entry(i, reason)));
    const [{ head }] = await s.sql('SELECT MAX(seq) AS head FROM audit_link');
    const built = await s.sql(linkRowsSql(s.app.services.db.dialect), [1, Number(head)]);
    const columns = await s.sql(`SELECT l.seq AS linkSeq, ${ENTRY_COLUMNS} FROM audit_link l JOIN audit_entry e ON e.id = l.entry_id ORDER BY l.seq`);
    const differing = built.filter((row, i) => row.canonical !== canonicalEntry(columns[i])).map((row) => columns[built.indexOf(row)].reason);
    // MariaDB leaves text with a quote or a backslash to the verifier and quotes other text as it is, so a control
    // character comes out unescaped; SQLite agrees throughout
    expect(differing).toEqual(kind === 'mysql' ? [AWKWARD[0], 'unit\u001fseparator'] : []);
    expect(await verify()).toMatchObject({ ok: true, problem: null, firstBrokenSeq: null, unlinked: 0 });
  });

  test('a value rewritten as its own JSON escaping is found: the stored text differs though its escaped form reads alike', async () => {
    const [{ seq, id }] = await s.sql('SELECT l.seq AS seq, e.id AS id FROM audit_link l JOIN audit_entry e ON e.id = l.entry_id WHERE e.reason = ?', [AWKWARD[0]]);
    await guards(false);
    try {
      await s.sql('UPDATE audit_entry SET reason = ? WHERE id = ?', [JSON.stringify(AWKWARD[0]).slice(1, -1), id]);
      expect(await verify()).toMatchObject({ ok: false, problem: 'REWRITTEN', firstBrokenSeq: Number(seq) });
      await s.sql('UPDATE audit_entry SET reason = ? WHERE id = ?', [AWKWARD[0], id]);
    } finally {
      await guards(true);
    }
    expect(await verify()).toMatchObject({ ok: true, problem: null });
  });

  test('thousands of entries in many ranges verify as one tree, at every witnessed size, on worker threads and in the main thread, by the quick and the exact pass alike', async () => {
    for (let part = 0; part < 3; part++) await append(Array.from({ length: 1500 + part * 7 }, (_, i) => entry(100 + part * 2000 + i, i % 500 === 0 ? AWKWARD[i % AWKWARD.length]! : null)));
    const result = await verify();
    expect(result).toMatchObject({ ok: true, problem: null, firstBrokenSeq: null });
    expect(result.checked).toBeGreaterThan(4500);
    const { db, config, transparency } = s.app.services;
    const sizes = new Set([1, 17, 1024, 1500, result.headSeq - 1, result.headSeq]);
    const threads = new RangeVerifierPool(config.databaseUrl, 2, () => managerReader(db.manager, db.dialect));
    const main = new RangeVerifierPool(config.databaseUrl, 0, () => managerReader(db.manager, db.dialect));
    try {
      await s.linked();
      // the quick pass over witnessed ranges and the exact pass over all of them agree
      const witnessed = result.headSeq;
      const [a, b, c] = [await verifyFull(db, threads, sizes, witnessed, null), await verifyFull(db, main, sizes, witnessed, null), await verifyFull(db, threads, sizes, 0, null)];
      for (const other of [b, c]) {
        expect(other.chain).toEqual(a.chain);
        expect(other.roots).toEqual(a.roots);
      }
      expect([...sizes].every((size) => a.roots.has(size))).toBe(true);
      // the stored tree (built leaf by leaf as entries were linked) has the same roots
      for (const [size, root] of a.roots) expect((await treeRoot(db.manager, size)).equals(root)).toBe(true);
    } finally {
      await threads.close();
      await main.close();
    }
    expect(transparency.verifier.newest?.ok).toBe(true);
  });

  test('a link rewritten alone is found at its seq, inside a range, at the end of one and at the head, though the entries and the tree agree', async () => {
    const rewrite = async (seq: number) => {
      const [{ hash }] = await s.sql('SELECT hash FROM audit_link WHERE seq = ?', [seq]);
      await s.sql('UPDATE audit_link SET hash = ? WHERE seq = ?', [hash.replace(/^./, (c: string) => (c === '0' ? '1' : '0')), seq]);
      return () => s.sql('UPDATE audit_link SET hash = ? WHERE seq = ?', [hash, seq]);
    };
    await guards(false);
    try {
      // 2,048 ends a range on a log of this size (ranges of 1,024 or 2,048 leaves), 1,500 lies inside one
      for (const seq of [1500, 2048]) {
        const restore = await rewrite(seq);
        expect(await verify()).toMatchObject({ ok: false, problem: 'REWRITTEN', firstBrokenSeq: seq });
        await restore();
      }
      // (the triggers are dropped, and nothing else is wrong)
      expect(await verify()).toMatchObject({ problem: 'GUARDS_MISSING', firstBrokenSeq: null });
      // the linker chains the next entries onto the hash it gave the head, not the rewritten one
      await s.linked();
      const [{ head }] = await s.sql('SELECT MAX(seq) AS head FROM audit_link');
      const restore = await rewrite(Number(head));
      await append([entry(9000), entry(9001)]);
      expect(await verify()).toMatchObject({ ok: false, problem: 'REWRITTEN', firstBrokenSeq: Number(head) });
      await restore();
      expect(await verify()).toMatchObject({ problem: 'GUARDS_MISSING', firstBrokenSeq: null });
    } finally {
      await guards(true);
    }
  });

  test('a broken link is found at the seq a pass from seq 1 names: an entry edited in place, a missing link at the end of a range, a deleted entry', async () => {
    const [{ head }] = await s.sql('SELECT MAX(seq) AS head FROM audit_link');
    expect(Number(head)).toBeGreaterThan(3000);
    const at = async (seq: number) => (await s.sql('SELECT entry_id FROM audit_link WHERE seq = ?', [seq]))[0].entry_id;
    await guards(false);
    try {
      // ranges are powers of two of at most 2,048 leaves on a log of this size: 2,048 ends one
      const edited = await at(2900);
      await s.sql("UPDATE audit_entry SET reason = 'changed' WHERE id = ?", [edited]);
      expect(await verify()).toMatchObject({ ok: false, problem: 'REWRITTEN', firstBrokenSeq: 2900 });
      // (the linker links the entry again at the head: it is an entry without a link now)
      await s.sql('DELETE FROM audit_link WHERE seq = 2048');
      expect(await verify()).toMatchObject({ ok: false, problem: 'REWRITTEN', firstBrokenSeq: 2048 });
      await s.sql('DELETE FROM audit_entry WHERE id = ?', [await at(700)]);
      expect(await verify()).toMatchObject({ ok: false, problem: 'REWRITTEN', firstBrokenSeq: 700 });
    } finally {
      await guards(true);
    }
  });
});
