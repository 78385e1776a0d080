import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { jsonStrings } from '../../db/json-columns';
import type {
  CaseStatus as CaseStatusValue,
  CaseType as CaseTypeValue,
  Channel as ChannelValue,
  DisclosureMethod as DisclosureMethodValue,
  IdentityDocument as IdentityDocumentValue,
  NonDisclosureReason as NonDisclosureReasonValue,
  RequesterKind as RequesterKindValue,
  RequestedItemValue,
} from '@mamori/shared';
import { CaseStatus, CaseType, Channel, DisclosureMethod, IdentityDocument, NonDisclosureReason, RequesterKind } from '../common/enums';
import { jsonItems } from './requested-items';
import { DateScalar, DateTimeScalar } from '../common/scalars';


/**
 * A request for disclosure, etc., or an inquiry: the policy's "requests" as a
 * case with documents, fee, deadline and a status workflow. Computed fields
 * (feeOwedYen, dueOn, daysLeft, ...) are resolved in case.resolver.ts.
 */
@Entity('request_case')
@ObjectType('Case')
export class Case {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id!: number;

  @Column('varchar', { length: 20 })
  @Field({ description: 'Reference number, e.g. REQ-2026-0001' })
  reference!: string;

  @Column('varchar', { length: 40 })
  @Field(() => CaseType)
  type!: CaseTypeValue;

  @Column('varchar', { length: 20 })
  @Field(() => RequesterKind)
  requester!: RequesterKindValue;

  @Column('varchar', { name: 'requester_name', length: 100 })
  @Field()
  requesterName!: string;

  @Column('varchar', { name: 'representative_name', length: 100, nullable: true })
  @Field(() => String, { nullable: true })
  representativeName!: string | null;

  @Column('varchar', { name: 'reply_address', length: 300 })
  @Field()
  replyAddress!: string;

  @Column('varchar', { length: 20 })
  @Field(() => Channel)
  channel!: ChannelValue;

  @Column('varchar', { name: 'received_on', length: 10 })
  @Field(() => DateScalar)
  receivedOn!: string;

  @Column('integer', { name: 'subject_id', nullable: true })
  @Field(() => ID, { nullable: true })
  subjectId!: number | null;

  /** The assigned staff member found that no personal data of the requester is held. */
  @Column('boolean', { name: 'no_matching_data' })
  @Field()
  noMatchingData!: boolean;

  @Column('integer', { name: 'assignee_id', nullable: true })
  @Field(() => ID, { nullable: true })
  assigneeId!: number | null;

  @Column('integer', { name: 'recorded_by_id', nullable: true })
  @Field(() => ID, { nullable: true })
  recordedById!: number | null;

  /** The pieces of personal data requested (the policy's items); resolved with held / not held in case.resolver.ts. */
  @Column('varchar', { name: 'data_items', length: 2000, transformer: jsonItems })
  requestedItems!: RequestedItemValue[];

  @Column('varchar', { name: 'disclosure_method', length: 30 })
  @Field(() => DisclosureMethod, { description: 'How the reply reaches the individual: registered mail (the policy) or an electronic record they asked for' })
  disclosureMethod!: DisclosureMethodValue;

  @Column('varchar', { name: 'period_from', length: 10, nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'DISCLOSURE_OF_PROVISION_RECORDS: the first day of the period asked' })
  periodFrom!: string | null;

  @Column('varchar', { name: 'period_to', length: 10, nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'DISCLOSURE_OF_PROVISION_RECORDS: the day after the period asked (excluded)' })
  periodTo!: string | null;

  @Column('integer', { name: 'fee_yen' })
  @Field(() => Int, { description: 'Fee received, in yen (postage stamps); never refunded' })
  feeYen!: number;

  @Column('boolean', { name: 'has_request_form' })
  @Field()
  hasRequestForm!: boolean;

  @Column('varchar', { name: 'identity_document', length: 30, nullable: true })
  @Field(() => IdentityDocument, { nullable: true })
  identityDocument!: IdentityDocumentValue | null;

  @Column('boolean', { name: 'has_proxy_letter' })
  @Field()
  hasProxyLetter!: boolean;

  @Column('varchar', { name: 'seal_certificate_issued_on', length: 10, nullable: true })
  @Field(() => DateScalar, { nullable: true })
  sealCertificateIssuedOn!: string | null;

  @Column('varchar', { length: 20 })
  @Field(() => CaseStatus)
  status!: CaseStatusValue;

  @Column('varchar', { name: 'non_disclosure_reasons', length: 500, transformer: jsonStrings })
  @Field(() => [NonDisclosureReason])
  nonDisclosureReasons!: NonDisclosureReasonValue[];

  @Column('varchar', { name: 'replied_on', length: 10, nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'The day the reply letter was mailed' })
  repliedOn!: string | null;

  @Column('varchar', { name: 'completed_on', length: 10, nullable: true })
  @Field(() => DateScalar, { nullable: true })
  completedOn!: string | null;

  @Column('varchar', { name: 'documents_destroyed_at', length: 24, nullable: true })
  @Field(() => DateTimeScalar, { nullable: true })
  documentsDestroyedAt!: string | null;

  /** When the request was carried out (disclosure compiled, change applied, ...). */
  @Column('varchar', { name: 'carried_out_at', length: 24, nullable: true })
  @Field(() => DateTimeScalar, { nullable: true })
  carriedOutAt!: string | null;

  @Column('integer', { name: 'carried_out_by_id', nullable: true })
  @Field(() => ID, { nullable: true })
  carriedOutById!: number | null;

  /** Names (never values) of the subject's fields the request changed. */
  @Column('varchar', { name: 'outcome_fields', length: 300, nullable: true, transformer: jsonStrings })
  @Field(() => [String], { description: 'Names of the data subject’s fields the request changed' })
  outcomeFields!: string[];

  @Column('varchar', { name: 'created_at', length: 24 })
  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Column('varchar', { name: 'updated_at', length: 24 })
  @Field(() => DateTimeScalar)
  updatedAt!: string;
}
