import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, Length, MaxLength } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { SUBJECT_CATEGORIES, type SubjectCategory as SubjectCategoryValue } from '@mamori/shared';
import { SubjectCategory } from '../common/enums';
import { ListArgs, ListFilter } from '../common/list';
import { DateScalar } from '../common/scalars';

@InputType()
export class ReceivedDataRecordFilter extends ListFilter {
  @Field({ nullable: true, description: 'Matches the provider' })
  @MaxLength(100)
  override q?: string;

  @Field(() => SubjectCategory, { nullable: true })
  subjectCategory?: SubjectCategoryValue;

  @Field({ nullable: true, description: 'true: only records past their three years, listed for review (never deleted)' })
  pastRetention?: boolean;
}

@ArgsType()
export class ReceivedDataRecordListArgs extends ListArgs {
  @Field(() => ReceivedDataRecordFilter, { nullable: true })
  filter?: ReceivedDataRecordFilter;
}

@ArgsType()
export class CreateReceivedDataRecordArgs {
  @Field()
  @Length(1, 200)
  providerName!: string;

  @Field()
  @Length(1, 300)
  providerAddress!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  providerRepresentative?: string | null;

  @Field()
  @Length(1, 1000)
  acquisitionMethod!: string;

  @Field(() => DateScalar)
  receivedOn!: string;

  @Field(() => [String])
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Length(1, 80, { each: true })
  items!: string[];

  @Field(() => SubjectCategory)
  @IsIn(SUBJECT_CATEGORIES)
  subjectCategory!: SubjectCategoryValue;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  note?: string | null;
}
