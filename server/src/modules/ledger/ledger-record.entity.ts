import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type {
  AcquisitionMethod as AcquisitionMethodValue,
  DataItem as DataItemValue,
  ForeignTransferBasis as ForeignTransferBasisValue,
  LegalBasis as LegalBasisValue,
  Role as RoleValue,
  StorageMedium as StorageMediumValue,
  SubjectCategory as SubjectCategoryValue,
} from '@mamori/shared';
import { jsonIds, jsonStrings } from '../../db/json-columns';
import { DataItem, LegalBasis, Role, SubjectCategory } from '../common/enums';
import { DateScalar, DateTimeScalar } from '../common/scalars';
import { AcquisitionMethod, ForeignTransferBasis, StorageMedium } from './ledger.enums';

/**
 * One kind of personal information the company holds (個人情報管理台帳): who
 * owns it, whose it is, what it contains, how it is acquired, used, stored,
 * shared and disposed of. It describes the data and holds none of it.
 * Retired, never deleted.
 */
@Entity('ledger_record')
@Index('IDX_ledger_record_review', ['retiredAt', 'nextReviewDue'])
@ObjectType('LedgerRecord')
export class LedgerRecord {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id!: number;

  @Column('varchar', { length: 200 })
  @Field({ description: 'The kind of personal information, e.g. "e-commerce customer accounts"' })
  name!: string;

  @Column('varchar', { length: 100 })
  @Field({ description: 'The owning department' })
  department!: string;

  @Column('varchar', { name: 'subject_category', length: 30 })
  @Field(() => SubjectCategory, { description: 'Whose information it is' })
  subjectCategory!: SubjectCategoryValue;

  @Column('varchar', { name: 'data_items', length: 300, transformer: jsonStrings })
  @Field(() => [DataItem], { description: 'The policy’s items it contains; OTHER when otherDataItems names more' })
  dataItems!: DataItemValue[];

  @Column('varchar', { name: 'other_data_items', length: 2000, transformer: jsonStrings })
  @Field(() => [String], { description: 'Items beyond the policy’s list (e.g. "date of birth"), by name, never their values' })
  otherDataItems!: string[];

  @Column('boolean', { name: 'special_care' })
  @Field({ description: 'Includes special-care-required personal information (要配慮個人情報, APPI art. 2(3))' })
  specialCare!: boolean;

  @Column('integer', { name: 'approximate_records' })
  @Field(() => Int, { description: 'About how many individuals’ records are held' })
  approximateRecords!: number;

  @Column('varchar', { name: 'acquisition_method', length: 30 })
  @Field(() => AcquisitionMethod)
  acquisitionMethod!: AcquisitionMethodValue;

  @Column('varchar', { name: 'purpose_ids', length: 500, transformer: jsonIds })
  @Field(() => [ID], { description: 'The purposes of use (PurposeOfUse ids) it is used for' })
  purposeIds!: number[];

  @Column('varchar', { name: 'storage_system', length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: 'The system it is kept in (none for paper only)' })
  storageSystem!: string | null;

  @Column('varchar', { name: 'storage_medium', length: 30 })
  @Field(() => StorageMedium)
  storageMedium!: StorageMediumValue;

  @Column('varchar', { name: 'storage_location', length: 200 })
  @Field({ description: 'Where it is kept: a server room, a cloud region, a locked cabinet' })
  storageLocation!: string;

  @Column('varchar', { name: 'access_roles', length: 200, transformer: jsonStrings })
  @Field(() => [Role], { description: 'The roles of Mamori’s users who may access it' })
  accessRoles!: RoleValue[];

  @Column('varchar', { name: 'access_departments', length: 1000, transformer: jsonStrings })
  @Field(() => [String], { description: 'The departments who may access it' })
  accessDepartments!: string[];

  @Column('varchar', { name: 'retention_period', length: 200 })
  @Field({ description: 'How long it is kept, e.g. "退職後5年"' })
  retentionPeriod!: string;

  @Column('varchar', { name: 'disposal_method', length: 300 })
  @Field()
  disposalMethod!: string;

  @Column('varchar', { name: 'subcontractor_ids', length: 500, transformer: jsonIds })
  @Field(() => [ID], { description: 'The subcontractors its handling is entrusted to (each entrusted with its subject category)' })
  subcontractorIds!: number[];

  @Column('boolean', { name: 'third_party_provision' })
  @Field({ description: 'Provided to third parties' })
  thirdPartyProvision!: boolean;

  @Column('varchar', { name: 'provision_basis', length: 40, nullable: true })
  @Field(() => LegalBasis, { nullable: true, description: 'The ground of the provision; set exactly when it is provided' })
  provisionBasis!: LegalBasisValue | null;

  @Column('varchar', { name: 'provision_recipients', length: 500, nullable: true })
  @Field(() => String, { nullable: true, description: 'Who it is provided to (kinds of recipient or companies)' })
  provisionRecipients!: string | null;

  @Column('boolean', { name: 'foreign_transfer' })
  @Field({ description: 'Transferred to a third party in a foreign country (APPI art. 28)' })
  foreignTransfer!: boolean;

  @Column('varchar', { name: 'foreign_country', length: 2, nullable: true })
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code of the country; set exactly when transferred' })
  foreignCountry!: string | null;

  @Column('varchar', { name: 'foreign_transfer_basis', length: 30, nullable: true })
  @Field(() => ForeignTransferBasis, { nullable: true })
  foreignTransferBasis!: ForeignTransferBasisValue | null;

  @Column('varchar', { length: 1000, nullable: true })
  @Field(() => String, { nullable: true })
  note!: string | null;

  @Column('varchar', { name: 'last_reviewed_on', length: 10 })
  @Field(() => DateScalar)
  lastReviewedOn!: string;

  @Column('varchar', { name: 'next_review_due', length: 10 })
  @Field(() => DateScalar, { description: 'A year after the last review' })
  nextReviewDue!: string;

  @Column('varchar', { name: 'retired_at', length: 24, nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'No longer held; the record and its assessments are kept' })
  retiredAt!: string | null;

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
