import { ArrayMaxSize, IsIn, IsOptional, Length, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import {
  MANAGEMENT_REVIEW_ACTION_STATUSES,
  MANAGEMENT_REVIEW_STATUSES,
  type ManagementReviewActionStatus as ManagementReviewActionStatusValue,
  type ManagementReviewStatus as ManagementReviewStatusValue,
} from '@mamori/shared';
import { ManagementReviewActionStatus, ManagementReviewStatus } from '../common/enums';
import { ListArgs, ListFilter } from '../common/list';
import { DateScalar } from '../common/scalars';
import { PARTICIPANT_MAX, PARTICIPANTS_MAX, TEXT_MAX, TITLE_MAX } from './management-review.rules';

@InputType()
export class ManagementReviewFilter extends ListFilter {
  @Field(() => Int, { nullable: true })
  fiscalYear?: number;

  @Field(() => ManagementReviewStatus, { nullable: true })
  @IsOptional()
  @IsIn(MANAGEMENT_REVIEW_STATUSES)
  status?: ManagementReviewStatusValue;
}

@ArgsType()
export class ManagementReviewListArgs extends ListArgs {
  @Field(() => ManagementReviewFilter, { nullable: true })
  filter?: ManagementReviewFilter;
}

@ArgsType()
export class ManagementReviewInputsArgs {
  @Field(() => DateScalar)
  periodFrom!: string;

  @Field(() => DateScalar)
  periodTo!: string;
}

@ArgsType()
export class CreateManagementReviewArgs {
  @Field()
  @Length(1, TITLE_MAX)
  title!: string;

  @Field(() => DateScalar)
  periodFrom!: string;

  @Field(() => DateScalar)
  periodTo!: string;

  @Field(() => DateScalar, { description: 'The day the review is planned for; the period covered ends by then' })
  plannedOn!: string;

  @Field(() => [String], { nullable: true, description: 'Names and roles, as text' })
  @IsOptional()
  @ArrayMaxSize(PARTICIPANTS_MAX)
  @Length(1, PARTICIPANT_MAX, { each: true })
  participants?: string[];

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(TEXT_MAX)
  lawChanges?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(TEXT_MAX)
  otherInputs?: string;
}

@ArgsType()
export class UpdateManagementReviewArgs {
  @Field(() => ID)
  id!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, TITLE_MAX)
  title?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Until the review is held' })
  @IsOptional()
  periodFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Until the review is held' })
  @IsOptional()
  periodTo?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Until the review is held' })
  @IsOptional()
  plannedOn?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(PARTICIPANTS_MAX)
  @Length(1, PARTICIPANT_MAX, { each: true })
  participants?: string[];

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(TEXT_MAX)
  lawChanges?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(TEXT_MAX)
  otherInputs?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(TEXT_MAX)
  conclusions?: string;
}

@ArgsType()
export class HoldManagementReviewArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => DateScalar, { description: 'The day it was held: not in the future, not before the period covered ends' })
  heldOn!: string;

  @Field(() => [String], { nullable: true, description: 'Who took part; at least one is required, given here or before' })
  @IsOptional()
  @ArrayMaxSize(PARTICIPANTS_MAX)
  @Length(1, PARTICIPANT_MAX, { each: true })
  participants?: string[];

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(TEXT_MAX)
  conclusions?: string;
}

@InputType()
export class ManagementReviewActionFilter extends ListFilter {
  @Field(() => ID, { nullable: true })
  reviewId?: string;

  @Field(() => ID, { nullable: true })
  ownerId?: string;

  @Field(() => ManagementReviewActionStatus, { nullable: true })
  @IsOptional()
  @IsIn(MANAGEMENT_REVIEW_ACTION_STATUSES)
  status?: ManagementReviewActionStatusValue;

  @Field({ nullable: true, description: 'true: open and past the due day (Japan time)' })
  overdue?: boolean;
}

@ArgsType()
export class ManagementReviewActionListArgs extends ListArgs {
  @Field(() => ManagementReviewActionFilter, { nullable: true })
  filter?: ManagementReviewActionFilter;
}

@ArgsType()
export class CreateManagementReviewActionArgs {
  @Field(() => ID, { description: 'A review held and not yet closed' })
  reviewId!: string;

  @Field({ description: 'What was decided and is to be done (no personal data)' })
  @Length(1, TEXT_MAX)
  description!: string;

  @Field(() => ID)
  ownerId!: string;

  @Field(() => DateScalar)
  dueOn!: string;
}

@ArgsType()
export class UpdateManagementReviewActionArgs {
  @Field(() => ID)
  id!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, TEXT_MAX)
  description?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  ownerId?: string;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  dueOn?: string;
}

@ArgsType()
export class RecordManagementReviewActionResultArgs {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'What was done and its result (no personal data)' })
  @Length(1, TEXT_MAX)
  result!: string;

  @Field(() => DateScalar)
  doneOn!: string;
}
