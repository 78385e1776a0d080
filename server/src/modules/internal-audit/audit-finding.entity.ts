import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AuditArea as AuditAreaValue, AuditFindingKind as AuditFindingKindValue } from '@mamori/shared';
import { AuditArea, AuditFindingKind } from '../common/enums';
import { DateScalar, DateTimeScalar } from '../common/scalars';

/** What an internal audit found in one area: a conformity, an observation or a nonconformity. Never deleted. */
@Entity('internal_audit_finding')
@ObjectType('AuditFinding')
export class AuditFinding {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id!: number;

  @Column('integer', { name: 'audit_id' })
  @Field(() => ID)
  auditId!: number;

  @Column('varchar', { length: 20 })
  @Field(() => AuditFindingKind)
  kind!: AuditFindingKindValue;

  @Column('varchar', { length: 20 })
  @Field(() => AuditArea)
  area!: AuditAreaValue;

  @Column('varchar', { length: 2000 })
  @Field({
    description:
      'What was found, against which rule or record (by reference number or id). No personal data: never a data subject’s or requester’s name, address or other details.',
  })
  description!: string;

  @Column('varchar', { name: 'found_on', length: 10 })
  @Field(() => DateScalar)
  foundOn!: string;

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
