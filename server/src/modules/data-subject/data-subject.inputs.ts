import { IsIn, IsOptional, Length, MaxLength, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { SUBJECT_CATEGORIES, type SubjectCategory as SubjectCategoryValue } from '@mamori/shared';
import { SubjectCategory } from '../common/enums';
import { ListArgs, ListFilter } from '../common/list';
import { IsEmailTyped, IsJapanesePhone, IsKana, IsPostalCode } from './validators';

@InputType()
export class DataSubjectFilter extends ListFilter {
  @Field({
    nullable: true,
    description: 'Matches name, reading and e-mail: hiragana = katakana, full- = half-width, spaces ignored, ー read as its vowel, small kana as full-size',
  })
  @MaxLength(100)
  override q?: string;

  @Field(() => SubjectCategory, { nullable: true })
  category?: SubjectCategoryValue;

  @Field({ nullable: true })
  restricted?: boolean;
}

@ArgsType()
export class DataSubjectListArgs extends ListArgs {
  @Field(() => DataSubjectFilter, { nullable: true })
  filter?: DataSubjectFilter;
}

/**
 * The personal fields, each bounded and validated: as flat arguments of
 * create/update, and as the input of the changes an AMENDMENT or ADDITION asks
 * for (a field left out is not touched; null clears it, an amendment only).
 */
@ArgsType()
@InputType('SubjectChangesInput')
export class DataSubjectFieldsArgs {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 100)
  fullName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  @IsKana()
  fullNameKana?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsPostalCode()
  postalCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  postalAddress?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsJapanesePhone()
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(254)
  @IsEmailTyped()
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  company?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  division?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  title?: string | null;
}

@ArgsType()
export class CreateDataSubjectArgs extends DataSubjectFieldsArgs {
  @Field(() => SubjectCategory)
  @IsIn(SUBJECT_CATEGORIES)
  category!: SubjectCategoryValue;

  @Field()
  @Length(1, 100)
  override fullName!: string;
}

@ArgsType()
export class UpdateDataSubjectArgs extends DataSubjectFieldsArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => SubjectCategory, { nullable: true })
  @IsOptional()
  @IsIn(SUBJECT_CATEGORIES)
  category?: SubjectCategoryValue;

  @Field(() => ID, { nullable: true, description: 'The case this change is made under (defaults to the caller’s open case)' })
  @IsOptional()
  caseId?: string;
}

@ArgsType()
export class BreakGlassArgs {
  @Field(() => ID)
  subjectId!: string;

  @Field({ description: 'Why the data must be read now (at least a sentence)' })
  @MinLength(20, { message: 'reason must be at least a sentence (20 characters)' })
  @MaxLength(1000)
  reason!: string;
}

@ArgsType()
export class MatchArgs {
  @Field(() => ID)
  caseId!: string;

  @Field()
  @Length(1, 100)
  query!: string;
}
