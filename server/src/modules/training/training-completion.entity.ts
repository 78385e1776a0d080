import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { TrainingResult as TrainingResultValue } from '@mamori/shared';
import { TrainingResult } from '../common/enums';
import { DateScalar, DateTimeScalar } from '../common/scalars';

/** One attempt of a user at a course, with its comprehension result. A retake is a new record; none is deleted. */
@Entity('training_completion')
@ObjectType('TrainingCompletion')
export class TrainingCompletion {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id!: number;

  @Column('integer', { name: 'course_id' })
  @Field(() => ID)
  courseId!: number;

  @Column('integer', { name: 'user_id' })
  @Field(() => ID)
  userId!: number;

  @Column('varchar', { name: 'completed_on', length: 10 })
  @Field(() => DateScalar)
  completedOn!: string;

  @Column('varchar', { length: 10 })
  @Field(() => TrainingResult, { description: 'Only PASSED completes the course' })
  result!: TrainingResultValue;

  @Column('integer', { nullable: true })
  @Field(() => Int, { nullable: true, description: 'The comprehension test score, 0 to 100' })
  score!: number | null;

  @Column('integer', { name: 'recorded_by_id', nullable: true })
  @Field(() => ID, { nullable: true })
  recordedById!: number | null;

  @Column('varchar', { name: 'created_at', length: 24 })
  @Field(() => DateTimeScalar)
  createdAt!: string;
}
