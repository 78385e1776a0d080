import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MailLanguage, Role as RoleValue } from '@mamori/shared';
import { Role } from '../common/enums';
import { DateTimeScalar } from '../common/scalars';

/** A person who signs in. Deactivated, never deleted. */
@Entity('app_user')
@ObjectType('User')
export class User {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id!: number;

  @Column('varchar', { length: 254 })
  @Field()
  email!: string;

  @Column('varchar', { name: 'display_name', length: 100 })
  @Field()
  displayName!: string;

  @Column('varchar', { length: 20 })
  @Field(() => Role)
  role!: RoleValue;

  @Column('boolean')
  @Field()
  active!: boolean;

  /** Canonical form (user/department.ts); null when none is recorded. */
  @Column('varchar', { length: 60, nullable: true })
  @Field(() => String, { nullable: true, description: 'Department (部署), as the company names it' })
  department!: string | null;

  @Column('varchar', { name: 'password_hash', length: 255 })
  passwordHash!: string;

  @Column('integer', { name: 'failed_logins' })
  failedLogins!: number;

  @Column('varchar', { name: 'locked_until', length: 24, nullable: true })
  @Field(() => DateTimeScalar, { nullable: true })
  lockedUntil!: string | null;

  /** Bumped on password change, reset and deactivation: older tokens stop working. */
  @Column('integer', { name: 'token_version' })
  tokenVersion!: number;

  /** The TOTP secret, encrypted; set at enrolment, used once confirmed. */
  @Column('varchar', { name: 'totp_secret', length: 200, nullable: true })
  totpSecret!: string | null;

  @Column('boolean', { name: 'totp_enabled' })
  @Field({ description: 'Two-factor sign-in (TOTP) is on' })
  totpEnabled!: boolean;

  /** The last accepted TOTP time step: a code is never accepted twice. */
  @Column('integer', { name: 'totp_last_step', nullable: true })
  totpLastStep!: number | null;

  /** SHA-256 hashes of the unused recovery codes (JSON array). */
  @Column('text', { name: 'recovery_codes', nullable: true })
  recoveryCodes!: string | null;

  /** The daily e-mail digest of what is due; each user may turn it off. */
  @Column('boolean', { name: 'reminder_digest', default: true })
  reminderDigest!: boolean;

  /** The language of the user's e-mail (`ja` or `en`). */
  @Column('varchar', { name: 'mail_language', length: 2, default: 'ja' })
  mailLanguage!: MailLanguage;

  @Column('varchar', { name: 'created_at', length: 24 })
  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Column('varchar', { name: 'updated_at', length: 24 })
  @Field(() => DateTimeScalar)
  updatedAt!: string;
}
