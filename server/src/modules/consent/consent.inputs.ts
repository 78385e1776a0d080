import { IsIn } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { CONSENT_METHODS, type ConsentMethod as ConsentMethodValue } from '@mamori/shared';
import { ConsentMethod } from '../common/enums';
import { ListArgs, ListFilter } from '../common/list';
import { DateScalar } from '../common/scalars';

@InputType()
export class ConsentFilter extends ListFilter {
  @Field(() => ID, { nullable: true })
  subjectId?: string;

  @Field(() => ID, { nullable: true })
  purposeId?: string;

  @Field({ nullable: true, description: 'true: only withdrawn; false: only in force' })
  withdrawn?: boolean;
}

@ArgsType()
export class ConsentListArgs extends ListArgs {
  @Field(() => ConsentFilter, { nullable: true })
  filter?: ConsentFilter;
}

@ArgsType()
export class CreateConsentArgs {
  @Field(() => ID)
  subjectId!: string;

  @Field(() => ID)
  purposeId!: string;

  @Field(() => DateScalar)
  consentedOn!: string;

  @Field(() => ConsentMethod)
  @IsIn(CONSENT_METHODS)
  method!: ConsentMethodValue;
}
