import { Arg, Args, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { ExportFormat as ExportFormatValue } from '@mamori/shared';
import { ExportFormat } from '../common/enums';
import type { Caller } from '../common/caller';
import type { AuditService } from './audit.service';
import { ListMetadata } from '../common/list';
import { DateTimeScalar } from '../common/scalars';
import { badInput } from '../../errors';
import { AuditEntry } from './audit-entry.entity';
import { AuditEntryFilter, AuditEntryListArgs, ReviewBreakGlassArgs } from './audit.inputs';
import { BreakGlassReview } from './break-glass-review.entity';

@ObjectType()
export class AuditVerification {
  @Field()
  ok!: boolean;

  @Field(() => Int)
  checked!: number;

  @Field(() => Int)
  headSeq!: number;

  @Field()
  headHash!: string;

  @Field(() => Int, { nullable: true })
  firstBrokenSeq!: number | null;

  @Field(() => Int, { description: 'Committed entries not yet linked into the chain' })
  unlinked!: number;
}

@ObjectType()
export class AuditHead {
  @Field(() => Int)
  seq!: number;

  @Field()
  hash!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  at!: string | null;
}

@Resolver(() => AuditEntry)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditEntry, { nullable: true })
  AuditEntry(@Arg('id', () => ID) id: string, @Ctx() caller: Caller): Promise<AuditEntry> {
    return this.audit.find(id, caller);
  }

  @Query(() => [AuditEntry])
  allAuditEntries(@Args() args: AuditEntryListArgs, @Ctx() caller: Caller): Promise<AuditEntry[]> {
    return this.audit.list(args, caller);
  }

  @Query(() => ListMetadata)
  async _allAuditEntriesMeta(@Args() args: AuditEntryListArgs, @Ctx() caller: Caller): Promise<ListMetadata> {
    return { count: await this.audit.count(args, caller) };
  }

  @FieldResolver(() => [String], { description: 'The personal-data fields read or changed' })
  fields(@Root() entry: AuditEntry): string[] {
    return entry.fieldList ? entry.fieldList.split(',') : [];
  }

  @Query(() => String, { description: 'The filtered trail as CSV or JSON Lines; the export is itself audited' })
  exportAuditEntries(
    @Arg('format', () => ExportFormat) format: ExportFormatValue,
    @Arg('filter', () => AuditEntryFilter, { nullable: true }) filter: AuditEntryFilter | undefined,
    @Ctx() caller: Caller,
  ): Promise<string> {
    return this.audit.export(filter, format, caller);
  }

  @Query(() => AuditVerification)
  verifyAuditChain(@Ctx() caller: Caller): Promise<AuditVerification> {
    return this.audit.verify(caller);
  }

  @Query(() => AuditHead)
  auditHead(@Ctx() caller: Caller): Promise<AuditHead> {
    return this.audit.head();
  }

  @Query(() => Boolean, { description: 'True when today’s chain still holds this head (detects a truncated tail)' })
  verifyAuditChainExtends(@Arg('seq', () => Int) seq: number, @Arg('hash', () => String) hash: string, @Ctx() caller: Caller): Promise<boolean> {
    if (seq < 1) throw badInput('seq', 'seq must be at least 1');
    if (!/^[0-9a-f]{64}$/.test(hash)) throw badInput('hash', 'hash must be 64 hexadecimal characters');
    return this.audit.extends(seq, hash, caller);
  }

  @Query(() => [AuditEntry], { description: 'Break-glass reads waiting for the manager’s review' })
  breakGlassReviewQueue(@Ctx() caller: Caller): Promise<AuditEntry[]> {
    return this.audit.breakGlassQueue(caller);
  }

  @Mutation(() => BreakGlassReview)
  reviewBreakGlass(@Args() args: ReviewBreakGlassArgs, @Ctx() caller: Caller): Promise<BreakGlassReview> {
    return this.audit.reviewBreakGlass(args.entryId, args.note, caller);
  }
}
