import { IsIn, IsOptional, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { AUDIT_ACTIONS, type AuditAction as AuditActionValue } from '@mamori/shared';
import { AuditAction } from '../common/enums';
import { ListArgs, ListFilter } from '../common/list';
import { DateTimeScalar } from '../common/scalars';

@InputType()
export class AuditEntryFilter extends ListFilter {
  @Field(() => ID, { nullable: true })
  actorId?: string;

  @Field(() => ID, { nullable: true })
  subjectId?: string;

  @Field(() => AuditAction, { nullable: true })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: AuditActionValue;

  @Field({ nullable: true })
  @MaxLength(40)
  entityType?: string;

  @Field(() => ID, { nullable: true })
  caseId?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Included' })
  from?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Excluded' })
  to?: string;
}

@ArgsType()
export class AuditEntryListArgs extends ListArgs {
  @Field(() => AuditEntryFilter, { nullable: true })
  filter?: AuditEntryFilter;
}

@ArgsType()
export class ReviewBreakGlassArgs {
  @Field(() => ID)
  entryId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  note?: string | null;
}
