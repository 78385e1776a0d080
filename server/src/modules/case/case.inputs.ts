import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsOptional, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import {
  CASE_TYPES,
  CHANNELS,
  DISCLOSURE_METHODS,
  IDENTITY_DOCUMENTS,
  NON_DISCLOSURE_REASONS,
  REQUESTER_KINDS,
  type CaseStatus as CaseStatusValue,
  type CaseType as CaseTypeValue,
  type Channel as ChannelValue,
  type DisclosureMethod as DisclosureMethodValue,
  type IdentityDocument as IdentityDocumentValue,
  type NonDisclosureReason as NonDisclosureReasonValue,
  type RequesterKind as RequesterKindValue,
} from '@mamori/shared';
import { CaseStatus, CaseType, Channel, DisclosureMethod, IdentityDocument, NonDisclosureReason, RequesterKind } from '../common/enums';
import { MAX_REQUESTED_ITEMS, RequestedItemInput } from './requested-items';
import { ListArgs, ListFilter } from '../common/list';
import { DateScalar } from '../common/scalars';
import { SubjectChangesInput } from './subject-changes.input';

@InputType()
export class CaseFilter extends ListFilter {
  @Field({ nullable: true, description: 'Matches the reference number' })
  @MaxLength(100)
  override q?: string;

  @Field(() => CaseStatus, { nullable: true })
  status?: CaseStatusValue;

  @Field(() => CaseType, { nullable: true })
  type?: CaseTypeValue;

  @Field(() => ID, { nullable: true })
  assigneeId?: string;

  @Field({ nullable: true, description: 'Only cases assigned to the caller' })
  mine?: boolean;

  @Field({ nullable: true, description: 'Only open cases past their due day' })
  overdue?: boolean;

  @Field({ nullable: true, description: 'Only open cases still missing a document' })
  awaitingDocuments?: boolean;

  @Field({ nullable: true, description: 'Only open cases not yet assigned (the assignment queue)' })
  unassigned?: boolean;

  @Field(() => ID, { nullable: true })
  subjectId?: string;
}

@ArgsType()
export class CaseListArgs extends ListArgs {
  @Field(() => CaseFilter, { nullable: true })
  filter?: CaseFilter;
}

/** The request's own fields; each bounded. Update sends only what changes. */
@ArgsType()
export class CaseFieldsArgs {
  @Field(() => CaseType, { nullable: true })
  @IsOptional()
  @IsIn(CASE_TYPES)
  type?: CaseTypeValue;

  @Field(() => RequesterKind, { nullable: true })
  @IsOptional()
  @IsIn(REQUESTER_KINDS)
  requester?: RequesterKindValue;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 100)
  requesterName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  representativeName?: string | null;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 300)
  replyAddress?: string;

  @Field(() => Channel, { nullable: true })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: ChannelValue;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  receivedOn?: string;

  @Field(() => [RequestedItemInput], { nullable: true, description: 'The pieces of personal data requested; 1,000 yen each' })
  @IsOptional()
  @ArrayMaxSize(MAX_REQUESTED_ITEMS)
  @ValidateNested({ each: true })
  requestedItems?: RequestedItemInput[];

  @Field(() => DisclosureMethod, { nullable: true, description: 'REGISTERED_MAIL unless the individual asked for an electronic record' })
  @IsOptional()
  @IsIn(DISCLOSURE_METHODS)
  disclosureMethod?: DisclosureMethodValue;

  @Field(() => DateScalar, { nullable: true, description: 'DISCLOSURE_OF_PROVISION_RECORDS: first day of the period asked' })
  @IsOptional()
  periodFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'DISCLOSURE_OF_PROVISION_RECORDS: the day after the period asked' })
  @IsOptional()
  periodTo?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  feeYen?: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  hasRequestForm?: boolean;

  @Field(() => IdentityDocument, { nullable: true })
  @IsOptional()
  @IsIn(IDENTITY_DOCUMENTS)
  identityDocument?: IdentityDocumentValue | null;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  hasProxyLetter?: boolean;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  sealCertificateIssuedOn?: string | null;
}

/** Intake: the request as it arrived; what identifies it is required. */
@ArgsType()
export class CreateCaseArgs extends CaseFieldsArgs {
  @Field(() => CaseType)
  @IsIn(CASE_TYPES)
  override type!: CaseTypeValue;

  @Field(() => RequesterKind)
  @IsIn(REQUESTER_KINDS)
  override requester!: RequesterKindValue;

  @Field()
  @Length(1, 100)
  override requesterName!: string;

  @Field()
  @Length(1, 300)
  override replyAddress!: string;

  @Field(() => Channel)
  @IsIn(CHANNELS)
  override channel!: ChannelValue;

  @Field(() => DateScalar)
  override receivedOn!: string;

  @Field(() => ID, { nullable: true, description: 'The data subject, when already known' })
  @IsOptional()
  subjectId?: string | null;
}

/** Intake corrections and documents arriving later: only the fields sent are changed. */
@ArgsType()
export class UpdateCaseArgs extends CaseFieldsArgs {
  @Field(() => ID)
  id!: string;
}

@ArgsType()
export class TransitionCaseArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => CaseStatus)
  to!: CaseStatusValue;

  @Field(() => [NonDisclosureReason], { nullable: true, description: 'With REJECTED: the reasons the individual is told' })
  @IsOptional()
  @ArrayMaxSize(NON_DISCLOSURE_REASONS.length)
  @IsIn(NON_DISCLOSURE_REASONS, { each: true })
  reasons?: NonDisclosureReasonValue[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  note?: string | null;

  @Field(() => SubjectChangesInput, {
    nullable: true,
    description: 'With RESPONDED for an AMENDMENT or ADDITION not yet carried out: the new values',
  })
  @IsOptional()
  @ValidateNested()
  amendments?: SubjectChangesInput | null;
}

@ArgsType()
export class CarryOutCaseArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => SubjectChangesInput, { nullable: true, description: 'For an AMENDMENT or ADDITION: the new values of the subject’s fields' })
  @IsOptional()
  @ValidateNested()
  amendments?: SubjectChangesInput | null;
}
