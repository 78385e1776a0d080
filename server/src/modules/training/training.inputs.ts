import { IsIn, IsInt, IsOptional, Length, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { TRAINING_RESULTS, type TrainingResult as TrainingResultValue } from '@mamori/shared';
import { TrainingResult } from '../common/enums';
import { ListArgs, ListFilter } from '../common/list';
import { DateScalar } from '../common/scalars';
import { MAX_SCORE, MIN_SCORE } from './training.rules';

@InputType()
export class TrainingCourseFilter extends ListFilter {
  @Field(() => Int, { nullable: true })
  fiscalYear?: number;

  @Field({ nullable: true, description: 'false: only courses in force; true: only retired ones' })
  retired?: boolean;
}

@ArgsType()
export class TrainingCourseListArgs extends ListArgs {
  @Field(() => TrainingCourseFilter, { nullable: true })
  filter?: TrainingCourseFilter;
}

@ArgsType()
export class CreateTrainingCourseArgs {
  @Field()
  @Length(1, 200)
  title!: string;

  @Field(() => Int)
  @IsInt()
  @Min(2000)
  @Max(2999)
  fiscalYear!: number;

  @Field(() => DateScalar)
  dueOn!: string;
}

@ArgsType()
export class UpdateTrainingCourseArgs {
  @Field(() => ID)
  id!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  title?: string;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  dueOn?: string;
}

@InputType()
export class TrainingCompletionFilter extends ListFilter {
  @Field(() => ID, { nullable: true })
  courseId?: string;

  @Field(() => ID, { nullable: true })
  userId?: string;
}

@ArgsType()
export class TrainingCompletionListArgs extends ListArgs {
  @Field(() => TrainingCompletionFilter, { nullable: true })
  filter?: TrainingCompletionFilter;
}

@ArgsType()
export class RecordTrainingCompletionArgs {
  @Field(() => ID)
  courseId!: string;

  @Field(() => ID)
  userId!: string;

  @Field(() => DateScalar)
  completedOn!: string;

  @Field(() => TrainingResult)
  @IsIn(TRAINING_RESULTS)
  result!: TrainingResultValue;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(MIN_SCORE)
  @Max(MAX_SCORE)
  score?: number | null;
}

@ArgsType()
export class TrainingStatusArgs {
  @Field(() => Int, { nullable: true, description: 'The fiscal year; the current one (Japan time) when omitted' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2999)
  fiscalYear?: number;

  @Field({ nullable: true, description: 'true: only users who have not passed every course of the year' })
  @IsOptional()
  incompleteOnly?: boolean;
}
