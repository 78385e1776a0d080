import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { SubjectCategory as SubjectCategoryValue } from '@mamori/shared';
import { SubjectCategory } from '../common/enums';
import { DateScalar, DateTimeScalar } from '../common/scalars';
import { jsonIds, jsonStrings } from '../../db/json-columns';

/**
 * An entrusted party (outsourced handling of personal data). Deactivated,
 * never deleted. Whether it may receive data is computed from its agreements
 * and reviews (subcontractor.resolver.ts).
 */
@Entity('subcontractor')
@Index('UQ_subcontractor_name', ['name'], { unique: true })
@ObjectType('Subcontractor')
export class Subcontractor {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id!: number;

  @Column('varchar', { length: 200 })
  @Field()
  name!: string;

  @Column('varchar', { length: 300 })
  @Field({ description: 'The business contact (department, role address or main number), not a private person’s data' })
  contact!: string;

  @Column('varchar', { name: 'entrusted_categories', length: 300, transformer: jsonStrings })
  @Field(() => [SubjectCategory], { description: 'The groups of data subjects whose data may be entrusted' })
  entrustedCategories!: SubjectCategoryValue[];

  @Column('varchar', { name: 'entrusted_purposes', length: 500, transformer: jsonIds })
  @Field(() => [ID], { description: 'The purposes of use (PurposeOfUse ids) the handling is entrusted for' })
  entrustedPurposes!: number[];

  @Column('boolean', { name: 'meets_standards' })
  @Field({ description: 'Meets the company’s personal-information protection standards (as last assessed)' })
  meetsStandards!: boolean;

  @Column('varchar', { name: 'last_assessed_on', length: 10, nullable: true })
  @Field(() => DateScalar, { nullable: true })
  lastAssessedOn!: string | null;

  @Column('boolean')
  @Field()
  active!: boolean;

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
