import { createApp } from '../server/src/app';
import { MovableClock } from '../server/src/clock';
import { loadConfig } from '../server/src/config';
import { mysqlDialect, sqliteDialect } from '../server/src/db/dialect';
import { createTestDatabase, databaseKinds, type DatabaseKind, type TestDatabase } from './support/databases';
import { MANAGER, STAFF, startServer, type TestServer } from './support/server';

const NEW_NAME = '渡辺 精一郎';
const NEW_PHONE = '045-987-6543';

describe.each(databaseKinds())('the audit log cannot lie on %s', (kind) => {
  let s: TestServer;
  let manager: string;
  const dialect = kind === 'mysql' ? mysqlDialect : sqliteDialect;

  beforeAll(async () => {
    s = await startServer(kind);
    manager = await s.login(MANAGER);
  });
  afterAll(() => s?.close());

  test('a raw UPDATE or DELETE on the audit tables is rejected by the database', async () => {
    await s.linked();
    for (const sql of [
      'UPDATE audit_entry SET reason = NULL',
      'DELETE FROM audit_entry',
      "UPDATE audit_link SET hash = 'x'",
      'DELETE FROM audit_link',
    ]) {
      await expect(s.sql(sql)).rejects.toThrow(/append-only/);
    }
  });

  test('a change records field names and keyed digests, never raw values; the change and its entry commit together', async () => {
    const created = await s.gql(
      `mutation { createDataSubject(category: CUSTOMER, fullName: "森 一郎", phone: "03-1111-2222", email: "ichiro.mori@example.jp") { id } }`,
      {},
      manager,
    );
    const id = created.data?.createDataSubject.id;
    const res = await s.gql(
      `mutation($id: ID!, $n: String!, $p: String!) { updateDataSubject(id: $id, fullName: $n, phone: $p, email: "ichiro.mori@example.jp") { id fullName phone } }`,
      { id, n: NEW_NAME, p: NEW_PHONE },
      manager,
    );
    expect(res.data?.updateDataSubject).toEqual({ id, fullName: NEW_NAME, phone: NEW_PHONE });
    const [entry] = await s.sql("SELECT fields, changes FROM audit_entry WHERE action = 'UPDATE' AND subject_id = ? ORDER BY id DESC", [Number(id)]);
    expect(entry.fields).toBe('fullName,phone');
    const changes = JSON.parse(entry.changes);
    expect(Object.keys(changes).sort()).toEqual(['fullName', 'phone']);
    expect(changes.fullName.new).toMatch(/^[0-9a-f]{64}$/);
    // The mutation's own returned personal fields are covered by the UPDATE entry: no extra READ.
    const reads = await s.sql("SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'READ' AND subject_id = ?", [Number(id)]);
    expect(Number(reads[0].n)).toBe(0);
    const everything = JSON.stringify(await s.sql('SELECT * FROM audit_entry'));
    for (const raw of [NEW_NAME, NEW_PHONE, '森 一郎', '03-1111-2222', 'ichiro.mori@example.jp']) expect(everything).not.toContain(raw);
  });

  test('bad input is refused naming the field, and changes nothing', async () => {
    const [subject] = await s.sql('SELECT id, phone FROM data_subject ORDER BY id LIMIT 1');
    for (const [args, field] of [
      ['phone: "12345"', 'phone'],
      ['postalCode: "12-34567"', 'postalCode'],
      ['email: "not-an-email"', 'email'],
      [`fullName: "${'x'.repeat(101)}"`, 'fullName'],
    ] as const) {
      const res = await s.gql(`mutation($id: ID!) { updateDataSubject(id: $id, ${args}) { id } }`, { id: String(subject.id) }, manager);
      expect({ field, error: res.errors?.[0]?.extensions }).toMatchObject({ field, error: { code: 'BAD_USER_INPUT', field } });
    }
    const [after] = await s.sql('SELECT phone FROM data_subject WHERE id = ?', [subject.id]);
    expect(after.phone).toBe(subject.phone);
  });

  test('no raw personal value appears in an exported trail', async () => {
    for (const format of ['CSV', 'JSONL']) {
      const res = await s.gql(`query($f: ExportFormat!) { exportAuditEntries(format: $f) }`, { f: format }, manager);
      const text: string = res.data?.exportAuditEntries;
      expect(text.length).toBeGreaterThan(100);
      for (const raw of [NEW_NAME, NEW_PHONE, '山田', 'taro.yamada@example.jp']) expect(text).not.toContain(raw);
    }
    const [exp] = await s.sql("SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'EXPORT'");
    expect(Number(exp.n)).toBe(2);
  });

  test('after erasure the subject keeps a tombstone, its digest key is destroyed, and the chain still verifies', async () => {
    const [subject] = await s.sql("SELECT id FROM data_subject WHERE full_name = ?", [NEW_NAME]);
    const res = await s.gql(`mutation($id: ID!) { eraseDataSubject(id: $id) { id fullName phone erasedAt } }`, { id: String(subject.id) }, manager);
    expect(res.data?.eraseDataSubject).toMatchObject({ fullName: '[erased]', phone: null });
    expect(res.data?.eraseDataSubject.erasedAt).toBeTruthy();
    const [key] = await s.sql('SELECT wrapped_key, destroyed_at FROM subject_key WHERE subject_id = ?', [subject.id]);
    expect(key.wrapped_key).toBeNull();
    expect(key.destroyed_at).toBeTruthy();
    const [erase] = await s.sql("SELECT fields FROM audit_entry WHERE action = 'ERASE' AND subject_id = ?", [subject.id]);
    expect(erase.fields).toContain('fullName');
    const verify = await s.gql('{ verifyAuditChain { ok checked firstBrokenSeq unlinked } }', {}, manager);
    expect(verify.data?.verifyAuditChain).toMatchObject({ ok: true, firstBrokenSeq: null, unlinked: 0 });
  });

  test('when the audit insert fails, the response is an error with data: null and no personal value', async () => {
    const block =
      kind === 'mysql'
        ? "CREATE TRIGGER block_audit BEFORE INSERT ON audit_entry FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'blocked'"
        : "CREATE TRIGGER block_audit BEFORE INSERT ON audit_entry BEGIN SELECT RAISE(ABORT, 'blocked'); END";
    await s.sql(block);
    try {
      const res = await s.gql('{ allDataSubjects(perPage: 50) { id fullName email phone } }', {}, manager);
      expect(res.data).toBeNull();
      expect(res.errors?.[0]?.extensions.code).toBe('INTERNAL_SERVER_ERROR');
      for (const raw of ['山田', 'taro.yamada@example.jp', '03-1234-5678']) expect(res.body).not.toContain(raw);
      expect(res.body).not.toMatch(/blocked|INSERT|audit_entry|stack/i);
    } finally {
      await s.sql('DROP TRIGGER block_audit');
    }
    const ok = await s.gql('{ allDataSubjects(perPage: 1) { fullName } }', {}, manager);
    expect(ok.data?.allDataSubjects).toHaveLength(1);
  });

  test('an altered entry is found by verifyAuditChain at its sequence number', async () => {
    await s.linked();
    const [target] = await s.sql('SELECT l.seq, l.entry_id FROM audit_link l ORDER BY l.seq LIMIT 1 OFFSET 3');
    for (const sql of dialect.dropAppendOnlyTriggers('audit_entry')) await s.sql(sql);
    try {
      await s.sql("UPDATE audit_entry SET reason = 'rewritten' WHERE id = ?", [target.entry_id]);
      const res = await s.gql('{ verifyAuditChain { ok firstBrokenSeq } }', {}, manager);
      expect(res.data?.verifyAuditChain).toEqual({ ok: false, firstBrokenSeq: Number(target.seq) });
    } finally {
      await s.sql("UPDATE audit_entry SET reason = NULL WHERE id = ? AND reason = 'rewritten'", [target.entry_id]);
      for (const sql of dialect.appendOnlyTriggers('audit_entry')) await s.sql(sql);
    }
  });

  test('after the tail is deleted, a previously exported head no longer verifies', async () => {
    const head = (await s.gql('{ auditHead { seq hash } }', {}, manager)).data?.auditHead;
    expect((await s.gql('query($s: Int!, $h: String!) { verifyAuditChainExtends(seq: $s, hash: $h) }', { s: head.seq, h: head.hash }, manager)).data?.verifyAuditChainExtends).toBe(true);
    // Truncate the tail: its entries and their links (with the triggers out of the way).
    await s.linked();
    const tail = await s.sql('SELECT entry_id FROM audit_link WHERE seq >= ?', [head.seq - 1]);
    for (const table of ['audit_entry', 'audit_link']) for (const sql of dialect.dropAppendOnlyTriggers(table)) await s.sql(sql);
    await s.sql('DELETE FROM audit_link WHERE seq >= ?', [head.seq - 1]);
    await s.sql(`DELETE FROM audit_entry WHERE id IN (${tail.map(() => '?').join(',')})`, tail.map((t) => t.entry_id));
    for (const table of ['audit_entry', 'audit_link']) for (const sql of dialect.appendOnlyTriggers(table)) await s.sql(sql);
    const res = await s.gql('query($s: Int!, $h: String!) { verifyAuditChainExtends(seq: $s, hash: $h) }', { s: head.seq, h: head.hash }, manager);
    expect(res.data?.verifyAuditChainExtends).toBe(false);
  });
});

