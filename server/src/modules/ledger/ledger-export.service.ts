import { Field, Int, ObjectType } from 'type-graphql';
import { In, IsNull } from 'typeorm';
import type { Clock } from '../../clock';
import type { Database } from '../../db/data-source';
import { badInput } from '../../errors';
import type { Caller } from '../common/caller';
import { PurposeOfUse } from '../purpose/purpose.entity';
import { Subcontractor } from '../subcontractor/subcontractor.entity';
import { User } from '../user/user.entity';
import { ledgerTable, riskTable, toCsvBytes, toWorkbook, type ExportNames } from './ledger-export';
import { LedgerRecord } from './ledger-record.entity';
import { riskStandingOf } from './ledger.rules';
import type { ExportLedgerArgs } from './ledger.inputs';
import type { LedgerService } from './ledger.service';
import { RiskAssessment } from './risk-assessment.entity';

/** More than any company's ledger holds; past it the export is refused rather than cut short. */
export const MAX_EXPORT_RECORDS = 10_000;

const CONTENT_TYPES = { XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', CSV: 'text/csv; charset=utf-8' };

@ObjectType('LedgerExport', { description: 'A file for an examiner: the ledger and its risk assessment' })
export class LedgerExport {
  @Field()
  filename!: string;

  @Field()
  contentType!: string;

  @Field({ description: 'The file, base64-encoded' })
  contentBase64!: string;

  @Field(() => Int, { description: 'Ledger records in it' })
  records!: number;

  @Field(() => Int, { description: 'Risk assessments in it' })
  assessments!: number;
}

/** The ledger as a workbook (both sheets) or one CSV a sheet, in the user's language; every export is audited. */
export class LedgerExportService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly ledger: LedgerService,
  ) {}

  async export(args: ExportLedgerArgs, caller: Caller): Promise<LedgerExport> {
    const records = await this.db.manager.find(LedgerRecord, { where: args.includeRetired ? {} : { retiredAt: IsNull() }, order: { id: 'ASC' }, take: MAX_EXPORT_RECORDS + 1 });
    if (records.length > MAX_EXPORT_RECORDS) throw badInput('includeRetired', `The ledger holds more than ${MAX_EXPORT_RECORDS} records; export the records in force`);
    const ids = records.map((r) => r.id);
    const assessments = ids.length
      ? await this.db.manager.find(RiskAssessment, { where: { ledgerRecordId: In(ids), ...(args.includeRetired ? {} : { retiredAt: IsNull() }) }, order: { ledgerRecordId: 'ASC', id: 'ASC' } })
      : [];
    const names = await this.namesFor(records, assessments);
    const today = this.ledger.today();
    const withLedger = args.format !== 'RISK_ASSESSMENT_CSV';
    const withRisks = args.format !== 'LEDGER_CSV';
    const inForce = assessments.filter((a) => !a.retiredAt);
    const standings = new Map(records.map((r) => [r.id, riskStandingOf(inForce.filter((a) => a.ledgerRecordId === r.id), today)]));
    const ledgerSheet = () => ledgerTable(records, standings, names, args.language, today);
    const riskSheet = () => riskTable(assessments, names, args.language, today);
    const content =
      args.format === 'XLSX' ? await toWorkbook([ledgerSheet(), riskSheet()], this.clock.now()) : toCsvBytes(args.format === 'LEDGER_CSV' ? ledgerSheet() : riskSheet());
    const counts = { records: withLedger ? records.length : 0, assessments: withRisks ? assessments.length : 0 };
    caller.audit.record('EXPORT', {
      entityType: withLedger ? 'LedgerRecord' : 'RiskAssessment',
      reason: `${args.format} (${args.language}), ${counts.records} records, ${counts.assessments} risk assessments${args.includeRetired ? ', retired included' : ''}`,
    });
    const stem = { XLSX: 'personal-information-ledger', LEDGER_CSV: 'personal-information-ledger', RISK_ASSESSMENT_CSV: 'risk-assessment' }[args.format];
    const extension = args.format === 'XLSX' ? 'xlsx' : 'csv';
    return {
      filename: `${stem}-${today}.${extension}`,
      contentType: args.format === 'XLSX' ? CONTENT_TYPES.XLSX : CONTENT_TYPES.CSV,
      contentBase64: content.toString('base64'),
      ...counts,
    };
  }

  private async namesFor(records: LedgerRecord[], assessments: RiskAssessment[]): Promise<ExportNames> {
    const purposeIds = [...new Set(records.flatMap((r) => r.purposeIds))];
    const subcontractorIds = [...new Set(records.flatMap((r) => r.subcontractorIds))];
    const userIds = [...new Set(assessments.map((a) => a.reviewerId))];
    const [purposes, subcontractors, users] = await Promise.all([
      purposeIds.length ? this.db.manager.findBy(PurposeOfUse, { id: In(purposeIds) }) : [],
      subcontractorIds.length ? this.db.manager.findBy(Subcontractor, { id: In(subcontractorIds) }) : [],
      userIds.length ? this.db.manager.find(User, { where: { id: In(userIds) }, select: { id: true, displayName: true } }) : [],
    ]);
    return {
      purposes: new Map(purposes.map((p) => [p.id, p])),
      subcontractors: new Map(subcontractors.map((s) => [s.id, s.name])),
      users: new Map(users.map((u) => [u.id, u.displayName])),
      records: new Map(records.map((r) => [r.id, r.name])),
    };
  }
}
