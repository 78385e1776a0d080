import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ORGANISATION_REQUIRED_FIELDS, ORGANISATION_TEXT_FIELDS, type DateStyle as DateStyleValue } from '@mamori/shared';
import { DateStyle } from '../common/enums';
import { DateTimeScalar } from '../common/scalars';

/**
 * The organisation that answers requests: printed in every letter's sender
 * block, shown on the sign-in page. One row (id 1), kept by the privacy manager.
 * Not personal data: it is the company's published contact point.
 */
@Entity('organisation_profile')
@ObjectType('OrganisationProfile')
export class OrganisationProfile {
  @PrimaryColumn('integer')
  @Field(() => ID)
  id!: number;

  @Column('varchar', { name: 'name_ja', length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: 'Company name in Japanese, e.g. 株式会社…' })
  nameJa!: string | null;

  @Column('varchar', { name: 'name_en', length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: 'Company name in English' })
  nameEn!: string | null;

  @Column('varchar', { name: 'postal_code', length: 8, nullable: true })
  @Field(() => String, { nullable: true })
  postalCode!: string | null;

  @Column('varchar', { name: 'postal_address', length: 300, nullable: true })
  @Field(() => String, { nullable: true })
  postalAddress!: string | null;

  @Column('varchar', { name: 'responsible_department', length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: 'Department of the person responsible for personal information' })
  responsibleDepartment!: string | null;

  @Column('varchar', { name: 'responsible_title', length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: 'Title of the person responsible, e.g. 個人情報管理責任者' })
  responsibleTitle!: string | null;

  @Column('varchar', { name: 'responsible_department_en', length: 200, nullable: true })
  @Field(() => String, { nullable: true })
  responsibleDepartmentEn!: string | null;

  @Column('varchar', { name: 'responsible_title_en', length: 200, nullable: true })
  @Field(() => String, { nullable: true })
  responsibleTitleEn!: string | null;

  @Column('varchar', { name: 'contact_email', length: 254, nullable: true })
  @Field(() => String, { nullable: true })
  contactEmail!: string | null;

  @Column('varchar', { name: 'request_address', length: 300, nullable: true })
  @Field(() => String, { nullable: true, description: 'Where requests for disclosure, etc. are sent' })
  requestAddress!: string | null;

  @Column('varchar', { name: 'date_style', length: 20 })
  @Field(() => DateStyle, { description: 'How Japanese letters write days; English letters are always Western' })
  dateStyle!: DateStyleValue;

  @Column('varchar', { name: 'updated_at', length: 24, nullable: true })
  @Field(() => DateTimeScalar, { nullable: true })
  updatedAt!: string | null;

  @Column('integer', { name: 'updated_by_id', nullable: true })
  @Field(() => ID, { nullable: true })
  updatedById!: number | null;
}

export const PROFILE_FIELDS = [...ORGANISATION_TEXT_FIELDS, 'dateStyle'] as const;

/** What a letter cannot be signed without. */
export const missingProfileFields = (p: OrganisationProfile | null): string[] => ORGANISATION_REQUIRED_FIELDS.filter((f) => !p || !p[f]);
