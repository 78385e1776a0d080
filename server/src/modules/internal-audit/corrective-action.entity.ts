import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar, DateTimeScalar } from '../common/scalars';

/**
 * What is done about a nonconformity: its owner and due day, the cause found,
 * the action taken, and the auditor's verification of its effect. An action
 * found not effective is taken again; one verified effective is final.
 */
@Entity('internal_audit_action')
@ObjectType('CorrectiveAction')
export class CorrectiveAction {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id!: number;

  @Column('integer', { name: 'finding_id' })
  @Field(() => ID)
  findingId!: number;

  @Column('integer', { name: 'audit_id' })
  @Field(() => ID)
  auditId!: number;

  @Column('integer', { name: 'owner_id' })
  @Field(() => ID, { description: 'The user responsible for the action' })
  ownerId!: number;

  @Column('varchar', { name: 'due_on', length: 10 })
  @Field(() => DateScalar)
  dueOn!: string;

  @Column('varchar', { length: 2000, nullable: true })
  @Field(() => String, { nullable: true, description: 'The cause found (no personal data)' })
  cause!: string | null;

  @Column('varchar', { name: 'action_taken', length: 2000, nullable: true })
  @Field(() => String, { nullable: true, description: 'What was done (no personal data)' })
  actionTaken!: string | null;

  @Column('varchar', { name: 'completed_on', length: 10, nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'The day the action was taken; cleared when its effect is found wanting' })
  completedOn!: string | null;

  @Column('integer', { name: 'verified_by_id', nullable: true })
  @Field(() => ID, { nullable: true })
  verifiedById!: number | null;

  @Column('varchar', { name: 'verified_on', length: 10, nullable: true })
  @Field(() => DateScalar, { nullable: true })
  verifiedOn!: string | null;

  @Column('boolean', { nullable: true })
  @Field(() => Boolean, { nullable: true, description: 'The auditor’s verdict on the latest verification: null until verified' })
  effective!: boolean | null;

  @Column('varchar', { name: 'verification_note', length: 1000, nullable: true })
  @Field(() => String, { nullable: true })
  verificationNote!: string | null;

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
