import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Caller } from '../common/caller';
import type { SubcontractorService } from './subcontractor.service';
import { ListMetadata } from '../common/list';
import { DateScalar } from '../common/scalars';
import { Subcontractor } from './subcontractor.entity';
import { CreateSubcontractorArgs, SubcontractorListArgs, UpdateSubcontractorArgs } from './subcontractor.inputs';
import { RefusalRule, type RefusalRuleValue } from './supervision.enums';

@Resolver(() => Subcontractor)
export class SubcontractorResolver {
  constructor(private readonly subcontractors: SubcontractorService) {}

  @Query(() => Subcontractor, { nullable: true })
  Subcontractor(@Arg('id', () => ID) id: string, @Ctx() caller: Caller): Promise<Subcontractor> {
    return this.subcontractors.find(id);
  }

  @Query(() => [Subcontractor])
  allSubcontractors(@Args() args: SubcontractorListArgs, @Ctx() caller: Caller): Promise<Subcontractor[]> {
    return this.subcontractors.list(args);
  }

  @Query(() => ListMetadata)
  async _allSubcontractorsMeta(@Args() args: SubcontractorListArgs, @Ctx() caller: Caller): Promise<ListMetadata> {
    return { count: await this.subcontractors.count(args) };
  }

  @Mutation(() => Subcontractor)
  createSubcontractor(@Args() args: CreateSubcontractorArgs, @Ctx() caller: Caller): Promise<Subcontractor> {
    return this.subcontractors.create(args, caller);
  }

  @Mutation(() => Subcontractor, { description: 'Changes a subcontractor; `active: false` deactivates it (never deleted)' })
  updateSubcontractor(@Args() args: UpdateSubcontractorArgs, @Ctx() caller: Caller): Promise<Subcontractor> {
    return this.subcontractors.update(args, caller);
  }

  @FieldResolver(() => Boolean, { description: 'A confidentiality agreement is in force today' })
  async agreementInForce(@Root() s: Subcontractor, @Ctx() caller: Caller): Promise<boolean> {
    return (await this.subcontractors.standingFor(s, caller)).agreementInForce;
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: 'The last day covered by the agreements in force today' })
  async agreementExpiresOn(@Root() s: Subcontractor, @Ctx() caller: Caller): Promise<string | null> {
    return (await this.subcontractors.standingFor(s, caller)).agreementExpiresOn;
  }

  @FieldResolver(() => Boolean, { description: 'A NON_COMPLIANT review not yet followed by a COMPLIANT one' })
  async flaggedNonCompliant(@Root() s: Subcontractor, @Ctx() caller: Caller): Promise<boolean> {
    return (await this.subcontractors.standingFor(s, caller)).flaggedNonCompliant;
  }

  @FieldResolver(() => DateScalar, { nullable: true })
  async lastReviewedOn(@Root() s: Subcontractor, @Ctx() caller: Caller): Promise<string | null> {
    return (await this.subcontractors.standingFor(s, caller)).lastReviewedOn;
  }

  @FieldResolver(() => DateScalar, {
    nullable: true,
    description: 'Set by the latest supervision review; before any review, 12 months after the last assessment',
  })
  async nextReviewDue(@Root() s: Subcontractor, @Ctx() caller: Caller): Promise<string | null> {
    return (await this.subcontractors.standingFor(s, caller)).nextReviewDue;
  }

  @FieldResolver(() => Boolean, { description: 'Active and the next review’s day has passed' })
  async reviewOverdue(@Root() s: Subcontractor, @Ctx() caller: Caller): Promise<boolean> {
    return (await this.subcontractors.standingFor(s, caller)).reviewOverdue;
  }

  @FieldResolver(() => Boolean, { description: 'May receive personal data today: active, standards met, agreement in force, not flagged' })
  async allowedToReceiveData(@Root() s: Subcontractor, @Ctx() caller: Caller): Promise<boolean> {
    return (await this.subcontractors.standingFor(s, caller)).allowedToReceiveData;
  }

  @FieldResolver(() => [RefusalRule], { description: 'Every reason it may not receive personal data today (empty when it may)' })
  async notAllowedBecause(@Root() s: Subcontractor, @Ctx() caller: Caller): Promise<RefusalRuleValue[]> {
    return (await this.subcontractors.standingFor(s, caller)).notAllowedBecause;
  }
}
