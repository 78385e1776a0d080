import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { japanDay } from '../../clock';
import type { Caller } from '../common/caller';
import { ListMetadata } from '../common/list';
import { ManagementReviewAction } from './management-review-action.entity';
import { CreateManagementReviewActionArgs, ManagementReviewActionListArgs, RecordManagementReviewActionResultArgs, UpdateManagementReviewActionArgs } from './management-review.inputs';
import { isOverdue } from './management-review.rules';
import type { ManagementReviewService } from './management-review.service';

@Resolver(() => ManagementReviewAction)
export class ManagementReviewActionResolver {
  constructor(private readonly reviews: ManagementReviewService) {}

  @Query(() => ManagementReviewAction, { nullable: true })
  ManagementReviewAction(@Arg('id', () => ID) id: string, @Ctx() caller: Caller): Promise<ManagementReviewAction> {
    return this.reviews.findAction(id, caller);
  }

  @Query(() => [ManagementReviewAction], { description: 'All for the privacy manager and the internal auditor; one’s own for an owner' })
  allManagementReviewActions(@Args() args: ManagementReviewActionListArgs, @Ctx() caller: Caller): Promise<ManagementReviewAction[]> {
    return this.reviews.listActions(args, caller);
  }

  @Query(() => ListMetadata)
  async _allManagementReviewActionsMeta(@Args() args: ManagementReviewActionListArgs, @Ctx() caller: Caller): Promise<ListMetadata> {
    return { count: await this.reviews.countActions(args, caller) };
  }

  @FieldResolver(() => Boolean, { description: 'Open and past its due day (Japan time); due today is not overdue' })
  overdue(@Root() action: ManagementReviewAction, @Ctx() caller: Caller): boolean {
    return isOverdue(action, japanDay(caller.clock.now()));
  }

  @Mutation(() => ManagementReviewAction, { description: 'On a review held and not closed (CONFLICT REVIEW_NOT_HELD, REVIEW_CLOSED)' })
  createManagementReviewAction(@Args() args: CreateManagementReviewActionArgs, @Ctx() caller: Caller): Promise<ManagementReviewAction> {
    return this.reviews.createAction(args, caller);
  }

  @Mutation(() => ManagementReviewAction)
  updateManagementReviewAction(@Args() args: UpdateManagementReviewActionArgs, @Ctx() caller: Caller): Promise<ManagementReviewAction> {
    return this.reviews.updateAction(args, caller);
  }

  @Mutation(() => ManagementReviewAction, { description: 'The owner or the privacy manager: the action is then done' })
  recordManagementReviewActionResult(@Args() args: RecordManagementReviewActionResultArgs, @Ctx() caller: Caller): Promise<ManagementReviewAction> {
    return this.reviews.recordResult(args, caller);
  }
}
