import { IsBoolean, IsIn, IsInt, IsOptional, Length, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { INCIDENT_KINDS, type IncidentKind as IncidentKindValue } from '@mamori/shared';
import { IncidentKind } from '../common/enums';
import { ListArgs, ListFilter } from '../common/list';
import { DateScalar, DateTimeScalar } from '../common/scalars';
import { MEASURE_STATUSES, MeasureStatus, type MeasureStatusValue } from './incident.enums';

export const MAX_PEOPLE = 100_000_000;

@InputType()
export class IncidentFilter extends ListFilter {
  @Field({ nullable: true, description: 'Matches the reference and the description' })
  @MaxLength(100)
  override q?: string;

  @Field(() => IncidentKind, { nullable: true })
  kind?: IncidentKindValue;

  @Field(() => ID, { nullable: true })
  subcontractorId?: string;

  @Field({ nullable: true })
  reportable?: boolean;

  @Field({ nullable: true, description: 'Reportable, and the preliminary or the final report is still to be made' })
  reportPending?: boolean;

  @Field({ nullable: true })
  preliminaryReportOverdue?: boolean;

  @Field({ nullable: true })
  finalReportOverdue?: boolean;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Detected at or after' })
  from?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Detected before' })
  to?: string;
}

@ArgsType()
export class IncidentListArgs extends ListArgs {
  @Field(() => IncidentFilter, { nullable: true })
  filter?: IncidentFilter;
}

@ArgsType()
export class IncidentFieldsArgs {
  @Field(() => IncidentKind, { nullable: true })
  @IsOptional()
  @IsIn(INCIDENT_KINDS)
  kind?: IncidentKindValue;

  @Field(() => DateTimeScalar, { nullable: true })
  @IsOptional()
  detectedAt?: string;

  @Field({ nullable: true, description: 'What happened; no personal data of the people affected' })
  @IsOptional()
  @Length(1, 4000)
  description?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PEOPLE)
  peopleAffected?: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  sensitiveData?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  financialLossRisk?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  wrongfulPurpose?: boolean;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  subcontractorId?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  preliminaryReportedOn?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  finalReportedOn?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  individualsNotifiedOn?: string | null;
}

@ArgsType()
export class CreateIncidentArgs extends IncidentFieldsArgs {
  @Field(() => IncidentKind)
  @IsIn(INCIDENT_KINDS)
  override kind!: IncidentKindValue;

  @Field(() => DateTimeScalar)
  override detectedAt!: string;

  @Field({ description: 'What happened; no personal data of the people affected' })
  @Length(1, 4000)
  override description!: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(MAX_PEOPLE)
  override peopleAffected!: number;
}

@ArgsType()
export class UpdateIncidentArgs extends IncidentFieldsArgs {
  @Field(() => ID)
  id!: string;
}

@InputType()
export class IncidentMeasureFilter extends ListFilter {
  @Field(() => ID, { nullable: true })
  incidentId?: string;

  @Field(() => MeasureStatus, { nullable: true })
  status?: MeasureStatusValue;

  @Field({ nullable: true, description: 'Not done and past its due day' })
  overdue?: boolean;
}

@ArgsType()
export class IncidentMeasureListArgs extends ListArgs {
  @Field(() => IncidentMeasureFilter, { nullable: true })
  filter?: IncidentMeasureFilter;
}

@ArgsType()
export class IncidentMeasureFieldsArgs {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 1000)
  description?: string;

  @Field(() => MeasureStatus, { nullable: true })
  @IsOptional()
  @IsIn(MEASURE_STATUSES)
  status?: MeasureStatusValue;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  dueOn?: string | null;
}

@ArgsType()
export class CreateIncidentMeasureArgs extends IncidentMeasureFieldsArgs {
  @Field(() => ID)
  incidentId!: string;

  @Field()
  @Length(1, 1000)
  override description!: string;
}

@ArgsType()
export class UpdateIncidentMeasureArgs extends IncidentMeasureFieldsArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true, description: 'Accepted when unchanged; a measure does not move to another incident' })
  @IsOptional()
  incidentId?: string;
}
