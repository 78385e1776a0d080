import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { SubjectCategory as SubjectCategoryValue } from '@mamori/shared';
import { SubjectCategory } from '../common/enums';
import { DateScalar, DateTimeScalar } from '../common/scalars';
import { jsonIds, jsonStrings } from '../../db/json-columns';
import { CertificateKind, type CertificateKindValue } from './supervision.enums';

/**
 * A hand-over of personal data to a subcontractor: which data (categories,
 * items, how many subjects), when, for which purposes, until when; closed with
 * a certificate of return or destruction. It records the hand-over, not the
 * data itself.
 */
@Entity('entrustment')
@Index('IDX_entrustment_subcontractor', ['subcontractorId', 'closedOn'])
@ObjectType('Entrustment')
export class Entrustment {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id!: number;

  @Column('integer', { name: 'subcontractor_id' })
  @Field(() => ID)
  subcontractorId!: number;

  @Column('varchar', { name: 'data_categories', length: 300, transformer: jsonStrings })
  @Field(() => [SubjectCategory], { description: 'The groups of data subjects whose data was handed over' })
  dataCategories!: SubjectCategoryValue[];

  @Column('varchar', { name: 'data_items', length: 2000, transformer: jsonStrings })
  @Field(() => [String], { description: 'The pieces of personal data handed over (e.g. name, address), not their values' })
  dataItems!: string[];

  @Column('integer', { name: 'subject_count' })
  @Field(() => Int, { description: 'How many data subjects' })
  subjectCount!: number;

  @Column('varchar', { name: 'purpose_ids', length: 500, transformer: jsonIds })
  @Field(() => [ID], { description: 'The purposes of use (PurposeOfUse ids) the data was handed over for' })
  purposeIds!: number[];

  @Column('varchar', { name: 'handed_over_on', length: 10 })
  @Field(() => DateScalar)
  handedOverOn!: string;

  @Column('varchar', { name: 'ends_on', length: 10 })
  @Field(() => DateScalar, { description: 'The last day the subcontractor may hold the data' })
  endsOn!: string;

  @Column('varchar', { length: 1000, nullable: true })
  @Field(() => String, { nullable: true })
  note!: string | null;

  @Column('varchar', { name: 'closed_on', length: 10, nullable: true })
  @Field(() => DateScalar, { nullable: true })
  closedOn!: string | null;

  @Column('varchar', { name: 'certificate_kind', length: 20, nullable: true })
  @Field(() => CertificateKind, { nullable: true })
  certificateKind!: CertificateKindValue | null;

  @Column('varchar', { name: 'certificate_ref', length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: 'Reference of the certificate of return or destruction' })
  certificateRef!: string | null;

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
