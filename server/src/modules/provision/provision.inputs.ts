import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, Length, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { LEGAL_BASES, type LegalBasis as LegalBasisValue } from '@mamori/shared';
import { LegalBasis } from '../common/enums';
import { ListArgs, ListFilter } from '../common/list';
import { DateScalar } from '../common/scalars';

@InputType()
export class ThirdPartyProvisionFilter extends ListFilter {
  @Field({ nullable: true, description: 'Matches the recipient' })
  @MaxLength(100)
  override q?: string;

  @Field(() => ID, { nullable: true })
  subjectId?: string;

  @Field(() => LegalBasis, { nullable: true })
  legalBasis?: LegalBasisValue;

  @Field({ nullable: true, description: 'true: only records past their three years, listed for review (never deleted)' })
  pastRetention?: boolean;
}

@ArgsType()
export class ThirdPartyProvisionListArgs extends ListArgs {
  @Field(() => ThirdPartyProvisionFilter, { nullable: true })
  filter?: ThirdPartyProvisionFilter;
}

@ArgsType()
export class CreateThirdPartyProvisionArgs {
  @Field(() => ID)
  subjectId!: string;

  @Field()
  @Length(1, 200)
  recipient!: string;

  @Field(() => [String])
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Length(1, 80, { each: true })
  items!: string[];

  @Field(() => DateScalar)
  providedOn!: string;

  @Field(() => LegalBasis)
  @IsIn(LEGAL_BASES)
  legalBasis!: LegalBasisValue;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  consentId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  note?: string | null;
}
