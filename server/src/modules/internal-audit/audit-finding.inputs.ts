import { IsIn, IsOptional, Length } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { AUDIT_AREAS, AUDIT_FINDING_KINDS, type AuditArea as AuditAreaValue, type AuditFindingKind as AuditFindingKindValue } from '@mamori/shared';
import { AuditArea, AuditFindingKind } from '../common/enums';
import { ListArgs, ListFilter } from '../common/list';
import { DateScalar } from '../common/scalars';
import { TEXT_MAX } from './internal-audit.rules';

const NO_PERSONAL_DATA = 'No personal data: refer to records by reference number or id, never by a person’s name or details';

@InputType()
export class AuditFindingFilter extends ListFilter {
  @Field(() => ID, { nullable: true })
  auditId?: string;

  @Field(() => AuditFindingKind, { nullable: true })
  @IsOptional()
  @IsIn(AUDIT_FINDING_KINDS)
  kind?: AuditFindingKindValue;

  @Field(() => AuditArea, { nullable: true })
  @IsOptional()
  @IsIn(AUDIT_AREAS)
  area?: AuditAreaValue;
}

@ArgsType()
export class AuditFindingListArgs extends ListArgs {
  @Field(() => AuditFindingFilter, { nullable: true })
  filter?: AuditFindingFilter;
}

@ArgsType()
export class CreateAuditFindingArgs {
  @Field(() => ID)
  auditId!: string;

  @Field(() => AuditFindingKind)
  @IsIn(AUDIT_FINDING_KINDS)
  kind!: AuditFindingKindValue;

  @Field(() => AuditArea)
  @IsIn(AUDIT_AREAS)
  area!: AuditAreaValue;

  @Field({ description: NO_PERSONAL_DATA })
  @Length(1, TEXT_MAX)
  description!: string;

  @Field(() => DateScalar)
  foundOn!: string;
}

@ArgsType()
export class UpdateAuditFindingArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => AuditFindingKind, { nullable: true })
  @IsOptional()
  @IsIn(AUDIT_FINDING_KINDS)
  kind?: AuditFindingKindValue;

  @Field(() => AuditArea, { nullable: true })
  @IsOptional()
  @IsIn(AUDIT_AREAS)
  area?: AuditAreaValue;

  @Field({ nullable: true, description: NO_PERSONAL_DATA })
  @IsOptional()
  @Length(1, TEXT_MAX)
  description?: string;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  foundOn?: string;
}
