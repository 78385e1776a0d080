import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar } from '../common/scalars';

/** The manager's review of one break-glass read (the entry itself stays untouched). */
@Entity('break_glass_review')
@ObjectType('BreakGlassReview')
export class BreakGlassReview {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id!: number;

  @Column('integer', { name: 'entry_id' })
  @Field(() => ID)
  entryId!: number;

  @Column('integer', { name: 'reviewed_by_id' })
  @Field(() => ID)
  reviewedById!: number;

  @Column('varchar', { name: 'reviewed_at', length: 24 })
  @Field(() => DateTimeScalar)
  reviewedAt!: string;

  @Column('varchar', { length: 1000, nullable: true })
  @Field(() => String, { nullable: true })
  note!: string | null;
}
