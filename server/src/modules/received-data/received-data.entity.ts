import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SubjectCategory as SubjectCategoryValue } from '@mamori/shared';
import { jsonStrings } from '../../db/json-columns';
import { SubjectCategory } from '../common/enums';
import { DateScalar, DateTimeScalar } from '../common/scalars';

/**
 * A record of personal data received from a third party, with the
 * confirmation APPI art. 30 requires: who provided it (name, address,
 * representative) and how they acquired it. Kept at least three years and
 * never changed or deleted: older records are listed for review.
 */
@Entity('received_data_record')
@ObjectType('ReceivedDataRecord')
export class ReceivedDataRecord {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id!: number;

  @Column('varchar', { name: 'provider_name', length: 200 })
  @Field({ description: 'The third party who provided the data' })
  providerName!: string;

  @Column('varchar', { name: 'provider_address', length: 300 })
  @Field()
  providerAddress!: string;

  @Column('varchar', { name: 'provider_representative', length: 100, nullable: true })
  @Field(() => String, { nullable: true, description: 'For a corporation: its representative' })
  providerRepresentative!: string | null;

  @Column('varchar', { name: 'acquisition_method', length: 1000 })
  @Field({ description: 'How the provider acquired the data, as confirmed' })
  acquisitionMethod!: string;

  @Column('varchar', { name: 'received_on', length: 10 })
  @Field(() => DateScalar)
  receivedOn!: string;

  @Column('varchar', { length: 2000, transformer: jsonStrings })
  @Field(() => [String], { description: 'The pieces of personal data received' })
  items!: string[];

  @Column('varchar', { name: 'subject_category', length: 30 })
  @Field(() => SubjectCategory, { description: 'Whose data it is' })
  subjectCategory!: SubjectCategoryValue;

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
