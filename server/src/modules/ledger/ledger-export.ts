import { Workbook } from 'exceljs';
import { DATA_ITEM_LABELS, EXPORT_VALUE_LABELS, LEDGER_ENUM_LABELS, LEDGER_FIELD_LABELS, RISK_FIELD_LABELS, type ExportLanguage } from '@mamori/shared';
import { csvCell } from '../audit/export';
import type { LedgerRecord } from './ledger-record.entity';
import { inherentRisk, isPastDue, isUnmitigated, type RiskStanding } from './ledger.rules';
import type { RiskAssessment } from './risk-assessment.entity';

/** One exported sheet: a title, its column headers and its rows (numbers stay numbers). */
export interface Table {
  title: string;
  headers: string[];
  widths: number[];
  rows: Array<Array<string | number>>;
}

/** What the export names by id: purposes, subcontractors, reviewers and records. */
export interface ExportNames {
  purposes: Map<number, { code: string; title: string; titleJa: string }>;
  subcontractors: Map<number, string>;
  users: Map<number, string>;
  records: Map<number, string>;
}

type Column<T> = [header: string, width: number, value: (row: T) => string | number];

const SHEET_TITLES = { ja: { ledger: '個人情報管理台帳', risks: 'リスク評価' }, en: { ledger: 'Personal information ledger', risks: 'Risk assessment' } };

/** Several values in one cell, the way each language lists them. */
const joined = (language: ExportLanguage, values: readonly string[]) => values.join(language === 'ja' ? '、' : '; ');

function table<T>(title: string, columns: Array<Column<T>>, rows: T[]): Table {
  return { title, headers: columns.map((c) => c[0]), widths: columns.map((c) => c[1]), rows: rows.map((r) => columns.map((c) => c[2](r))) };
}

export function ledgerTable(records: LedgerRecord[], standings: Map<number, RiskStanding>, names: ExportNames, language: ExportLanguage, today: string): Table {
  const f = LEDGER_FIELD_LABELS[language];
  const e = LEDGER_ENUM_LABELS[language];
  const v = EXPORT_VALUE_LABELS[language];
  const yes = (b: boolean) => (b ? v.yes : v.no);
  const country = (code: string | null) => (code ? `${code} ${new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? ''}`.trim() : '');
  const purpose = (id: number) => {
    const p = names.purposes.get(id);
    return p ? `${p.code} ${language === 'ja' ? p.titleJa : p.title}` : String(id);
  };
  const standing = (r: LedgerRecord) => standings.get(r.id) ?? { assessments: 0, overdue: 0, unmitigated: 0 };
  const columns: Array<Column<LedgerRecord>> = [
    [f.id, 6, (r) => r.id],
    [f.name, 28, (r) => r.name],
    [f.department, 16, (r) => r.department],
    [f.subjectCategory, 16, (r) => v.SubjectCategory[r.subjectCategory]],
    [f.dataItems, 30, (r) => joined(language, [...r.dataItems.filter((i) => i !== 'OTHER').map((i) => DATA_ITEM_LABELS[language][i]), ...r.otherDataItems])],
    [f.specialCare, 10, (r) => yes(r.specialCare)],
    [f.approximateRecords, 12, (r) => r.approximateRecords],
    [f.acquisitionMethod, 24, (r) => e.AcquisitionMethod[r.acquisitionMethod]],
    [f.purposeIds, 40, (r) => joined(language, r.purposeIds.map(purpose))],
    [f.storageSystem, 20, (r) => r.storageSystem ?? ''],
    [f.storageMedium, 10, (r) => e.StorageMedium[r.storageMedium]],
    [f.storageLocation, 24, (r) => r.storageLocation],
    [f.accessRoles, 24, (r) => joined(language, r.accessRoles.map((role) => v.Role[role] ?? role))],
    [f.accessDepartments, 24, (r) => joined(language, r.accessDepartments)],
    [f.retentionPeriod, 16, (r) => r.retentionPeriod],
    [f.disposalMethod, 24, (r) => r.disposalMethod],
    [f.subcontractorIds, 28, (r) => joined(language, r.subcontractorIds.map((id) => names.subcontractors.get(id) ?? String(id)))],
    [f.thirdPartyProvision, 10, (r) => yes(r.thirdPartyProvision)],
    [f.provisionBasis, 20, (r) => (r.provisionBasis ? v.LegalBasis[r.provisionBasis] : '')],
    [f.provisionRecipients, 24, (r) => r.provisionRecipients ?? ''],
    [f.foreignTransfer, 10, (r) => yes(r.foreignTransfer)],
    [f.foreignCountry, 18, (r) => country(r.foreignCountry)],
    [f.foreignTransferBasis, 24, (r) => (r.foreignTransferBasis ? e.ForeignTransferBasis[r.foreignTransferBasis] : '')],
    [f.note, 30, (r) => r.note ?? ''],
    [f.lastReviewedOn, 12, (r) => r.lastReviewedOn],
    [f.nextReviewDue, 12, (r) => r.nextReviewDue],
    [f.reviewOverdue, 10, (r) => yes(!r.retiredAt && isPastDue(r.nextReviewDue, today))],
    [f.riskAssessmentCount, 10, (r) => standing(r).assessments],
    [f.riskAssessmentOverdue, 10, (r) => yes(!r.retiredAt && standing(r).overdue > 0)],
    [f.highRiskUnmitigated, 10, (r) => yes(!r.retiredAt && standing(r).unmitigated > 0)],
    [f.retiredAt, 20, (r) => r.retiredAt ?? ''],
  ];
  return table(SHEET_TITLES[language].ledger, columns, records);
}