/** Two server processes' apps on one database, one log: the second shares the first one's signing key and witness directory. */
async function twoServers(kind: DatabaseKind, db: TestDatabase) {
  const first = await startServer(kind, {}, { url: db.url, drop: async () => undefined });
  const { dataDir, auditWitnessDir } = first.app.services.config;
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'error' } as NodeJS.ProcessEnv), databaseUrl: db.url, migrationDatabaseUrl: db.url, dataDir, auditWitnessDir };
  const second = await createApp(config, new MovableClock());
  return { first, second, port: await second.listen(0) };
}

/**
 * A late commit: an entry `gap` ids above the newest is linked first, then one
 * just above the newest commits (request id 'late-test-low'), left for a sweep.
 */
async function commitLateEntry(s: TestServer, gap: number): Promise<void> {
  await s.linked();
  const [{ maxId }] = await s.sql('SELECT MAX(id) AS maxId FROM audit_entry');
  const insert = (id: number, requestId: string) =>
    s.sql("INSERT INTO audit_entry (id, occurred_at, action, fields, outcome, request_id) VALUES (?, '2026-11-29T00:00:00.000Z', 'READ', '', 'ALLOWED', ?)", [id, requestId]);
  await insert(Number(maxId) + gap, 'late-test-high');
  await s.linked();
  await insert(Number(maxId) + 1, 'late-test-low');
}

