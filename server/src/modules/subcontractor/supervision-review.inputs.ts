import { IsIn, IsOptional, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { REVIEW_RESULTS, type ReviewResult as ReviewResultValue } from '@mamori/shared';
import { ReviewResult } from '../common/enums';
import { ListArgs, ListFilter } from '../common/list';
import { DateScalar } from '../common/scalars';

export const REVIEW_TEXT_MAX = 4000;

@InputType()
export class SupervisionReviewFilter extends ListFilter {
  @Field({ nullable: true, description: 'Matches findings and corrective actions' })
  @MaxLength(100)
  override q?: string;

  @Field(() => ID, { nullable: true })
  subcontractorId?: string;

  @Field(() => ReviewResult, { nullable: true })
  result?: ReviewResultValue;

  @Field(() => ID, { nullable: true })
  reviewerId?: string;

  @Field({ nullable: true, description: 'The latest review of an active subcontractor whose next review day has passed' })
  overdue?: boolean;
}

@ArgsType()
export class SupervisionReviewListArgs extends ListArgs {
  @Field(() => SupervisionReviewFilter, { nullable: true })
  filter?: SupervisionReviewFilter;
}

@ArgsType()
export class SupervisionReviewFieldsArgs {
  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  reviewedOn?: string;

  @Field(() => ID, { nullable: true, description: 'Defaults to the caller' })
  @IsOptional()
  reviewerId?: string;

  @Field(() => ReviewResult, { nullable: true })
  @IsOptional()
  @IsIn(REVIEW_RESULTS)
  result?: ReviewResultValue;

  @Field(() => String, { nullable: true, description: 'Required unless the result is COMPLIANT' })
  @IsOptional()
  @MaxLength(REVIEW_TEXT_MAX)
  findings?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(REVIEW_TEXT_MAX)
  correctiveActions?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  nextReviewDue?: string;
}

@ArgsType()
export class CreateSupervisionReviewArgs extends SupervisionReviewFieldsArgs {
  @Field(() => ID)
  subcontractorId!: string;

  @Field(() => DateScalar)
  override reviewedOn!: string;

  @Field(() => ReviewResult)
  @IsIn(REVIEW_RESULTS)
  override result!: ReviewResultValue;

  @Field(() => DateScalar)
  override nextReviewDue!: string;
}

@ArgsType()
export class UpdateSupervisionReviewArgs extends SupervisionReviewFieldsArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true, description: 'Accepted when unchanged; a review does not move to another subcontractor' })
  @IsOptional()
  subcontractorId?: string;
}
