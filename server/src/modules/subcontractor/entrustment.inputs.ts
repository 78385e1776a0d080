import { ArrayMaxSize, ArrayNotEmpty, IsIn, IsInt, IsOptional, Length, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { SUBJECT_CATEGORIES, type SubjectCategory as SubjectCategoryValue } from '@mamori/shared';
import { SubjectCategory } from '../common/enums';
import { ListArgs, ListFilter } from '../common/list';
import { DateScalar } from '../common/scalars';
import { CERTIFICATE_KINDS, CertificateKind, type CertificateKindValue } from './supervision.enums';

export const MAX_SUBJECT_COUNT = 100_000_000;

@InputType()
export class EntrustmentFilter extends ListFilter {
  @Field({ nullable: true, description: 'Matches the note, the data items and the certificate reference' })
  @MaxLength(100)
  override q?: string;

  @Field(() => ID, { nullable: true })
  subcontractorId?: string;

  @Field({ nullable: true, description: 'true: not yet closed with a certificate' })
  open?: boolean;

  @Field({ nullable: true, description: 'Still open after its end day' })
  pastEnd?: boolean;
}

@ArgsType()
export class EntrustmentListArgs extends ListArgs {
  @Field(() => EntrustmentFilter, { nullable: true })
  filter?: EntrustmentFilter;
}

@ArgsType()
export class EntrustmentFieldsArgs {
  @Field(() => [SubjectCategory], { nullable: true })
  @IsOptional()
  @ArrayNotEmpty()
  @ArrayMaxSize(SUBJECT_CATEGORIES.length)
  @IsIn(SUBJECT_CATEGORIES, { each: true })
  dataCategories?: SubjectCategoryValue[];

  @Field(() => [String], { nullable: true, description: 'The pieces of personal data (e.g. 氏名, 住所), never their values' })
  @IsOptional()
  @ArrayMaxSize(50)
  @Length(1, 100, { each: true })
  dataItems?: string[];

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_SUBJECT_COUNT)
  subjectCount?: number;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  purposeIds?: string[];

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  handedOverOn?: string;

  @Field(() => DateScalar, { nullable: true, description: 'The last day the subcontractor may hold the data' })
  @IsOptional()
  endsOn?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  note?: string | null;
}

@ArgsType()
export class CreateEntrustmentArgs extends EntrustmentFieldsArgs {
  @Field(() => ID)
  subcontractorId!: string;

  @Field(() => [SubjectCategory])
  @ArrayNotEmpty()
  @ArrayMaxSize(SUBJECT_CATEGORIES.length)
  @IsIn(SUBJECT_CATEGORIES, { each: true })
  override dataCategories!: SubjectCategoryValue[];

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(MAX_SUBJECT_COUNT)
  override subjectCount!: number;

  @Field(() => [ID])
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  override purposeIds!: string[];

  @Field(() => DateScalar)
  override handedOverOn!: string;

  @Field(() => DateScalar, { description: 'The last day the subcontractor may hold the data' })
  override endsOn!: string;
}

@ArgsType()
export class UpdateEntrustmentArgs extends EntrustmentFieldsArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true, description: 'Accepted when unchanged; a hand-over does not move to another subcontractor' })
  @IsOptional()
  subcontractorId?: string;
}

@ArgsType()
export class CloseEntrustmentArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Defaults to today' })
  @IsOptional()
  closedOn?: string;

  @Field(() => CertificateKind)
  @IsIn(CERTIFICATE_KINDS)
  certificateKind!: CertificateKindValue;

  @Field({ description: 'Reference of the certificate of return or destruction' })
  @Length(1, 200)
  certificateRef!: string;
}
