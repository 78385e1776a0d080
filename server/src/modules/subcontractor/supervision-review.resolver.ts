import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { ListMetadata } from '../../graphql/list';
import { SupervisionReview } from './supervision-review.entity';
import { CreateSupervisionReviewArgs, SupervisionReviewListArgs, UpdateSupervisionReviewArgs } from './supervision-review.inputs';
import * as rules from './supervision.rules';

@Resolver(() => SupervisionReview)
export class SupervisionReviewResolver {
  @Query(() => SupervisionReview, { nullable: true })
  SupervisionReview(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<SupervisionReview> {
    return ctx.services.supervisionReviews.find(id);
  }

  @Query(() => [SupervisionReview])
  allSupervisionReviews(@Args() args: SupervisionReviewListArgs, @Ctx() ctx: Context): Promise<SupervisionReview[]> {
    return ctx.services.supervisionReviews.list(args);
  }

  @Query(() => ListMetadata)
  async _allSupervisionReviewsMeta(@Args() args: SupervisionReviewListArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await ctx.services.supervisionReviews.count(args) };
  }

  @Mutation(() => SupervisionReview)
  createSupervisionReview(@Args() args: CreateSupervisionReviewArgs, @Ctx() ctx: Context): Promise<SupervisionReview> {
    return ctx.services.supervisionReviews.create(args, ctx);
  }

  @Mutation(() => SupervisionReview)
  updateSupervisionReview(@Args() args: UpdateSupervisionReviewArgs, @Ctx() ctx: Context): Promise<SupervisionReview> {
    return ctx.services.supervisionReviews.update(args, ctx);
  }

  @FieldResolver(() => Boolean, { description: 'A later review of the same subcontractor exists' })
  async superseded(@Root() r: SupervisionReview, @Ctx() ctx: Context): Promise<boolean> {
    return rules.superseded(r, (await ctx.services.subcontractors.record(r.subcontractorId, ctx)).reviews);
  }

  @FieldResolver(() => Boolean, { description: 'The latest review of an active subcontractor, and nextReviewDue has passed' })
  async overdue(@Root() r: SupervisionReview, @Ctx() ctx: Context): Promise<boolean> {
    const record = await ctx.services.subcontractors.record(r.subcontractorId, ctx);
    return (
      record.subcontractor.active && !rules.superseded(r, record.reviews) && r.nextReviewDue < ctx.services.subcontractors.today()
    );
  }
}
