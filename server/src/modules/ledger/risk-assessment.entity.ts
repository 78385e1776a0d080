import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { LifecycleStage as LifecycleStageValue, RiskKind as RiskKindValue, RiskLevel as RiskLevelValue } from '@mamori/shared';
import { DateScalar, DateTimeScalar } from '../common/scalars';
import { LifecycleStage, RiskKind, RiskLevel } from './ledger.enums';

/**
 * One risk of a ledger record at one stage of its life cycle: how likely and
 * how harmful, what is in place against it, what remains and what is planned.
 * Re-assessed yearly; retired when it no longer applies, never deleted.
 */
@Entity('risk_assessment')
@Index('IDX_risk_assessment_record', ['ledgerRecordId', 'retiredAt'])
@ObjectType('RiskAssessment')
export class RiskAssessment {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id!: number;

  @Column('integer', { name: 'ledger_record_id' })
  @Field(() => ID)
  ledgerRecordId!: number;

  @Column('varchar', { length: 20 })
  @Field(() => LifecycleStage)
  stage!: LifecycleStageValue;

  @Column('varchar', { name: 'risk_kind', length: 30 })
  @Field(() => RiskKind)
  riskKind!: RiskKindValue;

  @Column('varchar', { length: 10 })
  @Field(() => RiskLevel)
  likelihood!: RiskLevelValue;

  @Column('varchar', { length: 10 })
  @Field(() => RiskLevel)
  impact!: RiskLevelValue;

  @Column('varchar', { name: 'measures_in_place', length: 2000 })
  @Field({ description: 'What is done against the risk now' })
  measuresInPlace!: string;

  @Column('varchar', { name: 'residual_risk', length: 10 })
  @Field(() => RiskLevel, { description: 'The risk left with the measures in place; never above the inherent risk' })
  residualRisk!: RiskLevelValue;

  @Column('varchar', { name: 'planned_measure', length: 2000, nullable: true })
  @Field(() => String, { nullable: true, description: 'What is planned against what remains' })
  plannedMeasure!: string | null;

  @Column('integer', { name: 'reviewer_id' })
  @Field(() => ID, { description: 'The user who assessed it' })
  reviewerId!: number;

  @Column('varchar', { name: 'reviewed_on', length: 10 })
  @Field(() => DateScalar)
  reviewedOn!: string;

  @Column('varchar', { name: 'next_assessment_due', length: 10 })
  @Field(() => DateScalar, { description: 'A year after it was assessed' })
  nextAssessmentDue!: string;

  @Column('varchar', { name: 'retired_at', length: 24, nullable: true })
  @Field(() => DateTimeScalar, { nullable: true })
  retiredAt!: string | null;

  @Column('integer', { name: 'recorded_by_id', nullable: true })
  @Field(() => ID, { nullable: true })
  recordedById!: number | null;

  @Column('varchar', { name: 'created_at', length: 24 })
  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Column('varchar', { name: 'updated_at', length: 24 })
  @Field(() => DateTimeScalar)
  updatedAt!: string;
}
