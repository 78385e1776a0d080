import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { jsonStrings } from '../../db/json-columns';
import type { CaseStatus as CaseStatusValue, NonDisclosureReason as NonDisclosureReasonValue } from '@mamori/shared';
import { CaseStatus, NonDisclosureReason } from '../common/enums';
import { DateTimeScalar } from '../common/scalars';


/** One step on a case's timeline: who moved it, when, from which status to which, and why. */
@Entity('case_transition')
@ObjectType('CaseTransition')
export class CaseTransition {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id!: number;

  @Column('integer', { name: 'case_id' })
  @Field(() => ID)
  caseId!: number;

  /** Null for the intake itself. */
  @Column('varchar', { name: 'from_status', length: 20, nullable: true })
  @Field(() => CaseStatus, { nullable: true })
  from!: CaseStatusValue | null;

  @Column('varchar', { name: 'to_status', length: 20 })
  @Field(() => CaseStatus)
  to!: CaseStatusValue;

  @Column('integer', { name: 'actor_id', nullable: true })
  @Field(() => ID, { nullable: true })
  actorId!: number | null;

  /** The actor's display name, filled in when the timeline is read (not a column). */
  @Field(() => String, { nullable: true })
  actorName?: string | null;

  @Column('varchar', { length: 24 })
  @Field(() => DateTimeScalar)
  at!: string;

  @Column('varchar', { length: 500, transformer: jsonStrings })
  @Field(() => [NonDisclosureReason])
  reasons!: NonDisclosureReasonValue[];

  @Column('varchar', { length: 1000, nullable: true })
  @Field(() => String, { nullable: true })
  note!: string | null;
}
