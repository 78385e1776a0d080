import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar, DateTimeScalar } from '../common/scalars';

/** A course every active user must pass in its fiscal year. Retired, never deleted. */
@Entity('training_course')
@ObjectType('TrainingCourse')
export class TrainingCourse {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id!: number;

  @Column('varchar', { length: 200 })
  @Field()
  title!: string;

  @Column('integer', { name: 'fiscal_year' })
  @Field(() => Int, { description: 'The Japanese fiscal year (April to March), named by the year it starts in' })
  fiscalYear!: number;

  @Column('varchar', { name: 'due_on', length: 10 })
  @Field(() => DateScalar, { description: 'Every active user completes the course by this day (within its fiscal year)' })
  dueOn!: string;

  @Column('varchar', { name: 'retired_at', length: 24, nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'Retired courses are no longer required; their completions are kept' })
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
