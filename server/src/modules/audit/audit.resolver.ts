import { Arg, Args, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { ExportFormat as ExportFormatValue } from '@mamori/shared';
import { ExportFormat } from '../../graphql/enums';
import type { Context } from '../../graphql/context';
import { ListMetadata } from '../../graphql/list';
import { DateTimeScalar } from '../../graphql/scalars';
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
  @Query(() => AuditEntry, { nullable: true })
  AuditEntry(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<AuditEntry> {
    return ctx.services.audit.find(id, ctx);
  }

  @Query(() => [AuditEntry])
  allAuditEntries(@Args() args: AuditEntryListArgs, @Ctx() ctx: Context): Promise<AuditEntry[]> {
    return ctx.services.audit.list(args, ctx);
  }

  @Query(() => ListMetadata)
  async _allAuditEntriesMeta(@Args() args: AuditEntryListArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await ctx.services.audit.count(args, ctx) };
  }

  @FieldResolver(() => [String], { description: 'The personal-data fields read or changed' })
  fields(@Root() entry: AuditEntry): string[] {
    return entry.fieldList ? entry.fieldList.split(',') : [];
  }

  @Query(() => String, { description: 'The filtered trail as CSV or JSON Lines; the export is itself audited' })
  exportAuditEntries(
    @Arg('format', () => ExportFormat) format: ExportFormatValue,
    @Arg('filter', () => AuditEntryFilter, { nullable: true }) filter: AuditEntryFilter | undefined,
    @Ctx() ctx: Context,
  ): Promise<string> {
    return ctx.services.audit.export(filter, format, ctx);
  }

  @Query(() => AuditVerification)
  verifyAuditChain(@Ctx() ctx: Context): Promise<AuditVerification> {
    return ctx.services.audit.verify(ctx);
  }

  @Query(() => AuditHead)
  auditHead(@Ctx() ctx: Context): Promise<AuditHead> {
    return ctx.services.audit.head();
  }

  @Query(() => Boolean, { description: 'True when today’s chain still holds this head (detects a truncated tail)' })
  verifyAuditChainExtends(@Arg('seq', () => Int) seq: number, @Arg('hash', () => String) hash: string, @Ctx() ctx: Context): Promise<boolean> {
    if (seq < 1) throw badInput('seq', 'seq must be at least 1');
    if (!/^[0-9a-f]{64}$/.test(hash)) throw badInput('hash', 'hash must be 64 hexadecimal characters');
    return ctx.services.audit.extends(seq, hash, ctx);
  }

  @Query(() => [AuditEntry], { description: 'Break-glass reads waiting for the manager’s review' })
  breakGlassReviewQueue(@Ctx() ctx: Context): Promise<AuditEntry[]> {
    return ctx.services.audit.breakGlassQueue(ctx);
  }

  @Mutation(() => BreakGlassReview)
  reviewBreakGlass(@Args() args: ReviewBreakGlassArgs, @Ctx() ctx: Context): Promise<BreakGlassReview> {
    return ctx.services.audit.reviewBreakGlass(args.entryId, args.note, ctx);
  }
}
