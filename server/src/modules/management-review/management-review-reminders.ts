import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../common/scalars';

/** The management review on the dashboard: the year's review and overdue actions (all for the manager and the auditor, one's own otherwise). */
@ObjectType()
export class DashboardManagementReview {
  @Field({ description: 'ALL for the privacy manager and the internal auditor; MINE: the caller’s own actions' })
  scope!: 'ALL' | 'MINE';

  @Field(() => Int, { description: 'The current fiscal year (Japan time)' })
  fiscalYear!: number;

  @Field(() => Boolean, { nullable: true, description: 'A review was held in the current fiscal year; null on MINE' })
  heldThisFiscalYear!: boolean | null;

  @Field(() => ID, { nullable: true, description: 'The review planned next, if any' })
  nextReviewId!: number | null;

  @Field(() => DateScalar, { nullable: true })
  nextPlannedOn!: string | null;

  @Field(() => Int)
  openActionCount!: number;

  @Field(() => Int, { description: 'Open actions past their due day (Japan time)' })
  overdueActionCount!: number;

  @Field(() => [ID], { description: 'The overdue actions, oldest due first (at most 50)' })
  overdueActionIds!: number[];
}
