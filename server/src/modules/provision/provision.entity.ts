import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { jsonStrings } from '../../db/json-columns';
import type { LegalBasis as LegalBasisValue } from '@mamori/shared';
import { LegalBasis } from '../common/enums';
import { DateScalar, DateTimeScalar } from '../common/scalars';


/**
 * A record of personal data provided to a third party, on one of the four
 * legal bases. Kept at least three years and never deleted: older records are
 * listed for review.
 */
@Entity('third_party_provision')
@ObjectType('ThirdPartyProvision')
export class ThirdPartyProvision {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id!: number;

  @Column('integer', { name: 'subject_id' })
  @Field(() => ID)
  subjectId!: number;

  @Column('varchar', { length: 200 })
  @Field({ description: 'Who received the data' })
  recipient!: string;

  @Column('varchar', { length: 2000, transformer: jsonStrings })
  @Field(() => [String], { description: 'The pieces of personal data provided' })
  items!: string[];

  @Column('varchar', { name: 'provided_on', length: 10 })
  @Field(() => DateScalar)
  providedOn!: string;

  @Column('varchar', { name: 'legal_basis', length: 40 })
  @Field(() => LegalBasis)
  legalBasis!: LegalBasisValue;

  @Column('integer', { name: 'consent_id', nullable: true })
  @Field(() => ID, { nullable: true, description: 'With CONSENT: the consent the provision rests on' })
  consentId!: number | null;

  @Column('varchar', { length: 1000, nullable: true })
  @Field(() => String, { nullable: true })
  note!: string | null;

  @Column('integer', { name: 'recorded_by_id', nullable: true })
  @Field(() => ID, { nullable: true })
  recordedById!: number | null;

  @Column('varchar', { name: 'created_at', length: 24 })
  @Field(() => DateTimeScalar)
  createdAt!: string;
}
