import { IsEmail, IsOptional, Length, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IsJapanesePhone, IsKana, IsPostalCode } from '../data-subject/validators';

/**
 * The new values an AMENDMENT or ADDITION asks for, with the same bounds as a
 * data subject's fields. A field left out is not touched; null clears it
 * (an amendment only).
 */
@InputType()
export class SubjectChangesInput {
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
  @IsEmail({}, { message: 'email must be an e-mail address' })
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
