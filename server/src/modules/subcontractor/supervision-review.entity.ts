import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ReviewResult as ReviewResultValue } from '@mamori/shared';
import { ReviewResult } from '../common/enums';
import { DateScalar, DateTimeScalar } from '../common/scalars';

/** One round of the regular management and supervision of a subcontractor. */
@Entity('supervision_review')
@Index('IDX_supervision_review_subcontractor', ['subcontractorId', 'reviewedOn'])
@ObjectType('SupervisionReview')
export class SupervisionReview {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id!: number;

  @Column('integer', { name: 'subcontractor_id' })
  @Field(() => ID)
  subcontractorId!: number;

  @Column('varchar', { name: 'reviewed_on', length: 10 })
  @Field(() => DateScalar)
  reviewedOn!: string;

  @Column('integer', { name: 'reviewer_id' })
  @Field(() => ID, { description: 'The user (supervisor or privacy manager) who reviewed' })
  reviewerId!: number;

  @Column('varchar', { length: 20 })
  @Field(() => ReviewResult)
  result!: ReviewResultValue;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true })
  findings!: string | null;

  @Column('text', { name: 'corrective_actions', nullable: true })
  @Field(() => String, { nullable: true })
  correctiveActions!: string | null;

  @Column('varchar', { name: 'next_review_due', length: 10 })
  @Field(() => DateScalar)
  nextReviewDue!: string;

  @Column('varchar', { name: 'created_at', length: 24 })
  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Column('varchar', { name: 'updated_at', length: 24 })
  @Field(() => DateTimeScalar)
  updatedAt!: string;
}
