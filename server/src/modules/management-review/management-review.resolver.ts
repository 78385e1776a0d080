import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Caller } from '../common/caller';
import { ListMetadata } from '../common/list';
import { ManagementReview } from './management-review.entity';
import { ManagementReviewInputs } from './management-review-inputs';
import { CreateManagementReviewArgs, HoldManagementReviewArgs, ManagementReviewInputsArgs, ManagementReviewListArgs, UpdateManagementReviewArgs } from './management-review.inputs';
import type { ManagementReviewService } from './management-review.service';

@Resolver(() => ManagementReview)
export class ManagementReviewResolver {
  constructor(private readonly reviews: ManagementReviewService) {}

  @Query(() => ManagementReview, { nullable: true })
  ManagementReview(@Arg('id', () => ID) id: string): Promise<ManagementReview> {
    return this.reviews.find(id);
  }

  @Query(() => [ManagementReview])
  allManagementReviews(@Args() args: ManagementReviewListArgs): Promise<ManagementReview[]> {
    return this.reviews.list(args);
  }

  @Query(() => ListMetadata)
  async _allManagementReviewsMeta(@Args() args: ManagementReviewListArgs): Promise<ListMetadata> {
    return { count: await this.reviews.count(args) };
  }

  @Query(() => ManagementReviewInputs, { description: 'The inputs of a management review, gathered now from Mamori’s own records for a period: counts only' })
  managementReviewInputs(@Args() args: ManagementReviewInputsArgs): Promise<ManagementReviewInputs> {
    return this.reviews.gatherFor(args.periodFrom, args.periodTo);
  }

  @FieldResolver(() => ManagementReviewInputs, { description: 'Gathered now for the review’s period (what a review not yet held will be presented)' })
  inputs(@Root() review: ManagementReview): Promise<ManagementReviewInputs> {
    return this.reviews.liveInputs(review);
  }

  @FieldResolver(() => ManagementReviewInputs, { nullable: true, description: 'What was presented: the inputs as gathered on the day it was recorded as held; null before' })
  presentedInputs(@Root() review: ManagementReview): ManagementReviewInputs | null {
    return this.reviews.presentedInputs(review);
  }

  @FieldResolver(() => Int, { description: 'Actions of this review not done yet: it closes at 0' })
  async openActionCount(@Root() review: ManagementReview, @Ctx() caller: Caller): Promise<number> {
    return this.reviews.countActions({ filter: { reviewId: String(review.id), status: 'OPEN' } }, caller);
  }

  @Mutation(() => ManagementReview)
  createManagementReview(@Args() args: CreateManagementReviewArgs, @Ctx() caller: Caller): Promise<ManagementReview> {
    return this.reviews.create(args, caller);
  }

  @Mutation(() => ManagementReview, { description: 'The period and day until held (CONFLICT REVIEW_HELD after); the texts until closed' })
  updateManagementReview(@Args() args: UpdateManagementReviewArgs, @Ctx() caller: Caller): Promise<ManagementReview> {
    return this.reviews.update(args, caller);
  }

  @Mutation(() => ManagementReview, { description: 'Recorded as held: the inputs gathered now for its period are kept on it as presented' })
  holdManagementReview(@Args() args: HoldManagementReviewArgs, @Ctx() caller: Caller): Promise<ManagementReview> {
    return this.reviews.hold(args, caller);
  }

  @Mutation(() => ManagementReview, { description: 'Refused (CONFLICT REVIEW_ACTIONS_OPEN) while an action of the review is open' })
  closeManagementReview(@Arg('id', () => ID) id: string, @Ctx() caller: Caller): Promise<ManagementReview> {
    return this.reviews.close(id, caller);
  }
}
