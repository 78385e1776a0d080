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
import type { AuditProofService } from './transparency/proofs.service';
import {
  AuditCheckpoint,
  AuditCheckpointCheck,
  AuditConsistencyProof,
  AuditInclusionProof,
  AuditProblem,
  AuditWitness,
} from './transparency/transparency.types';
import type { AuditProblem as AuditProblemValue } from './transparency/log-verifier';

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

  @Field(() => AuditProblem, { nullable: true, description: 'The most serious problem found; null when ok' })
  problem!: AuditProblemValue | null;

  @Field(() => [AuditProblem])
  problems!: AuditProblemValue[];

  @Field(() => Int, { description: 'The largest tree size a witness holds' })
  witnessedSize!: number;

  @Field(() => Int)
  treeSize!: number;

  @Field()
  incremental!: boolean;
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
  constructor(
    private readonly audit: AuditService,
    private readonly proofs: AuditProofService,
  ) {}

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
  verifyAuditChain(
    @Arg('incremental', () => Boolean, { nullable: true, description: 'Only the entries since the last verified tree head' }) incremental: boolean | null,
    @Ctx() caller: Caller,
  ): Promise<AuditVerification> {
    return this.audit.verify(caller, incremental ?? false);
  }

  @Query(() => AuditCheckpoint, { nullable: true, description: 'The newest signed checkpoint (null while the log is empty)' })
  auditCheckpoint(@Ctx() caller: Caller): Promise<AuditCheckpoint | null> {
    return this.proofs.checkpoint(caller);
  }

  @Query(() => AuditInclusionProof, { description: 'Proves the entry at seq is in the tree of treeSize (default: the newest checkpoint)' })
  auditInclusionProof(
    @Arg('seq', () => Int) seq: number,
    @Arg('treeSize', () => Int, { nullable: true }) treeSize: number | null,
    @Ctx() caller: Caller,
  ): Promise<AuditInclusionProof> {
    return this.proofs.inclusion(seq, treeSize, caller);
  }

  @Query(() => AuditConsistencyProof, { description: 'Proves the tree of toSize (default: the newest checkpoint) extends the tree of fromSize' })
  auditConsistencyProof(
    @Arg('fromSize', () => Int) fromSize: number,
    @Arg('toSize', () => Int, { nullable: true }) toSize: number | null,
    @Ctx() caller: Caller,
  ): Promise<AuditConsistencyProof> {
    return this.proofs.consistency(fromSize, toSize, caller);
  }

  @Query(() => AuditCheckpointCheck, { description: 'Checks a saved signed checkpoint: our signature, and the log still holds that tree' })
  verifyAuditCheckpoint(@Arg('checkpoint', () => String) checkpoint: string, @Ctx() caller: Caller): Promise<AuditCheckpointCheck> {
    return this.proofs.check(checkpoint, caller);
  }

  @Query(() => [AuditWitness], { description: 'The witnesses of the checkpoints, what they hold and their lag' })
  auditWitnesses(): AuditWitness[] {
    return this.proofs.witnesses();
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
