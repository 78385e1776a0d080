import { IsBoolean, IsOptional, Length, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ListArgs, ListFilter } from '../common/list';
import { DateScalar } from '../common/scalars';
import { NOTE_MAX, TEXT_MAX } from './internal-audit.rules';

@InputType()
export class CorrectiveActionFilter extends ListFilter {
  @Field(() => ID, { nullable: true })
  auditId?: string;

  @Field(() => ID, { nullable: true })
  findingId?: string;

  @Field(() => ID, { nullable: true })
  ownerId?: string;

  @Field({ nullable: true, description: 'true: not taken and past the due day (Japan time)' })
  overdue?: boolean;

  @Field({ nullable: true, description: 'true: taken, waiting for the auditor to verify its effect' })
  awaitingVerification?: boolean;
}

@ArgsType()
export class CorrectiveActionListArgs extends ListArgs {
  @Field(() => CorrectiveActionFilter, { nullable: true })
  filter?: CorrectiveActionFilter;
}

@ArgsType()
export class CreateCorrectiveActionArgs {
  @Field(() => ID, { description: 'A nonconformity of an audit not yet closed' })
  findingId!: string;

  @Field(() => ID)
  ownerId!: string;

  @Field(() => DateScalar)
  dueOn!: string;

  @Field({ nullable: true, description: 'The cause found (no personal data)' })
  @IsOptional()
  @MaxLength(TEXT_MAX)
  cause?: string;
}

@ArgsType()
export class UpdateCorrectiveActionArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true, description: 'The privacy manager only' })
  @IsOptional()
  ownerId?: string;

  @Field(() => DateScalar, { nullable: true, description: 'The privacy manager only' })
  @IsOptional()
  dueOn?: string;

  @Field({ nullable: true, description: 'The cause found (no personal data)' })
  @IsOptional()
  @Length(1, TEXT_MAX)
  cause?: string;

  @Field({ nullable: true, description: 'What was done (no personal data)' })
  @IsOptional()
  @Length(1, TEXT_MAX)
  actionTaken?: string;

  @Field(() => DateScalar, { nullable: true, description: 'The day the action was taken: with actionTaken, it goes to the auditor for verification' })
  @IsOptional()
  completedOn?: string;
}

@ArgsType()
export class VerifyCorrectiveActionArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => DateScalar)
  verifiedOn!: string;

  @Field({ description: 'Whether the action removed the cause of the nonconformity' })
  @IsBoolean()
  effective!: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(NOTE_MAX)
  note?: string;
}
