import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsInt, IsOptional, Length, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import {
  ACQUISITION_METHODS,
  DATA_ITEMS,
  EXPORT_LANGUAGES,
  FOREIGN_TRANSFER_BASES,
  LEDGER_EXPORT_FORMATS,
  LEGAL_BASES,
  ROLES,
  STORAGE_MEDIA,
  SUBJECT_CATEGORIES,
  type AcquisitionMethod as AcquisitionMethodValue,
  type DataItem as DataItemValue,
  type ExportLanguage as ExportLanguageValue,
  type ForeignTransferBasis as ForeignTransferBasisValue,
  type LedgerExportFormat as LedgerExportFormatValue,
  type LegalBasis as LegalBasisValue,
  type Role as RoleValue,
  type StorageMedium as StorageMediumValue,
  type SubjectCategory as SubjectCategoryValue,
} from '@mamori/shared';
import { DataItem, LegalBasis, Role, SubjectCategory } from '../common/enums';
import { ListArgs, ListFilter } from '../common/list';
import { DateScalar } from '../common/scalars';
import { AcquisitionMethod, ExportLanguage, ForeignTransferBasis, LedgerExportFormat, StorageMedium } from './ledger.enums';

export const MAX_APPROXIMATE_RECORDS = 1_000_000_000;
export const MAX_LINKS = 20;
export const MAX_NAMED_ITEMS = 20;
export const MAX_DEPARTMENTS = 10;

@InputType()
export class LedgerRecordFilter extends ListFilter {
  @Field({ nullable: true, description: 'Matches the name, the department and the storage system' })
  @MaxLength(100)
  override q?: string;

  @Field(() => SubjectCategory, { nullable: true })
  subjectCategory?: SubjectCategoryValue;

  @Field({ nullable: true })
  specialCare?: boolean;

  @Field({ nullable: true, description: 'false: only records in force; true: only retired ones' })
  retired?: boolean;

  @Field({ nullable: true, description: 'In force and past its yearly review' })
  reviewOverdue?: boolean;

  @Field({ nullable: true, description: 'In force with a risk assessment past its yearly re-assessment' })
  riskAssessmentOverdue?: boolean;

  @Field({ nullable: true, description: 'In force with a HIGH residual risk and no planned measure' })
  highRiskUnmitigated?: boolean;

  @Field({ nullable: true, description: 'In force with no risk assessment in force' })
  notAssessed?: boolean;

  @Field(() => ID, { nullable: true, description: 'Entrusted to this subcontractor' })
  subcontractorId?: string;
}

@ArgsType()
export class LedgerRecordListArgs extends ListArgs {
  @Field(() => LedgerRecordFilter, { nullable: true })
  filter?: LedgerRecordFilter;
}

/** Every field of a record, each optional: an update sends only what changes. */
@ArgsType()
export class LedgerRecordFieldsArgs {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 100)
  department?: string;

  @Field(() => SubjectCategory, { nullable: true })
  @IsOptional()
  @IsIn(SUBJECT_CATEGORIES)
  subjectCategory?: SubjectCategoryValue;

  @Field(() => [DataItem], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(DATA_ITEMS.length)
  @IsIn(DATA_ITEMS, { each: true })
  dataItems?: DataItemValue[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_NAMED_ITEMS)
  @Length(1, 80, { each: true })
  otherDataItems?: string[];

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  specialCare?: boolean;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_APPROXIMATE_RECORDS)
  approximateRecords?: number;

  @Field(() => AcquisitionMethod, { nullable: true })
  @IsOptional()
  @IsIn(ACQUISITION_METHODS)
  acquisitionMethod?: AcquisitionMethodValue;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_LINKS)
  purposeIds?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  storageSystem?: string | null;

  @Field(() => StorageMedium, { nullable: true })
  @IsOptional()
  @IsIn(STORAGE_MEDIA)
  storageMedium?: StorageMediumValue;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  storageLocation?: string;

  @Field(() => [Role], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  accessRoles?: RoleValue[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_DEPARTMENTS)
  @Length(1, 80, { each: true })
  accessDepartments?: string[];

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  retentionPeriod?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 300)
  disposalMethod?: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_LINKS)
  subcontractorIds?: string[];

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  thirdPartyProvision?: boolean;

  @Field(() => LegalBasis, { nullable: true })
  @IsOptional()
  @IsIn(LEGAL_BASES)
  provisionBasis?: LegalBasisValue | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  provisionRecipients?: string | null;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  foreignTransfer?: boolean;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2, e.g. US or SG' })
  @IsOptional()
  @MaxLength(2)
  foreignCountry?: string | null;

  @Field(() => ForeignTransferBasis, { nullable: true })
  @IsOptional()
  @IsIn(FOREIGN_TRANSFER_BASES)
  foreignTransferBasis?: ForeignTransferBasisValue | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  note?: string | null;
}

@ArgsType()
export class CreateLedgerRecordArgs extends LedgerRecordFieldsArgs {
  @Field()
  @Length(1, 200)
  override name!: string;

  @Field()
  @Length(1, 100)
  override department!: string;

  @Field(() => SubjectCategory)
  @IsIn(SUBJECT_CATEGORIES)
  override subjectCategory!: SubjectCategoryValue;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(MAX_APPROXIMATE_RECORDS)
  override approximateRecords!: number;

  @Field(() => AcquisitionMethod)
  @IsIn(ACQUISITION_METHODS)
  override acquisitionMethod!: AcquisitionMethodValue;

  @Field(() => [ID])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINKS)
  override purposeIds!: string[];

  @Field(() => StorageMedium)
  @IsIn(STORAGE_MEDIA)
  override storageMedium!: StorageMediumValue;

  @Field()
  @Length(1, 200)
  override storageLocation!: string;

  @Field()
  @Length(1, 200)
  override retentionPeriod!: string;

  @Field()
  @Length(1, 300)
  override disposalMethod!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The day of the last review; today when omitted' })
  @IsOptional()
  lastReviewedOn?: string;
}

@ArgsType()
export class UpdateLedgerRecordArgs extends LedgerRecordFieldsArgs {
  @Field(() => ID)
  id!: string;
}

@ArgsType()
export class RecordLedgerReviewArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Today (Japan time) when omitted' })
  @IsOptional()
  reviewedOn?: string;
}

@ArgsType()
export class ExportLedgerArgs {
  @Field(() => LedgerExportFormat)
  @IsIn(LEDGER_EXPORT_FORMATS)
  format!: LedgerExportFormatValue;

  @Field(() => ExportLanguage, { defaultValue: 'ja', description: 'The language of the headers and values' })
  @IsIn(EXPORT_LANGUAGES)
  language!: ExportLanguageValue;

  @Field({ defaultValue: false, description: 'true: retired records (and their assessments) too' })
  @IsBoolean()
  includeRetired!: boolean;
}
