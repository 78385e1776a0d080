import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { InternalAuditStatus as InternalAuditStatusValue } from '@mamori/shared';
import { jsonStrings } from '../../db/json-columns';
import { InternalAuditStatus } from '../common/enums';
import { DateScalar, DateTimeScalar } from '../common/scalars';

/** One audit of the year's plan: what it covers, which departments, when, and who audits. Closed, never deleted. */
@Entity('internal_audit')
@ObjectType('InternalAudit')
export class InternalAudit {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id!: number;

  @Column('integer', { name: 'fiscal_year' })
  @Field(() => Int, { description: 'The Japanese fiscal year (April to March) of the plan, named by the year it starts in' })
  fiscalYear!: number;

  @Column('varchar', { length: 200 })
  @Field()
  title!: string;

  @Column('varchar', { length: 2000 })
  @Field({ description: 'What the audit examines (records, rules, periods); no personal data' })
  scope!: string;

  /** Canonical department names (user/department.ts). */
  @Column('varchar', { length: 1500, transformer: jsonStrings })
  @Field(() => [String], { description: 'The departments audited; the auditor may belong to none of them' })
  departments!: string[];

  @Column('varchar', { name: 'planned_from', length: 10 })
  @Field(() => DateScalar)
  plannedFrom!: string;

  @Column('varchar', { name: 'planned_to', length: 10 })
  @Field(() => DateScalar)
  plannedTo!: string;

  @Column('integer', { name: 'auditor_id' })
  @Field(() => ID, { description: 'The internal auditor (a user with the AUDITOR role) who carries the audit out' })
  auditorId!: number;

  @Column('varchar', { length: 10 })
  @Field(() => InternalAuditStatus)
  status!: InternalAuditStatusValue;

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
