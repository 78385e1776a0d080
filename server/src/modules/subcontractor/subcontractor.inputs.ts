import { ArrayMaxSize, IsBoolean, IsIn, IsOptional, Length, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { SUBJECT_CATEGORIES, type SubjectCategory as SubjectCategoryValue } from '@mamori/shared';
import { SubjectCategory } from '../common/enums';
import { ListArgs, ListFilter } from '../common/list';
import { DateScalar } from '../common/scalars';

@InputType()
export class SubcontractorFilter extends ListFilter {
  @Field({ nullable: true, description: 'Matches name and contact' })
  @MaxLength(100)
  override q?: string;

  @Field({ nullable: true })
  active?: boolean;

  @Field({ nullable: true })
  meetsStandards?: boolean;

  @Field({ nullable: true, description: 'Computed today: agreement in force, standards met, not flagged, active' })
  allowedToReceiveData?: boolean;

  @Field({ nullable: true })
  flaggedNonCompliant?: boolean;

  @Field({ nullable: true })
  reviewOverdue?: boolean;
}

@ArgsType()
export class SubcontractorListArgs extends ListArgs {
  @Field(() => SubcontractorFilter, { nullable: true })
  filter?: SubcontractorFilter;
}

@ArgsType()
export class SubcontractorFieldsArgs {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 300)
  contact?: string;

  @Field(() => [SubjectCategory], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(SUBJECT_CATEGORIES.length)
  @IsIn(SUBJECT_CATEGORIES, { each: true })
  entrustedCategories?: SubjectCategoryValue[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  entrustedPurposes?: string[];

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  meetsStandards?: boolean;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  lastAssessedOn?: string | null;
}

@ArgsType()
export class CreateSubcontractorArgs extends SubcontractorFieldsArgs {
  @Field()
  @Length(1, 200)
  override name!: string;

  @Field()
  @Length(1, 300)
  override contact!: string;
}

@ArgsType()
export class UpdateSubcontractorArgs extends SubcontractorFieldsArgs {
  @Field(() => ID)
  id!: string;

  @Field({ nullable: true, description: 'false deactivates (subcontractors are never deleted)' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
