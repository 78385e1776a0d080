import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSignedCheckpoint } from '../server/src/modules/audit/transparency/checkpoint';
import { leafHash, verifyConsistency, verifyInclusion } from '../server/src/modules/audit/transparency/merkle';
import { parseVerifierKey, verifiedBy } from '../server/src/modules/audit/transparency/signed-note';
import { databaseKinds } from './support/databases';
import { MANAGER, STAFF, startServer, type TestServer } from './support/server';

const ROOT = join(__dirname, '..');
const CHECKPOINT = '{ auditCheckpoint { origin treeSize rootHash note verifierKey previousVerifierKeys } }';
const INCLUSION = 'query($s: Int!, $t: Int) { auditInclusionProof(seq: $s, treeSize: $t) { treeSize leafIndex leafData leafHash hashes } }';
const CONSISTENCY = 'query($f: Int!, $t: Int) { auditConsistencyProof(fromSize: $f, toSize: $t) { fromSize treeSize hashes } }';

/** Go's golang.org/x/mod/sumdb/note and sumdb/tlog (Debian golang-go and golang-golang-x-mod-dev), built once. */
let goChecker: string | null = null;
function tlogcheck(): string {
  if (goChecker) return goChecker;
  const dir = mkdtempSync(join(tmpdir(), 'mamori-tlogcheck-'));
  const out = join(dir, 'tlogcheck');
  try {
    execFileSync('go', ['build', '-o', out, join(ROOT, 'test/interop/tlogcheck.go')], {
      env: { ...process.env, GOPATH: '/usr/share/gocode', GO111MODULE: 'off', GOFLAGS: '-mod=mod', GOCACHE: join(dir, 'cache') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    throw new Error(`building test/interop/tlogcheck.go failed (apt-get install golang-go golang-golang-x-mod-dev): ${(error as Error).message}`);
  }
  goChecker = out;
  return out;
}

function goVerify(input: unknown): { status: number | null; output: string } {
  const run = spawnSync(tlogcheck(), ['verify'], { input: JSON.stringify(input) });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const b64 = (s: string) => Buffer.from(s, 'base64');

test('Go verifies the committed test vectors (test/interop/vectors.json)', () => {
  const vectors = JSON.parse(readFileSync(join(ROOT, 'test/interop/vectors.json'), 'utf8'));
  expect(goVerify(vectors)).toEqual({ status: 0, output: 'ok: 2 checkpoints, 10 inclusion proofs, 1 consistency proofs\n' });
});

describe.each(databaseKinds())('proofs of the audit log on %s', (kind) => {
  let s: TestServer;
  let manager: string;
  let dir: string;

  beforeAll(async () => {
    s = await startServer(kind);
    manager = await s.login(MANAGER);
    for (let i = 0; i < 5; i++) await s.gql('{ allDataSubjects(perPage: 2) { id fullName } }', {}, await s.login(STAFF));
    dir = mkdtempSync(join(tmpdir(), 'mamori-proofs-'));
  });
  afterAll(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const q = async (query: string, variables: Record<string, unknown> = {}, token = manager) => {
    const res = await s.gql(query, variables, token);
    if (!res.data) throw new Error(res.body);
    return res.data;
  };

  test('checkpoints, inclusion and consistency proofs verify here and with Go’s sumdb/note and sumdb/tlog', async () => {
    const first = (await q(CHECKPOINT)).auditCheckpoint;
    for (let i = 0; i < 7; i++) await s.gql('{ allDataSubjects(perPage: 1) { fullName } }', {}, manager);
    const second = (await q(CHECKPOINT)).auditCheckpoint;
    expect(second.treeSize).toBeGreaterThan(first.treeSize);
    expect(second.note).toBe(`${second.origin}\n${second.treeSize}\n${second.rootHash}\n\n${second.note.split('\n\n')[1]}`);
    const verifier = parseVerifierKey(second.verifierKey);
    const cp = parseSignedCheckpoint(second.note);
    expect(verifiedBy(cp.parsed, [verifier])).toHaveLength(1);

    const seqs = [1, 2, Math.floor(second.treeSize / 2), second.treeSize];
    const inclusion = [];
    for (const seq of seqs) {
      const p = (await q(INCLUSION, { s: seq, t: second.treeSize })).auditInclusionProof;
      expect(p).toMatchObject({ treeSize: second.treeSize, leafIndex: seq - 1 });
      expect(b64(p.leafHash)).toEqual(leafHash(b64(p.leafData)));
      expect(verifyInclusion(seq - 1, p.treeSize, b64(p.leafHash), p.hashes.map(b64), cp.root)).toBe(true);
      inclusion.push(p);
    }
    // without treeSize: the newest signed checkpoint; an entry it does not cover yet gets a checkpoint that does
    const newest = (await q(INCLUSION, { s: 1 })).auditInclusionProof;
    expect(newest.treeSize).toBeGreaterThanOrEqual(second.treeSize);
    // proofs of what is signed reuse its checkpoint, though each writes an entry (the checkpoint after it comes within 2 s, not per request)
    const checkpoints = async () => Number((await s.sql<{ n: number }>('SELECT COUNT(*) AS n FROM audit_checkpoint'))[0]!.n);
    const before = await checkpoints();
    for (let i = 0; i < 10; i++) await q(INCLUSION, { s: 1 });
    expect(await checkpoints()).toBeLessThan(before + 5);
    await s.linked();
    const [{ head }] = await s.sql<{ head: number }>('SELECT MAX(seq) AS head FROM audit_link');
    const covering = (await q(INCLUSION, { s: Number(head) })).auditInclusionProof;
    expect(covering.treeSize).toBeGreaterThanOrEqual(Number(head));
    const [{ note }] = await s.sql<{ note: string }>('SELECT note FROM audit_checkpoint WHERE tree_size = ?', [covering.treeSize]);
    expect(verifyInclusion(Number(head) - 1, covering.treeSize, b64(covering.leafHash), covering.hashes.map(b64), parseSignedCheckpoint(note).root)).toBe(true);
    const old = (await q(INCLUSION, { s: 1, t: first.treeSize })).auditInclusionProof;
    expect(old.treeSize).toBe(first.treeSize);
    inclusion.push(old);
    const consistency = (await q(CONSISTENCY, { f: first.treeSize, t: second.treeSize })).auditConsistencyProof;
    expect(consistency).toMatchObject({ fromSize: first.treeSize, treeSize: second.treeSize });
    expect(verifyConsistency(first.treeSize, second.treeSize, b64(first.rootHash), cp.root, consistency.hashes.map(b64))).toBe(true);

    const input = { verifierKey: second.verifierKey, checkpoints: [first.note, second.note], inclusion, consistency: [consistency] };
    const go = goVerify(input);
    expect(go).toEqual({ status: 0, output: `ok: 2 checkpoints, 5 inclusion proofs, 1 consistency proofs\n` });
    // and Go rejects a changed proof or a changed checkpoint
    const badProof = { ...input, consistency: [{ ...consistency, hashes: [...consistency.hashes].reverse() }] };
    if (consistency.hashes.length > 1) expect(goVerify(badProof).status).not.toBe(0);
    expect(goVerify({ ...input, checkpoints: [first.note, second.note.replace(`\n${second.treeSize}\n`, `\n${second.treeSize + 1}\n`)] }).status).not.toBe(0);
    expect(goVerify({ ...input, inclusion: [{ ...inclusion[0], leafData: Buffer.from('forged').toString('base64') }] }).status).not.toBe(0);
  });

  test('bad sizes and seqs are BAD_USER_INPUT naming the argument; staff may not ask', async () => {
    const { auditCheckpoint } = await q(CHECKPOINT);
    for (const [query, variables, field] of [
      [INCLUSION, { s: 0 }, 'seq'],
      [INCLUSION, { s: auditCheckpoint.treeSize + 1000 }, 'seq'],
      [INCLUSION, { s: 1, t: 0 }, 'treeSize'],
      [INCLUSION, { s: 1, t: 10_000_000 }, 'treeSize'],
      [CONSISTENCY, { f: 0 }, 'fromSize'],
      [CONSISTENCY, { f: 5, t: 3 }, 'fromSize'],
      [CONSISTENCY, { f: 1, t: 10_000_000 }, 'toSize'],
    ] as const) {
      const res = await s.gql(query, variables, manager);
      expect({ field, error: res.errors?.[0]?.extensions }).toMatchObject({ field, error: { code: 'BAD_USER_INPUT', field } });
    }
    const staff = await s.login(STAFF);
    for (const query of [CHECKPOINT, '{ auditWitnesses { name } }']) {
      expect((await s.gql(query, {}, staff)).errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    }
  });

  test('a saved signed checkpoint is checked: held while the log extends it, refused when changed', async () => {
    const { auditCheckpoint } = await q(CHECKPOINT);
    const check = 'query($c: String!) { verifyAuditCheckpoint(checkpoint: $c) { signatureValid treeSize held } }';
    expect((await q(check, { c: auditCheckpoint.note })).verifyAuditCheckpoint).toEqual({ signatureValid: true, treeSize: auditCheckpoint.treeSize, held: true });
    const changed = auditCheckpoint.note.replace(auditCheckpoint.rootHash, Buffer.alloc(32, 7).toString('base64'));
    expect((await q(check, { c: changed })).verifyAuditCheckpoint).toMatchObject({ signatureValid: false, held: false });
    const res = await s.gql(check, { c: 'not a checkpoint' }, manager);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'checkpoint' });
  });

  test('the offline verifier passes on a real export, full or filtered, and fails on a changed line', async () => {
    const exported = (await q('query($f: AuditEntryFilter) { exportAuditEntries(format: JSONL, filter: $f) }', { f: { action: 'READ' } })).exportAuditEntries;
    const { auditCheckpoint } = await q(CHECKPOINT);
    // a checkpoint downloaded after the export also proves it: ask for proofs against the export's own size
    const firstLine = JSON.parse(exported.split('\n')[0]);
    const cpNote =
      firstLine.treeSize === auditCheckpoint.treeSize
        ? auditCheckpoint.note
        : (await s.sql('SELECT note FROM audit_checkpoint WHERE tree_size = ?', [firstLine.treeSize]))[0].note;
    writeFileSync(join(dir, 'trail.jsonl'), exported);
    writeFileSync(join(dir, 'checkpoint.txt'), cpNote);
    const run = (file: string) =>
      spawnSync(process.execPath, ['-r', join(ROOT, 'test/support/register-ts.js'), join(ROOT, 'server/src/cli/verify-audit.ts'),
        '--export', join(dir, file), '--checkpoint', join(dir, 'checkpoint.txt'), '--key', auditCheckpoint.verifierKey], { encoding: 'utf8' });
    const good = run('trail.jsonl');
    expect(good.stdout).toMatch(/^OK: \d+ entries verified/m);
    expect(good.status).toBe(0);
    const lines = exported.trim().split('\n');
    expect(lines.length).toBeGreaterThan(3);
    const line = JSON.parse(lines[2]);
    lines[2] = JSON.stringify({ ...line, actorId: String(Number(line.actorId) + 1) === 'NaN' ? 1 : Number(line.actorId) + 1 });
    writeFileSync(join(dir, 'changed.jsonl'), `${lines.join('\n')}\n`);
    const bad = run('changed.jsonl');
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain("FAIL line 3: the entry's fields are not its leaf bytes");
  });
});
