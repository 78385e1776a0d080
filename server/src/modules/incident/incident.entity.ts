import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { IncidentKind as IncidentKindValue } from '@mamori/shared';
import { IncidentKind } from '../common/enums';
import { DateScalar, DateTimeScalar } from '../common/scalars';

/**
 * An entry of the incident register (leak, loss, destruction, alteration,
 * unauthorized access). Reportability and report deadlines are computed in
 * incident.rules.ts. The description says what happened, never whose data.
 */
@Entity('incident')
@Index('UQ_incident_reference', ['reference'], { unique: true })
@Index('IDX_incident_detected_at', ['detectedAt'])
@ObjectType('Incident')
export class Incident {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id!: number;

  @Column('varchar', { length: 20 })
  @Field({ description: 'Register number, e.g. INC-2026-0001' })
  reference!: string;

  @Column('varchar', { length: 30 })
  @Field(() => IncidentKind)
  kind!: IncidentKindValue;

  @Column('varchar', { name: 'detected_at', length: 24 })
  @Field(() => DateTimeScalar)
  detectedAt!: string;

  @Column('text')
  @Field({ description: 'What happened; no personal data of the people affected' })
  description!: string;

  @Column('integer', { name: 'people_affected' })
  @Field(() => Int)
  peopleAffected!: number;

  @Column('boolean', { name: 'sensitive_data' })
  @Field({ description: 'Special-care-required personal information is involved' })
  sensitiveData!: boolean;

  @Column('boolean', { name: 'financial_loss_risk' })
  @Field({ description: 'Data whose misuse may cause financial loss is involved' })
  financialLossRisk!: boolean;

  @Column('boolean', { name: 'wrongful_purpose' })
  @Field({ description: 'Caused by an act with a wrongful purpose (e.g. an attack, theft)' })
  wrongfulPurpose!: boolean;

  @Column('integer', { name: 'subcontractor_id', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The subcontractor where it happened, if any' })
  subcontractorId!: number | null;

  @Column('varchar', { name: 'preliminary_reported_on', length: 10, nullable: true })
  @Field(() => DateScalar, { nullable: true })
  preliminaryReportedOn!: string | null;

  @Column('varchar', { name: 'final_reported_on', length: 10, nullable: true })
  @Field(() => DateScalar, { nullable: true })
  finalReportedOn!: string | null;

  @Column('varchar', { name: 'individuals_notified_on', length: 10, nullable: true })
  @Field(() => DateScalar, { nullable: true })
  individualsNotifiedOn!: string | null;

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
