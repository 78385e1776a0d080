import { IsOptional, Length, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ListArgs, ListFilter } from '../common/list';
import { DateScalar } from '../common/scalars';

@InputType()
export class ConfidentialityAgreementFilter extends ListFilter {
  @Field({ nullable: true, description: 'Matches the document reference' })
  @MaxLength(100)
  override q?: string;

  @Field(() => ID, { nullable: true })
  subcontractorId?: string;

  @Field({ nullable: true, description: 'In force today' })
  inForce?: boolean;

  @Field({ nullable: true, description: 'In force and expiring within 30 days' })
  expiringSoon?: boolean;

  @Field({ nullable: true, description: 'Expiring within 30 days and not yet followed by a renewal' })
  needsRenewal?: boolean;
}

@ArgsType()
export class ConfidentialityAgreementListArgs extends ListArgs {
  @Field(() => ConfidentialityAgreementFilter, { nullable: true })
  filter?: ConfidentialityAgreementFilter;
}

@ArgsType()
export class ConfidentialityAgreementFieldsArgs {
  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  signedOn?: string;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  effectiveFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: 'The last day in force' })
  @IsOptional()
  expiresOn?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  documentRef?: string;
}

@ArgsType()
export class CreateConfidentialityAgreementArgs extends ConfidentialityAgreementFieldsArgs {
  @Field(() => ID)
  subcontractorId!: string;

  @Field(() => DateScalar)
  override signedOn!: string;

  @Field(() => DateScalar)
  override effectiveFrom!: string;

  @Field(() => DateScalar, { description: 'The last day in force' })
  override expiresOn!: string;

  @Field()
  @Length(1, 200)
  override documentRef!: string;
}

@ArgsType()
export class UpdateConfidentialityAgreementArgs extends ConfidentialityAgreementFieldsArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true, description: 'Accepted when unchanged; an agreement does not move to another subcontractor' })
  @IsOptional()
  subcontractorId?: string;
}
