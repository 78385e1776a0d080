import { Workbook, type Worksheet } from 'exceljs';
import { databaseKinds } from './support/databases';
import { startServer, type TestServer } from './support/server';
import { auditSince, codeOf, lastAuditId, signIn, type Tokens } from './support/case-workflow';
import { createRecord, createRisk, customerAccounts, purposeId } from './support/ledger';

const EXPORT = `query($format: LedgerExportFormat!, $language: ExportLanguage, $includeRetired: Boolean) {
  exportLedger(format: $format, language: $language, includeRetired: $includeRetired) { filename contentType contentBase64 records assessments } }`;

/** A sheet's rows as plain values (row 1 is the header). */
const valuesOf = (sheet: Worksheet): unknown[][] => {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
};

/** A CSV of our export (RFC 4180, CRLF) back into rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  return rows;
}

describe.each(databaseKinds())('ledger exports on %s', (kind) => {
  let s: TestServer;
  let t: Tokens;
  let recordId: string;
  let retiredId: string;

  const exported = async (vars: Record<string, unknown>, token = t.manager) => {
    const res = await s.gql(EXPORT, vars, token);
    if (!res.data) throw new Error(`exportLedger failed: ${res.body}`);
    const file = res.data.exportLedger as { filename: string; contentType: string; contentBase64: string; records: number; assessments: number };
    return { ...file, bytes: Buffer.from(file.contentBase64, 'base64') };
  };

  beforeAll(async () => {
    s = await startServer(kind);
    s.clock.set('2026-12-01T03:00:00Z');
    t = await signIn(s);
    const purpose = await purposeId(s, t.manager, 'CUSTOMER_SERVICES');
    const record = await createRecord(
      s,
      t.manager,
      customerAccounts(purpose, {
        name: '=HYPERLINK("http://attacker.example","会員")',
        department: '+EC事業部',
        storageLocation: '-東京リージョン',
        note: '@メモ, "引用" を含む',
        foreignTransfer: true,
        foreignCountry: 'SG',
        foreignTransferBasis: 'EQUIVALENT_MEASURES',
        lastReviewedOn: '2025-11-01',
      }),
    );
    recordId = record.data?.createLedgerRecord.id;
    await createRisk(s, t.manager, { ledgerRecordId: recordId, stage: 'STORAGE', riskKind: 'LEAK', likelihood: 'HIGH', impact: 'HIGH', residualRisk: 'HIGH', measuresInPlace: '=1+1 の誤入力防止' });
    await createRisk(s, t.manager, { ledgerRecordId: recordId, stage: 'DISPOSAL', riskKind: 'LOSS', likelihood: 'LOW', impact: 'LOW', residualRisk: 'LOW', plannedMeasure: '廃棄証明書を保管' });
    const retired = await createRecord(s, t.manager, customerAccounts(purpose, { name: '旧キャンペーン応募者' }));
    retiredId = retired.data?.createLedgerRecord.id;
    await s.gql('mutation($id: ID!) { retireLedgerRecord(id: $id) { id } }', { id: retiredId }, t.manager);
  });
  afterAll(() => s?.close());

  test('the workbook opens with ExcelJS and holds the ledger and the risk assessment, in Japanese', async () => {
    const before = await lastAuditId(s);
    const file = await exported({ format: 'XLSX', language: 'ja' });
    expect(file.filename).toBe('personal-information-ledger-2026-12-01.xlsx');
    expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new Workbook();
    await workbook.xlsx.load(file.bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['個人情報管理台帳', 'リスク評価']);
    const ledger = valuesOf(workbook.getWorksheet('個人情報管理台帳')!);
    const header = ledger[0] as string[];
    expect(header.slice(0, 4)).toEqual(['ID', '個人情報の名称', '管理部署', '本人の区分']);
    const mine = ledger.find((r) => String(r[0]) === recordId)!;
    const cell = (name: string) => mine[header.indexOf(name)];
    // text stays text: a formula-like name is a string cell, never a formula
    expect(cell('個人情報の名称')).toBe('=HYPERLINK("http://attacker.example","会員")');
    expect(cell('本人の区分')).toBe('お客様');
    expect(cell('項目')).toBe('氏名、住所、メールアドレス、購入履歴');
    expect(cell('件数（概数）')).toBe(12000);
    expect(cell('取得方法')).toBe('本人から書面で直接取得');
    expect(cell('利用目的')).toMatch(/^CUSTOMER_SERVICES 当社サービスの提供/);
    expect(cell('提供先の国')).toBe('SG シンガポール');
    expect(cell('見直し期限超過')).toBe('はい');
    expect(cell('リスク評価の件数')).toBe(2);
    expect(cell('高リスク・対策未計画')).toBe('はい');
    // retired records stay out unless asked for
    expect(ledger.some((r) => String(r[0]) === retiredId)).toBe(false);
    expect(file.records).toBe(ledger.length - 1);
    const risks = valuesOf(workbook.getWorksheet('リスク評価')!);
    const riskHeader = risks[0] as string[];
    const ofRecord = risks.filter((r) => String(r[riskHeader.indexOf('台帳ID')]) === recordId);
    expect(ofRecord.map((r) => [r[riskHeader.indexOf('段階')], r[riskHeader.indexOf('リスク')], r[riskHeader.indexOf('対策前のリスク')], r[riskHeader.indexOf('残留リスク')], r[riskHeader.indexOf('高リスク・対策未計画')]])).toEqual([
      ['保管', '漏えい', '高', '高', 'はい'],
      ['廃棄', '滅失', '低', '低', 'いいえ'],
    ]);
    expect(ofRecord[0]![riskHeader.indexOf('評価者')]).toBe('個人情報管理責任者 佐藤');
    const entries = await auditSince(s, before);
    expect(entries.map((e) => [e.action, e.entity_type, e.subject_id])).toEqual([['EXPORT', 'LedgerRecord', null]]);
    expect(entries[0]!.reason).toBe(`XLSX (ja), ${file.records} records, ${file.assessments} risk assessments`);
  });

  test('headers and values are in English for an English user, and retired records come when asked for', async () => {
    const file = await exported({ format: 'XLSX', language: 'en', includeRetired: true });
    const workbook = new Workbook();
    await workbook.xlsx.load(file.bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Personal information ledger', 'Risk assessment']);
    const ledger = valuesOf(workbook.worksheets[0]!);
    const header = ledger[0] as string[];
    expect(header.slice(0, 4)).toEqual(['ID', 'Personal information', 'Owning department', 'Data subjects']);
    const mine = ledger.find((r) => String(r[0]) === recordId)!;
    expect(mine[header.indexOf('Data items')]).toBe('Name; Address; E-mail address; 購入履歴');
    expect(mine[header.indexOf('Country')]).toBe('SG Singapore');
    expect(mine[header.indexOf('Review overdue')]).toBe('Yes');
    const retired = ledger.find((r) => String(r[0]) === retiredId)!;
    expect(retired[header.indexOf('Retired at')]).toMatch(/^2026-12-01T/);
    expect(retired[header.indexOf('Review overdue')]).toBe('No');
  });

  test('the ledger CSV is UTF-8 with a byte-order mark, quoted per RFC 4180, with formula-like cells defused', async () => {
    const before = await lastAuditId(s);
    const file = await exported({ format: 'LEDGER_CSV', language: 'ja' });
    expect(file.filename).toBe('personal-information-ledger-2026-12-01.csv');
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(file.bytes.toString('utf8').slice(1));
    const header = rows[0]!;
    expect(header[1]).toBe('個人情報の名称');
    const mine = rows.find((r) => r[0] === recordId)!;
    expect(mine[header.indexOf('個人情報の名称')]).toBe(`'=HYPERLINK("http://attacker.example","会員")`);
    expect(mine[header.indexOf('管理部署')]).toBe("'+EC事業部");
    expect(mine[header.indexOf('保管場所')]).toBe("'-東京リージョン");
    expect(mine[header.indexOf('備考')]).toBe(`'@メモ, "引用" を含む`);
    expect(mine[header.indexOf('本人の区分')]).toBe('お客様');
    expect(rows.every((r) => r.length === header.length)).toBe(true);
    expect((await auditSince(s, before)).map((e) => [e.action, e.entity_type, e.reason])).toEqual([['EXPORT', 'LedgerRecord', `LEDGER_CSV (ja), ${file.records} records, 0 risk assessments`]]);
  });

  test('the risk-assessment CSV holds the assessments with their records', async () => {
    const before = await lastAuditId(s);
    const file = await exported({ format: 'RISK_ASSESSMENT_CSV', language: 'en' });
    expect(file.filename).toBe('risk-assessment-2026-12-01.csv');
    const rows = parseCsv(file.bytes.toString('utf8').replace(/^\uFEFF/, ''));
    const header = rows[0]!;
    expect(header.slice(0, 5)).toEqual(['ID', 'Ledger ID', 'Personal information', 'Stage', 'Risk']);
    const mine = rows.filter((r) => r[1] === recordId);
    expect(mine.map((r) => [r[header.indexOf('Stage')], r[header.indexOf('Risk')], r[header.indexOf('Residual risk')]])).toEqual([
      ['Storage', 'Leak', 'High'],
      ['Disposal', 'Loss', 'Low'],
    ]);
    expect(mine[0]![header.indexOf('Measures in place')]).toBe("'=1+1 の誤入力防止");
    expect(mine[0]![header.indexOf('Personal information')]).toBe(`'=HYPERLINK("http://attacker.example","会員")`);
    expect((await auditSince(s, before)).map((e) => [e.action, e.entity_type])).toEqual([['EXPORT', 'RiskAssessment']]);
  });

  test('only the privacy manager exports; a bad format is refused before anything is audited', async () => {
    for (const token of [t.staff, t.supervisor]) expect(codeOf(await s.gql(EXPORT, { format: 'XLSX' }, token))).toBe('FORBIDDEN');
    const before = await lastAuditId(s);
    expect(codeOf(await s.gql(EXPORT, { format: 'PDF' }, t.manager))).toBe('BAD_USER_INPUT');
    expect(codeOf(await s.gql(EXPORT, { format: 'XLSX', language: 'fr' }, t.manager))).toBe('BAD_USER_INPUT');
    expect(await auditSince(s, before)).toEqual([]);
  });
});
