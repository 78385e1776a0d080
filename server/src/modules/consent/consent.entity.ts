import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ConsentMethod as ConsentMethodValue } from '@mamori/shared';
import { ConsentMethod } from '../common/enums';
import { DateScalar, DateTimeScalar } from '../common/scalars';

/** A subject was notified of a purpose of use and consented; withdrawn, never deleted. */
@Entity('consent')
@ObjectType('Consent')
export class Consent {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id!: number;

  @Column('integer', { name: 'subject_id' })
  @Field(() => ID)
  subjectId!: number;

  @Column('integer', { name: 'purpose_id' })
  @Field(() => ID)
  purposeId!: number;

  @Column('varchar', { name: 'consented_on', length: 10 })
  @Field(() => DateScalar)
  consentedOn!: string;

  @Column('varchar', { length: 20 })
  @Field(() => ConsentMethod)
  method!: ConsentMethodValue;

  @Column('varchar', { name: 'withdrawn_at', length: 24, nullable: true })
  @Field(() => DateTimeScalar, { nullable: true })
  withdrawnAt!: string | null;

  @Column('integer', { name: 'recorded_by_id', nullable: true })
  @Field(() => ID, { nullable: true })
  recordedById!: number | null;

  @Column('varchar', { name: 'created_at', length: 24 })
  @Field(() => DateTimeScalar)
  createdAt!: string;
}
