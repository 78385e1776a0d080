import { ArrayMaxSize, ArrayNotEmpty, IsIn, IsInt, IsOptional, Length, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { INTERNAL_AUDIT_STATUSES, type InternalAuditStatus as InternalAuditStatusValue } from '@mamori/shared';
import { InternalAuditStatus } from '../common/enums';
import { ListArgs, ListFilter } from '../common/list';
import { DateScalar } from '../common/scalars';
import { DEPARTMENT_MAX } from '../user/department';
import { DEPARTMENTS_MAX, TEXT_MAX, TITLE_MAX } from './internal-audit.rules';

@InputType()
export class InternalAuditFilter extends ListFilter {
  @Field(() => Int, { nullable: true })
  fiscalYear?: number;

  @Field(() => InternalAuditStatus, { nullable: true })
  @IsOptional()
  @IsIn(INTERNAL_AUDIT_STATUSES)
  status?: InternalAuditStatusValue;

  @Field(() => ID, { nullable: true })
  auditorId?: string;
}

@ArgsType()
export class InternalAuditListArgs extends ListArgs {
  @Field(() => InternalAuditFilter, { nullable: true })
  filter?: InternalAuditFilter;
}

@ArgsType()
export class CreateInternalAuditArgs {
  @Field(() => Int, { nullable: true, description: 'The fiscal year of the plan; by default the one plannedFrom falls in' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2999)
  fiscalYear?: number;

  @Field()
  @Length(1, TITLE_MAX)
  title!: string;

  @Field({ description: 'What the audit examines; no personal data' })
  @Length(1, TEXT_MAX)
  scope!: string;

  @Field(() => [String])
  @ArrayNotEmpty()
  @ArrayMaxSize(DEPARTMENTS_MAX)
  @Length(1, DEPARTMENT_MAX, { each: true })
  departments!: string[];

  @Field(() => DateScalar)
  plannedFrom!: string;

  @Field(() => DateScalar)
  plannedTo!: string;

  @Field(() => ID)
  auditorId!: string;
}

@ArgsType()
export class UpdateInternalAuditArgs {
  @Field(() => ID)
  id!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, TITLE_MAX)
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, TEXT_MAX)
  scope?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayNotEmpty()
  @ArrayMaxSize(DEPARTMENTS_MAX)
  @Length(1, DEPARTMENT_MAX, { each: true })
  departments?: string[];

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  plannedFrom?: string;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  plannedTo?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  auditorId?: string;
}
