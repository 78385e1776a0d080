import { ArrayMaxSize, IsBoolean, IsIn, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { SUBJECT_CATEGORIES, type SubjectCategory as SubjectCategoryValue } from '@mamori/shared';
import { SubjectCategory } from '../common/enums';
import { ListArgs, ListFilter } from '../common/list';

@InputType()
export class PurposeOfUseFilter extends ListFilter {
  @Field({ nullable: true })
  active?: boolean;
}

@ArgsType()
export class PurposeOfUseListArgs extends ListArgs {
  @Field(() => PurposeOfUseFilter, { nullable: true })
  filter?: PurposeOfUseFilter;
}

@ArgsType()
export class PurposeOfUseFieldsArgs {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  titleJa?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  description?: string | null;

  @Field(() => [SubjectCategory], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(SUBJECT_CATEGORIES.length)
  @IsIn(SUBJECT_CATEGORIES, { each: true })
  categories?: SubjectCategoryValue[];

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@ArgsType()
export class CreatePurposeOfUseArgs extends PurposeOfUseFieldsArgs {
  @Field()
  @Matches(/^[A-Z][A-Z0-9_]{1,49}$/, { message: 'code must be UPPER_SNAKE_CASE, at most 50 characters' })
  code!: string;

  @Field()
  @Length(1, 200)
  override title!: string;

  @Field()
  @Length(1, 200)
  override titleJa!: string;
}

@ArgsType()
export class UpdatePurposeOfUseArgs extends PurposeOfUseFieldsArgs {
  @Field(() => ID)
  id!: string;
}