export function riskTable(assessments: RiskAssessment[], names: ExportNames, language: ExportLanguage, today: string): Table {
  const f = RISK_FIELD_LABELS[language];
  const e = LEDGER_ENUM_LABELS[language];
  const yes = (b: boolean) => (b ? EXPORT_VALUE_LABELS[language].yes : EXPORT_VALUE_LABELS[language].no);
  const columns: Array<Column<RiskAssessment>> = [
    [f.id, 6, (a) => a.id],
    [language === 'ja' ? '台帳ID' : 'Ledger ID', 8, (a) => a.ledgerRecordId],
    [f.ledgerRecordId, 28, (a) => names.records.get(a.ledgerRecordId) ?? ''],
    [f.stage, 12, (a) => e.LifecycleStage[a.stage]],
    [f.riskKind, 16, (a) => e.RiskKind[a.riskKind]],
    [f.likelihood, 10, (a) => e.RiskLevel[a.likelihood]],
    [f.impact, 10, (a) => e.RiskLevel[a.impact]],
    [f.inherentRisk, 10, (a) => e.RiskLevel[inherentRisk(a.likelihood, a.impact)]],
    [f.measuresInPlace, 40, (a) => a.measuresInPlace],
    [f.residualRisk, 10, (a) => e.RiskLevel[a.residualRisk]],
    [f.plannedMeasure, 40, (a) => a.plannedMeasure ?? ''],
    [f.reviewerId, 20, (a) => names.users.get(a.reviewerId) ?? String(a.reviewerId)],
    [f.reviewedOn, 12, (a) => a.reviewedOn],
    [f.nextAssessmentDue, 12, (a) => a.nextAssessmentDue],
    [f.overdue, 10, (a) => yes(!a.retiredAt && isPastDue(a.nextAssessmentDue, today))],
    [f.unmitigated, 10, (a) => yes(!a.retiredAt && isUnmitigated(a))],
    [f.retiredAt, 20, (a) => a.retiredAt ?? ''],
  ];
  return table(SHEET_TITLES[language].risks, columns, assessments);
}

/** UTF-8 with a byte-order mark, so spreadsheet programs read Japanese correctly; formula-like cells defused. */
export function toCsvBytes(t: Table): Buffer {
  const lines = [t.headers, ...t.rows].map((cells) => cells.map(csvCell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** One sheet a table: bold, frozen headers with a filter; text cells hold text, never formulas. */
export async function toWorkbook(tables: Table[], generatedAt: Date): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Mamori';
  workbook.created = generatedAt;
  workbook.modified = generatedAt;
  for (const t of tables) {
    const sheet = workbook.addWorksheet(t.title, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = t.headers.map((header, i) => ({ header, width: t.widths[i] }));
    sheet.getRow(1).font = { bold: true };
    for (const row of t.rows) sheet.addRow(row).alignment = { vertical: 'top', wrapText: true };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.headers.length } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
