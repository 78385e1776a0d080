import { IsIn, IsOptional, Length, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import {
  LIFECYCLE_STAGES,
  RISK_KINDS,
  RISK_LEVELS,
  type LifecycleStage as LifecycleStageValue,
  type RiskKind as RiskKindValue,
  type RiskLevel as RiskLevelValue,
} from '@mamori/shared';
import { ListArgs, ListFilter } from '../common/list';
import { DateScalar } from '../common/scalars';
import { LifecycleStage, RiskKind, RiskLevel } from './ledger.enums';

@InputType()
export class RiskAssessmentFilter extends ListFilter {
  @Field({ nullable: true, description: 'Matches the measures in place and planned' })
  @MaxLength(100)
  override q?: string;

  @Field(() => ID, { nullable: true })
  ledgerRecordId?: string;

  @Field(() => LifecycleStage, { nullable: true })
  stage?: LifecycleStageValue;

  @Field(() => RiskKind, { nullable: true })
  riskKind?: RiskKindValue;

  @Field(() => RiskLevel, { nullable: true })
  residualRisk?: RiskLevelValue;

  @Field({ nullable: true, description: 'false: only assessments in force; true: only retired ones' })
  retired?: boolean;

  @Field({ nullable: true, description: 'In force and past its yearly re-assessment' })
  overdue?: boolean;

  @Field({ nullable: true, description: 'In force, HIGH residual risk and no planned measure' })
  unmitigated?: boolean;
}

@ArgsType()
export class RiskAssessmentListArgs extends ListArgs {
  @Field(() => RiskAssessmentFilter, { nullable: true })
  filter?: RiskAssessmentFilter;
}

/** What an assessment finds; an update sends only what changes (a re-assessment: a new reviewedOn). */
@ArgsType()
export class RiskAssessmentFieldsArgs {
  @Field(() => RiskLevel, { nullable: true })
  @IsOptional()
  @IsIn(RISK_LEVELS)
  likelihood?: RiskLevelValue;

  @Field(() => RiskLevel, { nullable: true })
  @IsOptional()
  @IsIn(RISK_LEVELS)
  impact?: RiskLevelValue;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 2000)
  measuresInPlace?: string;

  @Field(() => RiskLevel, { nullable: true })
  @IsOptional()
  @IsIn(RISK_LEVELS)
  residualRisk?: RiskLevelValue;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  plannedMeasure?: string | null;

  @Field(() => ID, { nullable: true, description: 'The user who assessed it; the caller when omitted' })
  @IsOptional()
  reviewerId?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Today (Japan time) when omitted' })
  @IsOptional()
  reviewedOn?: string;
}

@ArgsType()
export class CreateRiskAssessmentArgs extends RiskAssessmentFieldsArgs {
  @Field(() => ID)
  ledgerRecordId!: string;

  @Field(() => LifecycleStage)
  @IsIn(LIFECYCLE_STAGES)
  stage!: LifecycleStageValue;

  @Field(() => RiskKind)
  @IsIn(RISK_KINDS)
  riskKind!: RiskKindValue;

  @Field(() => RiskLevel)
  @IsIn(RISK_LEVELS)
  override likelihood!: RiskLevelValue;

  @Field(() => RiskLevel)
  @IsIn(RISK_LEVELS)
  override impact!: RiskLevelValue;

  @Field()
  @Length(1, 2000)
  override measuresInPlace!: string;

  @Field(() => RiskLevel)
  @IsIn(RISK_LEVELS)
  override residualRisk!: RiskLevelValue;
}

@ArgsType()
export class UpdateRiskAssessmentArgs extends RiskAssessmentFieldsArgs {
  @Field(() => ID)
  id!: string;
}
