import { IsEmail, IsIn, IsOptional, Length, Matches, ValidateIf } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { DATE_STYLES, type DateStyle as DateStyleValue } from '@mamori/shared';
import { DateStyle } from '../common/enums';

/** The profile's fields; only those sent change, an empty string clears one. */
@ArgsType()
export class UpdateOrganisationProfileArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 200)
  nameJa?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 200)
  nameEn?: string | null;

  @Field(() => String, { nullable: true, description: 'NNN-NNNN' })
  @IsOptional()
  @Matches(/^(\d{3}-\d{4})?$/, { message: 'postalCode must look like 100-0001' })
  postalCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 300)
  postalAddress?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 200)
  responsibleDepartment?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 200)
  responsibleTitle?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 200)
  responsibleDepartmentEn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 200)
  responsibleTitleEn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @ValidateIf((args: UpdateOrganisationProfileArgs) => Boolean(args.contactEmail))
  @IsEmail({}, { message: 'contactEmail must be an e-mail address' })
  @Length(0, 254)
  contactEmail?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 300)
  requestAddress?: string | null;

  @Field(() => DateStyle, { nullable: true })
  @IsOptional()
  @IsIn(DATE_STYLES)
  dateStyle?: DateStyleValue;
}
