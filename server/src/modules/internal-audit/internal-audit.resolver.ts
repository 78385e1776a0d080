import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Caller } from '../common/caller';
import { ListMetadata } from '../common/list';
import { InternalAudit } from './internal-audit.entity';
import { CreateInternalAuditArgs, InternalAuditListArgs, UpdateInternalAuditArgs } from './internal-audit.inputs';
import type { InternalAuditService } from './internal-audit.service';

@Resolver(() => InternalAudit)
export class InternalAuditResolver {
  constructor(private readonly audits: InternalAuditService) {}

  @Query(() => InternalAudit, { nullable: true })
  InternalAudit(@Arg('id', () => ID) id: string): Promise<InternalAudit> {
    return this.audits.find(id);
  }

  @Query(() => [InternalAudit])
  allInternalAudits(@Args() args: InternalAuditListArgs): Promise<InternalAudit[]> {
    return this.audits.list(args);
  }

  @Query(() => ListMetadata)
  async _allInternalAuditsMeta(@Args() args: InternalAuditListArgs): Promise<ListMetadata> {
    return { count: await this.audits.count(args) };
  }

  @FieldResolver(() => Int, { description: 'Nonconformities without corrective actions all verified effective: the audit closes at 0' })
  async openNonconformityCount(@Root() audit: InternalAudit): Promise<number> {
    return (await this.audits.openNonconformities(audit.id)).length;
  }

  @Mutation(() => InternalAudit, { description: 'Refused (CONFLICT AUDITOR_OWN_DEPARTMENT) when the auditor belongs to an audited department' })
  createInternalAudit(@Args() args: CreateInternalAuditArgs, @Ctx() caller: Caller): Promise<InternalAudit> {
    return this.audits.create(args, caller);
  }

  @Mutation(() => InternalAudit)
  updateInternalAudit(@Args() args: UpdateInternalAuditArgs, @Ctx() caller: Caller): Promise<InternalAudit> {
    return this.audits.update(args, caller);
  }

  @Mutation(() => InternalAudit, { description: 'Refused (CONFLICT NONCONFORMITIES_OPEN) until every nonconformity’s corrective actions are verified effective' })
  closeInternalAudit(@Arg('id', () => ID) id: string, @Ctx() caller: Caller): Promise<InternalAudit> {
    return this.audits.close(id, caller);
  }
}
