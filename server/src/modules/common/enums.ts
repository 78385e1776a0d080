import { registerEnumType } from 'type-graphql';
import * as shared from '@mamori/shared';

/** Turns one of the shared string lists into an enum object type-graphql can register. */
export function graphqlEnum<const T extends readonly string[]>(values: T, name: string): { [K in T[number]]: K } {
  const asObject = Object.fromEntries(values.map((v) => [v, v])) as { [K in T[number]]: K };
  registerEnumType(asObject, { name });
  return asObject;
}

export const Role = graphqlEnum(shared.ROLES, 'Role');
export const SubjectCategory = graphqlEnum(shared.SUBJECT_CATEGORIES, 'SubjectCategory');
export const ConsentMethod = graphqlEnum(shared.CONSENT_METHODS, 'ConsentMethod');
export const CaseType = graphqlEnum(shared.CASE_TYPES, 'CaseType');
export const CaseStatus = graphqlEnum(shared.CASE_STATUSES, 'CaseStatus');
export const RequesterKind = graphqlEnum(shared.REQUESTER_KINDS, 'RequesterKind');
export const Channel = graphqlEnum(shared.CHANNELS, 'Channel');
export const IdentityDocument = graphqlEnum(shared.IDENTITY_DOCUMENTS, 'IdentityDocument');
export const NonDisclosureReason = graphqlEnum(shared.NON_DISCLOSURE_REASONS, 'NonDisclosureReason');
export const LegalBasis = graphqlEnum(shared.LEGAL_BASES, 'LegalBasis');
export const ReviewResult = graphqlEnum(shared.REVIEW_RESULTS, 'ReviewResult');
export const IncidentKind = graphqlEnum(shared.INCIDENT_KINDS, 'IncidentKind');
export const AuditAction = graphqlEnum(shared.AUDIT_ACTIONS, 'AuditAction');
export const AuditOutcome = graphqlEnum(shared.AUDIT_OUTCOMES, 'AuditOutcome');
export const ExportFormat = graphqlEnum(shared.EXPORT_FORMATS, 'ExportFormat');
export const DataItem = graphqlEnum(shared.DATA_ITEMS, 'DataItem');
export const DisclosureMethod = graphqlEnum(shared.DISCLOSURE_METHODS, 'DisclosureMethod');
export const DateStyle = graphqlEnum(shared.DATE_STYLES, 'DateStyle');
export const MailLanguage = graphqlEnum(shared.MAIL_LANGUAGES, 'MailLanguage');
export const TrainingResult = graphqlEnum(shared.TRAINING_RESULTS, 'TrainingResult');
export const AuditFindingKind = graphqlEnum(shared.AUDIT_FINDING_KINDS, 'AuditFindingKind');
export const AuditArea = graphqlEnum(shared.AUDIT_AREAS, 'AuditArea');
export const InternalAuditStatus = graphqlEnum(shared.INTERNAL_AUDIT_STATUSES, 'InternalAuditStatus');
export const ManagementReviewStatus = graphqlEnum(shared.MANAGEMENT_REVIEW_STATUSES, 'ManagementReviewStatus');
export const ManagementReviewActionStatus = graphqlEnum(shared.MANAGEMENT_REVIEW_ACTION_STATUSES, 'ManagementReviewActionStatus');
const SORT_ORDERS = ['ASC', 'DESC'] as const;
export const SortOrder = graphqlEnum(SORT_ORDERS, 'SortOrder');
export const CalendarItemKind = graphqlEnum(shared.CALENDAR_ITEM_KINDS, 'CalendarItemKind');
export const CalendarItemStatus = graphqlEnum(shared.CALENDAR_ITEM_STATUSES, 'CalendarItemStatus');
