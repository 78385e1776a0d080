import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { japanDay } from '../../clock';
import type { Caller } from '../common/caller';
import { ListMetadata } from '../common/list';
import { LedgerRecord } from './ledger-record.entity';
import { LedgerExport, type LedgerExportService } from './ledger-export.service';
import { CreateLedgerRecordArgs, ExportLedgerArgs, LedgerRecordListArgs, RecordLedgerReviewArgs, UpdateLedgerRecordArgs } from './ledger.inputs';
import { isPastDue } from './ledger.rules';
import type { LedgerService } from './ledger.service';

@Resolver(() => LedgerRecord)
export class LedgerResolver {
  constructor(
    private readonly ledger: LedgerService,
    private readonly exports: LedgerExportService,
  ) {}

  @Query(() => LedgerRecord, { nullable: true })
  LedgerRecord(@Arg('id', () => ID) id: string): Promise<LedgerRecord> {
    return this.ledger.find(id);
  }

  @Query(() => [LedgerRecord])
  allLedgerRecords(@Args() args: LedgerRecordListArgs): Promise<LedgerRecord[]> {
    return this.ledger.list(args);
  }

  @Query(() => ListMetadata)
  async _allLedgerRecordsMeta(@Args() args: LedgerRecordListArgs): Promise<ListMetadata> {
    return { count: await this.ledger.count(args) };
  }

  @Query(() => LedgerExport, { description: 'The ledger and its risk assessment as an Excel workbook or CSV (UTF-8 with BOM), in ja or en; audited as an EXPORT' })
  exportLedger(@Args() args: ExportLedgerArgs, @Ctx() caller: Caller): Promise<LedgerExport> {
    return this.exports.export(args, caller);
  }

  @Mutation(() => LedgerRecord)
  createLedgerRecord(@Args() args: CreateLedgerRecordArgs, @Ctx() caller: Caller): Promise<LedgerRecord> {
    return this.ledger.create(args, caller);
  }

  @Mutation(() => LedgerRecord, { description: 'Changes what the record describes; only the fields sent change' })
  updateLedgerRecord(@Args() args: UpdateLedgerRecordArgs, @Ctx() caller: Caller): Promise<LedgerRecord> {
    return this.ledger.update(args, caller);
  }

  @Mutation(() => LedgerRecord, { description: 'The yearly review: the next one falls due a year after reviewedOn' })
  recordLedgerReview(@Args() args: RecordLedgerReviewArgs, @Ctx() caller: Caller): Promise<LedgerRecord> {
    return this.ledger.recordReview(args, caller);
  }

  @Mutation(() => LedgerRecord, { description: 'No longer held: kept with its risk assessments (retired with it), never deleted' })
  retireLedgerRecord(@Arg('id', () => ID) id: string, @Ctx() caller: Caller): Promise<LedgerRecord> {
    return this.ledger.retire(id, caller);
  }

  @FieldResolver(() => Boolean, { description: 'In force and past its yearly review (due exactly today is not yet overdue; Japan time)' })
  reviewOverdue(@Root() r: LedgerRecord, @Ctx() caller: Caller): boolean {
    return !r.retiredAt && isPastDue(r.nextReviewDue, japanDay(caller.clock.now()));
  }

  @FieldResolver(() => Int, { description: 'Risk assessments in force' })
  async riskAssessmentCount(@Root() r: LedgerRecord, @Ctx() caller: Caller): Promise<number> {
    return (await this.ledger.standing(r.id, caller)).assessments;
  }

  @FieldResolver(() => Boolean, { description: 'In force with no risk assessment in force' })
  async notAssessed(@Root() r: LedgerRecord, @Ctx() caller: Caller): Promise<boolean> {
    return !r.retiredAt && (await this.ledger.standing(r.id, caller)).assessments === 0;
  }

  @FieldResolver(() => Boolean, { description: 'A risk assessment in force is past its yearly re-assessment' })
  async riskAssessmentOverdue(@Root() r: LedgerRecord, @Ctx() caller: Caller): Promise<boolean> {
    return !r.retiredAt && (await this.ledger.standing(r.id, caller)).overdue > 0;
  }

  @FieldResolver(() => Boolean, { description: 'A risk assessment in force leaves a HIGH residual risk with no planned measure' })
  async highRiskUnmitigated(@Root() r: LedgerRecord, @Ctx() caller: Caller): Promise<boolean> {
    return !r.retiredAt && (await this.ledger.standing(r.id, caller)).unmitigated > 0;
  }
}
