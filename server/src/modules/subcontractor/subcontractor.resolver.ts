import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { ListMetadata } from '../../graphql/list';
import { DateScalar } from '../../graphql/scalars';
import { Subcontractor } from './subcontractor.entity';
import { CreateSubcontractorArgs, SubcontractorListArgs, UpdateSubcontractorArgs } from './subcontractor.inputs';
import { RefusalRule, type RefusalRuleValue } from './supervision.enums';

@Resolver(() => Subcontractor)
export class SubcontractorResolver {
  @Query(() => Subcontractor, { nullable: true })
  Subcontractor(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Subcontractor> {
    return ctx.services.subcontractors.find(id);
  }

  @Query(() => [Subcontractor])
  allSubcontractors(@Args() args: SubcontractorListArgs, @Ctx() ctx: Context): Promise<Subcontractor[]> {
    return ctx.services.subcontractors.list(args);
  }

  @Query(() => ListMetadata)
  async _allSubcontractorsMeta(@Args() args: SubcontractorListArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await ctx.services.subcontractors.count(args) };
  }

  @Mutation(() => Subcontractor)
  createSubcontractor(@Args() args: CreateSubcontractorArgs, @Ctx() ctx: Context): Promise<Subcontractor> {
    return ctx.services.subcontractors.create(args, ctx);
  }

  @Mutation(() => Subcontractor, { description: 'Changes a subcontractor; `active: false` deactivates it (never deleted)' })
  updateSubcontractor(@Args() args: UpdateSubcontractorArgs, @Ctx() ctx: Context): Promise<Subcontractor> {
    return ctx.services.subcontractors.update(args, ctx);
  }

  @FieldResolver(() => Boolean, { description: 'A confidentiality agreement is in force today' })
  async agreementInForce(@Root() s: Subcontractor, @Ctx() ctx: Context): Promise<boolean> {
    return (await ctx.services.subcontractors.standingFor(s, ctx)).agreementInForce;
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: 'The last day covered by the agreements in force today' })
  async agreementExpiresOn(@Root() s: Subcontractor, @Ctx() ctx: Context): Promise<string | null> {
    return (await ctx.services.subcontractors.standingFor(s, ctx)).agreementExpiresOn;
  }

  @FieldResolver(() => Boolean, { description: 'A NON_COMPLIANT review not yet followed by a COMPLIANT one' })
  async flaggedNonCompliant(@Root() s: Subcontractor, @Ctx() ctx: Context): Promise<boolean> {
    return (await ctx.services.subcontractors.standingFor(s, ctx)).flaggedNonCompliant;
  }

  @FieldResolver(() => DateScalar, { nullable: true })
  async lastReviewedOn(@Root() s: Subcontractor, @Ctx() ctx: Context): Promise<string | null> {
    return (await ctx.services.subcontractors.standingFor(s, ctx)).lastReviewedOn;
  }

  @FieldResolver(() => DateScalar, {
    nullable: true,
    description: 'Set by the latest supervision review; before any review, 12 months after the last assessment',
  })
  async nextReviewDue(@Root() s: Subcontractor, @Ctx() ctx: Context): Promise<string | null> {
    return (await ctx.services.subcontractors.standingFor(s, ctx)).nextReviewDue;
  }

  @FieldResolver(() => Boolean, { description: 'Active and the next review’s day has passed' })
  async reviewOverdue(@Root() s: Subcontractor, @Ctx() ctx: Context): Promise<boolean> {
    return (await ctx.services.subcontractors.standingFor(s, ctx)).reviewOverdue;
  }

  @FieldResolver(() => Boolean, { description: 'May receive personal data today: active, standards met, agreement in force, not flagged' })
  async allowedToReceiveData(@Root() s: Subcontractor, @Ctx() ctx: Context): Promise<boolean> {
    return (await ctx.services.subcontractors.standingFor(s, ctx)).allowedToReceiveData;
  }

  @FieldResolver(() => [RefusalRule], { description: 'Every reason it may not receive personal data today (empty when it may)' })
  async notAllowedBecause(@Root() s: Subcontractor, @Ctx() ctx: Context): Promise<RefusalRuleValue[]> {
    return (await ctx.services.subcontractors.standingFor(s, ctx)).notAllowedBecause;
  }
}
