import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { databaseKinds } from './support/databases';
import { startServer, type TestServer } from './support/server';
import { assignedCase, auditSince, lastAuditId, newSubject, recordCase, signIn, type Tokens } from './support/case-workflow';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('本人確認書類の写し: パスポート番号 TK1234567\n'), Buffer.alloc(2048, 0x20), Buffer.from('%%EOF\n')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 2)]);

describe.each(databaseKinds())('case documents on %s', (kind) => {
  let s: TestServer;
  let t: Tokens;
  let caseId: string;
  let documentDir: string;

  beforeAll(async () => {
    s = await startServer(kind);
    s.clock.set('2027-03-01T03:00:00Z');
    t = await signIn(s);
    documentDir = s.app.services.config.documentDir;
    caseId = await assignedCase(s, t, { subjectId: await newSubject(s, t.manager) });
  });
  afterAll(async () => {
    await s?.close();
    if (documentDir) rmSync(documentDir, { recursive: true, force: true });
  });

  const upload = (token: string | null, id: string, body: Buffer, kind = 'IDENTITY_DOCUMENT') =>
    fetch(`${s.url}/api/cases/${id}/documents?kind=${kind}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });
  const download = (token: string | null, id: string, documentId: string) =>
    fetch(`${s.url}/api/cases/${id}/documents/${documentId}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  test('the assigned staff member attaches a PDF scan: stored encrypted, listed on the case, audited as CREATE', async () => {
    const before = await lastAuditId(s);
    const res = await upload(t.staff, caseId, PDF);
    expect(res.status).toBe(201);
    const meta = await res.json();
    expect(meta).toMatchObject({ caseId, kind: 'IDENTITY_DOCUMENT', contentType: 'application/pdf', sizeBytes: PDF.length, uploadedById: t.staffId });
    expect((await auditSince(s, before)).map((e) => [e.action, e.entity_type, e.entity_id, e.case_id])).toEqual([['CREATE', 'CaseDocument', meta.id, Number(caseId)]]);

    const files = readdirSync(documentDir);
    const [row] = await s.sql('SELECT storage_key FROM case_document WHERE id = ?', [Number(meta.id)]);
    expect(files).toContain(row.storage_key);
    const stored = readFileSync(join(documentDir, row.storage_key));
    expect(stored.includes(Buffer.from('%PDF'))).toBe(false);
    expect(stored.includes(Buffer.from('TK1234567'))).toBe(false);

    const listed = await s.gql('query($id: ID!) { Case(id: $id) { documents { id kind contentType sizeBytes destroyedAt } } }', { id: caseId }, t.staff);
    expect(listed.data?.Case.documents).toEqual([{ id: meta.id, kind: 'IDENTITY_DOCUMENT', contentType: 'application/pdf', sizeBytes: PDF.length, destroyedAt: null }]);
  });

  test('a download returns the original bytes, only after its DOWNLOAD entry is committed', async () => {
    const meta = await (await upload(t.staff, caseId, PNG, 'REQUEST_FORM')).json();
    const before = await lastAuditId(s);
    const res = await download(t.manager, caseId, meta.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="REQ-\d{4}-\d{4}-\d+\.png"$/);
    const body = Buffer.from(await res.arrayBuffer());
    // read right after the response: the entry is already there
    const entries = await auditSince(s, before);
    expect(body.equals(PNG)).toBe(true);
    expect(entries.map((e) => [e.action, e.entity_type, e.entity_id, e.case_id])).toEqual([['DOWNLOAD', 'CaseDocument', meta.id, Number(caseId)]]);
  });

  test('JPEG is accepted; other types, empty bodies and bodies over 10 MB are refused and nothing is stored', async () => {
    expect((await upload(t.staff, caseId, JPEG, 'OTHER')).status).toBe(201);
    const filesBefore = readdirSync(documentDir).length;
    const gif = await upload(t.staff, caseId, Buffer.from('GIF89a........'));
    expect(gif.status).toBe(400);
    expect((await gif.json()).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    const html = await upload(t.staff, caseId, Buffer.from('<html><script>alert(1)</script></html>'));
    expect(html.status).toBe(400);
    expect((await upload(t.staff, caseId, Buffer.alloc(0))).status).toBe(400);
    const big = await upload(t.staff, caseId, Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]));
    expect(big.status).toBe(413);
    expect((await big.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const unknownKind = await upload(t.staff, caseId, PDF, 'PHOTO');
    expect((await unknownKind.json()).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
    expect(readdirSync(documentDir).length).toBe(filesBefore);
  });

  test('anonymous requests are refused (401, nothing audited); other staff and supervisors are FORBIDDEN and audited', async () => {
    const meta = await (await upload(t.staff, caseId, PDF)).json();
    const before = await lastAuditId(s);
    expect((await download(null, caseId, meta.id)).status).toBe(401);
    expect((await download('not-a-token', caseId, meta.id)).status).toBe(401);
    expect((await upload(null, caseId, PDF)).status).toBe(401);
    expect(await auditSince(s, before)).toEqual([]);

    const denied = await download(t.staff2, caseId, meta.id);
    expect(denied.status).toBe(403);
    expect((await denied.json()).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await download(t.supervisor, caseId, meta.id)).status).toBe(403);
    expect((await upload(t.staff2, caseId, PDF)).status).toBe(403);
    const entries = await auditSince(s, before);
    expect(entries.map((e) => [e.action, e.entity_type, e.outcome])).toEqual([
      ['ACCESS_DENIED', 'Case', 'DENIED'],
      ['ACCESS_DENIED', 'Case', 'DENIED'],
      ['ACCESS_DENIED', 'Case', 'DENIED'],
    ]);
  });

  test('a document of another case, or an unknown one, is NOT_FOUND; the recorder may attach while the case is unassigned', async () => {
    const meta = await (await upload(t.staff, caseId, PDF)).json();
    const other = await recordCase(s, t.staff, {});
    expect((await download(t.manager, other, meta.id)).status).toBe(404);
    expect((await download(t.manager, caseId, '999999')).status).toBe(404);
    expect((await upload(t.staff, other, PDF, 'REQUEST_FORM')).status).toBe(201);
  });

  test('a tampered file is not returned', async () => {
    const meta = await (await upload(t.staff, caseId, PDF)).json();
    const [row] = await s.sql('SELECT storage_key FROM case_document WHERE id = ?', [Number(meta.id)]);
    const path = join(documentDir, row.storage_key);
    const stored = readFileSync(path);
    stored[stored.length - 1] ^= 0xff;
    writeFileSync(path, stored);
    const res = await download(t.manager, caseId, meta.id);
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('TK1234567');
  });
});
