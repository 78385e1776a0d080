import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ManagementReviewActionStatus as ManagementReviewActionStatusValue } from '@mamori/shared';
import { ManagementReviewActionStatus } from '../common/enums';
import { DateScalar, DateTimeScalar } from '../common/scalars';

/** A decision or action of a management review: its owner, due day and, once done, the result. Never deleted. */
@Entity('management_review_action')
@ObjectType('ManagementReviewAction')
export class ManagementReviewAction {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id!: number;

  @Column('integer', { name: 'review_id' })
  @Field(() => ID)
  reviewId!: number;

  @Column('varchar', { length: 2000 })
  @Field({ description: 'What was decided and is to be done (no personal data)' })
  description!: string;

  @Column('integer', { name: 'owner_id' })
  @Field(() => ID, { description: 'The user responsible for the action' })
  ownerId!: number;

  @Column('varchar', { name: 'due_on', length: 10 })
  @Field(() => DateScalar)
  dueOn!: string;

  @Column('varchar', { length: 10 })
  @Field(() => ManagementReviewActionStatus)
  status!: ManagementReviewActionStatusValue;

  @Column('varchar', { name: 'done_on', length: 10, nullable: true })
  @Field(() => DateScalar, { nullable: true })
  doneOn!: string | null;

  @Column('varchar', { length: 2000, nullable: true })
  @Field(() => String, { nullable: true, description: 'What was done and its result (no personal data)' })
  result!: string | null;

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
