import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Caller } from '../common/caller';
import { ListMetadata } from '../common/list';
import { AuditFinding } from './audit-finding.entity';
import { AuditFindingListArgs, CreateAuditFindingArgs, UpdateAuditFindingArgs } from './audit-finding.inputs';
import type { InternalAuditService } from './internal-audit.service';

@Resolver(() => AuditFinding)
export class AuditFindingResolver {
  constructor(private readonly audits: InternalAuditService) {}

  @Query(() => AuditFinding, { nullable: true })
  AuditFinding(@Arg('id', () => ID) id: string): Promise<AuditFinding> {
    return this.audits.findFinding(id);
  }

  @Query(() => [AuditFinding])
  allAuditFindings(@Args() args: AuditFindingListArgs): Promise<AuditFinding[]> {
    return this.audits.listFindings(args);
  }

  @Query(() => ListMetadata)
  async _allAuditFindingsMeta(@Args() args: AuditFindingListArgs): Promise<ListMetadata> {
    return { count: await this.audits.countFindings(args) };
  }

  @Mutation(() => AuditFinding)
  createAuditFinding(@Args() args: CreateAuditFindingArgs, @Ctx() caller: Caller): Promise<AuditFinding> {
    return this.audits.createFinding(args, caller);
  }

  @Mutation(() => AuditFinding)
  updateAuditFinding(@Args() args: UpdateAuditFindingArgs, @Ctx() caller: Caller): Promise<AuditFinding> {
    return this.audits.updateFinding(args, caller);
  }
}
