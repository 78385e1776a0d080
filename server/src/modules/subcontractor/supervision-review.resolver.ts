import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Caller } from '../common/caller';
import type { SupervisionReviewService } from './supervision-review.service';
import type { SubcontractorService } from './subcontractor.service';
import { ListMetadata } from '../common/list';
import { SupervisionReview } from './supervision-review.entity';
import { CreateSupervisionReviewArgs, SupervisionReviewListArgs, UpdateSupervisionReviewArgs } from './supervision-review.inputs';
import * as rules from './supervision.rules';

@Resolver(() => SupervisionReview)
export class SupervisionReviewResolver {
  constructor(
    private readonly supervisionReviews: SupervisionReviewService,
    private readonly subcontractors: SubcontractorService,
  ) {}

  @Query(() => SupervisionReview, { nullable: true })
  SupervisionReview(@Arg('id', () => ID) id: string, @Ctx() caller: Caller): Promise<SupervisionReview> {
    return this.supervisionReviews.find(id);
  }

  @Query(() => [SupervisionReview])
  allSupervisionReviews(@Args() args: SupervisionReviewListArgs, @Ctx() caller: Caller): Promise<SupervisionReview[]> {
    return this.supervisionReviews.list(args);
  }

  @Query(() => ListMetadata)
  async _allSupervisionReviewsMeta(@Args() args: SupervisionReviewListArgs, @Ctx() caller: Caller): Promise<ListMetadata> {
    return { count: await this.supervisionReviews.count(args) };
  }

  @Mutation(() => SupervisionReview)
  createSupervisionReview(@Args() args: CreateSupervisionReviewArgs, @Ctx() caller: Caller): Promise<SupervisionReview> {
    return this.supervisionReviews.create(args, caller);
  }

  @Mutation(() => SupervisionReview)
  updateSupervisionReview(@Args() args: UpdateSupervisionReviewArgs, @Ctx() caller: Caller): Promise<SupervisionReview> {
    return this.supervisionReviews.update(args, caller);
  }

  @FieldResolver(() => Boolean, { description: 'A later review of the same subcontractor exists' })
  async superseded(@Root() r: SupervisionReview, @Ctx() caller: Caller): Promise<boolean> {
    return rules.superseded(r, (await this.subcontractors.record(r.subcontractorId, caller)).reviews);
  }

  @FieldResolver(() => Boolean, { description: 'The latest review of an active subcontractor, and nextReviewDue has passed' })
  async overdue(@Root() r: SupervisionReview, @Ctx() caller: Caller): Promise<boolean> {
    const record = await this.subcontractors.record(r.subcontractorId, caller);
    return (
      record.subcontractor.active && !rules.superseded(r, record.reviews) && r.nextReviewDue < this.subcontractors.today()
    );
  }
}
