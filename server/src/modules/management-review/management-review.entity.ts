import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ManagementReviewStatus as ManagementReviewStatusValue } from '@mamori/shared';
import { jsonStrings } from '../../db/json-columns';
import { ManagementReviewStatus } from '../common/enums';
import { DateScalar, DateTimeScalar } from '../common/scalars';

/**
 * Top management's review of the management system for a period: who took
 * part, what was presented (Mamori's own records, gathered, and the changes
 * in law), and what was concluded. Closed, never deleted.
 */
@Entity('management_review')
@ObjectType('ManagementReview')
export class ManagementReview {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id!: number;

  @Column('integer', { name: 'fiscal_year' })
  @Field(() => Int, { description: 'The Japanese fiscal year (April to March) the review is held in, named by the year it starts in' })
  fiscalYear!: number;

  @Column('varchar', { length: 200 })
  @Field()
  title!: string;

  @Column('varchar', { name: 'period_from', length: 10 })
  @Field(() => DateScalar, { description: 'The first day of the period the review covers' })
  periodFrom!: string;

  @Column('varchar', { name: 'period_to', length: 10 })
  @Field(() => DateScalar, { description: 'The last day of the period the review covers' })
  periodTo!: string;

  @Column('varchar', { name: 'planned_on', length: 10 })
  @Field(() => DateScalar)
  plannedOn!: string;

  @Column('varchar', { name: 'held_on', length: 10, nullable: true })
  @Field(() => DateScalar, { nullable: true })
  heldOn!: string | null;

  @Column('varchar', { length: 3500, transformer: jsonStrings })
  @Field(() => [String], { description: 'Who took part (names and roles, as text)' })
  participants!: string[];

  @Column('varchar', { name: 'law_changes', length: 2000, nullable: true })
  @Field(() => String, { nullable: true, description: 'Changes in law, regulations and guidelines presented to the review' })
  lawChanges!: string | null;

  @Column('varchar', { name: 'other_inputs', length: 2000, nullable: true })
  @Field(() => String, { nullable: true, description: 'Other inputs: changes inside and outside the company, requests of interested parties' })
  otherInputs!: string | null;

  @Column('varchar', { length: 2000, nullable: true })
  @Field(() => String, { nullable: true, description: 'What top management concluded: the system’s suitability and the improvements decided' })
  conclusions!: string | null;

  @Column('varchar', { length: 10 })
  @Field(() => ManagementReviewStatus)
  status!: ManagementReviewStatusValue;

  /** The gathered inputs as presented on the day the review was held (JSON of ManagementReviewInputs). */
  @Column('text', { name: 'inputs_snapshot', nullable: true })
  inputsSnapshot!: string | null;

  @Column('varchar', { name: 'closed_on', length: 10, nullable: true })
  @Field(() => DateScalar, { nullable: true })
  closedOn!: string | null;

  @Column('integer', { name: 'closed_by_id', nullable: true })
  @Field(() => ID, { nullable: true })
  closedById!: number | null;

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
