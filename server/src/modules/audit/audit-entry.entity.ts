import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AuditAction as AuditActionValue, AuditOutcome as AuditOutcomeValue, Role as RoleValue } from '@mamori/shared';
import { AuditAction, AuditOutcome, Role } from '../common/enums';
import { DateTimeScalar } from '../common/scalars';

/**
 * One audit entry as its request committed it. The chain position (seq,
 * prevHash, hash) is added later by the chain linker in `audit_link`; both
 * tables are append-only in the database.
 */
@Entity('audit_entry')
@ObjectType('AuditEntry')
export class AuditEntry {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id!: number;

  @Column('varchar', { name: 'occurred_at', length: 24 })
  @Field(() => DateTimeScalar)
  occurredAt!: string;

  @Column('integer', { name: 'actor_id', nullable: true })
  @Field(() => ID, { nullable: true })
  actorId!: number | null;

  @Column('varchar', { name: 'actor_role', length: 20, nullable: true })
  @Field(() => Role, { nullable: true })
  actorRole!: RoleValue | null;

  @Column('varchar', { length: 20 })
  @Field(() => AuditAction)
  action!: AuditActionValue;

  @Column('varchar', { name: 'entity_type', length: 40, nullable: true })
  @Field(() => String, { nullable: true })
  entityType!: string | null;

  @Column('varchar', { name: 'entity_id', length: 64, nullable: true })
  @Field(() => ID, { nullable: true })
  entityId!: string | null;

  @Column('integer', { name: 'subject_id', nullable: true })
  @Field(() => ID, { nullable: true })
  subjectId!: number | null;

  /** Comma-separated field names, sorted. */
  @Column('varchar', { name: 'fields', length: 1000, default: '' })
  fieldList!: string;

  @Column('integer', { name: 'case_id', nullable: true })
  @Field(() => ID, { nullable: true })
  caseId!: number | null;

  @Column('varchar', { length: 1000, nullable: true })
  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Column('varchar', { name: 'request_id', length: 64, nullable: true })
  @Field(() => String, { nullable: true })
  requestId!: string | null;

  @Column('varchar', { name: 'client_ip', length: 64, nullable: true })
  @Field(() => String, { nullable: true })
  clientIp!: string | null;

  @Column('varchar', { length: 10 })
  @Field(() => AuditOutcome)
  outcome!: AuditOutcomeValue;

  /** JSON `{ field: { old, new } }` of HMAC digests; never raw values. */
  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true, description: 'JSON of keyed digests of old and new values per changed field' })
  changes!: string | null;

  // Filled from audit_link when the entry has been linked into the chain.
  @Field(() => Int, { nullable: true })
  seq?: number | null;

  @Field(() => String, { nullable: true })
  prevHash?: string | null;

  @Field(() => String, { nullable: true })
  hash?: string | null;
}