describe.each(databaseKinds().filter((k) => k === 'mysql'))('two servers on one %s database', (kind) => {
  test('200 concurrent reads through two servers leave 200 entries in one unbroken chain', async () => {
    const db = await createTestDatabase(kind);
    const { first, second, port } = await twoServers(kind, db);
    try {
      const token = await first.login(STAFF);
      const [c] = await first.sql('SELECT subject_id FROM request_case WHERE assignee_id IS NOT NULL AND subject_id IS NOT NULL LIMIT 1');
      const before = Number((await first.sql('SELECT MAX(id) AS id FROM audit_entry'))[0].id);
      const urls = [`${first.url}/graphql`, `http://127.0.0.1:${port}/graphql`];
      const responses = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          fetch(urls[i % 2]!, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query: `{ DataSubject(id: "${c.subject_id}") { fullName } }` }),
          }).then((r) => r.json() as Promise<{ data?: { DataSubject?: { fullName?: string } } }>),
        ),
      );
      expect(responses.filter((r) => r.data?.DataSubject?.fullName)).toHaveLength(200);
      await first.linked();
      await second.services.linker.linkPending();
      const reads = await first.sql("SELECT COUNT(*) AS n FROM audit_entry WHERE id > ? AND action = 'READ'", [before]);
      expect(Number(reads[0].n)).toBe(200);
      const manager = await first.login(MANAGER);
      const verify = await first.gql('{ verifyAuditChain { ok checked headSeq unlinked firstBrokenSeq } }', {}, manager);
      expect(verify.data?.verifyAuditChain).toMatchObject({ ok: true, unlinked: 0, firstBrokenSeq: null });
      const [{ n, maxSeq }] = await first.sql('SELECT COUNT(*) AS n, MAX(seq) AS maxSeq FROM audit_link');
      expect(Number(n)).toBe(Number(maxSeq)); // no gaps
    } finally {
      await second.close();
      await first.close();
      await db.drop();
    }
  });
});

describe.each(databaseKinds().filter((k) => k === 'mysql'))('a server that does not hold the chain lease on %s', (kind) => {
  test('waits for the holder to link an entry that committed below the newest linked one, then verifies', async () => {
    const db = await createTestDatabase(kind);
    const { first, second, port } = await twoServers(kind, db);
    try {
      const manager = await first.login(MANAGER);
      // committed after the holder's pass went past it: only the holder's next sweep links it
      await commitLateEntry(first, 20);
      await second.services.linker.linkPending();
      const [low] = await first.sql("SELECT l.seq FROM audit_entry e LEFT JOIN audit_link l ON l.entry_id = e.id WHERE e.request_id = 'late-test-low'");
      expect(low.seq).not.toBeNull();
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${manager}` },
        body: JSON.stringify({ query: '{ verifyAuditChain { ok unlinked } }' }),
      }).then((r) => r.json() as Promise<{ data?: { verifyAuditChain?: unknown } }>);
      expect(res.data?.verifyAuditChain).toEqual({ ok: true, unlinked: 0 });
    } finally {
      await second.close();
      await first.close();
      await db.drop();
    }
  });
});

describe('late commits', () => {
  test('an entry committed far below the newest linked one is still linked before verification', async () => {
    const s = await startServer('sqlite');
    try {
      const manager = await s.login(MANAGER);
      await commitLateEntry(s, 20_000);
      const res = await s.gql('{ verifyAuditChain { ok unlinked } }', {}, manager);
      expect(res.data?.verifyAuditChain).toEqual({ ok: true, unlinked: 0 });
    } finally {
      await s.close();
    }
  });
});
