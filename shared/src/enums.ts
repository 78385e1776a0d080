/** Enumerations of the domain, shared by the server's schema and the UI. */
export const SUBJECT_CATEGORIES = [
  'CUSTOMER',
  'BUSINESS_PARTNER_CONTACT',
  'SHAREHOLDER',
  'JOB_APPLICANT',
  'EMPLOYEE',
] as const;
export type SubjectCategory = (typeof SUBJECT_CATEGORIES)[number];

export const CONSENT_METHODS = ['WEB_FORM', 'PAPER', 'INTERVIEW', 'EMAIL'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export const CASE_TYPES = [
  'DISCLOSURE',
  'AMENDMENT',
  'ADDITION',
  'DELETION',
  'CESSATION_OF_USE',
  'CESSATION_OF_PROVISION',
  'DISCLOSURE_OF_PROVISION_RECORDS',
  /** A request to be notified of the purposes of use of the individual's data (APPI art. 32(2)). */
  'PURPOSE_NOTIFICATION',
  'INQUIRY',
  'COMPLAINT',
] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const CASE_STATUSES = ['RECEIVED', 'VERIFYING', 'IN_PROGRESS', 'RESPONDED', 'REJECTED', 'CLOSED'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const REQUESTER_KINDS = ['SELF', 'REPRESENTATIVE'] as const;
export type RequesterKind = (typeof REQUESTER_KINDS)[number];

export const CHANNELS = ['REGISTERED_MAIL', 'MAIL', 'EMAIL', 'COUNTER', 'PHONE'] as const;
export type Channel = (typeof CHANNELS)[number];

export const IDENTITY_DOCUMENTS = ['RESIDENCE_CERTIFICATE', 'HEALTH_INSURANCE_CARD', 'PASSPORT'] as const;
export type IdentityDocument = (typeof IDENTITY_DOCUMENTS)[number];

export const NON_DISCLOSURE_REASONS = [
  'IDENTITY_NOT_CONFIRMED',
  'PROXY_NOT_CONFIRMED',
  'DOCUMENT_ERRORS_OR_OMISSIONS',
  'FEE_MISSING_OR_INSUFFICIENT',
  'NO_MATCHING_DATA',
  'HARM_TO_INDIVIDUAL_OR_THIRD_PARTY',
  'SIGNIFICANT_DETRIMENT_TO_OPERATIONS',
  'VIOLATION_OF_LAWS',
  'NO_AUTHORITY_AS_SUBCONTRACTOR',
] as const;
export type NonDisclosureReason = (typeof NON_DISCLOSURE_REASONS)[number];

/**
 * Case types whose refusal the law narrows to fewer reasons than the policy's
 * list. A purpose of use is withheld only where the request itself fails
 * (identity, proxy, documents, fee, no data held, data held only as a
 * subcontractor) or where notifying would harm the individual or a third party
 * (APPI art. 32(2) with art. 21(4)(i)); the disclosure grounds of operations
 * and other laws do not apply to it.
 */
const REASONS_OF_CASE_TYPE: Partial<Record<CaseType, readonly NonDisclosureReason[]>> = {
  PURPOSE_NOTIFICATION: NON_DISCLOSURE_REASONS.filter((r) => r !== 'SIGNIFICANT_DETRIMENT_TO_OPERATIONS' && r !== 'VIOLATION_OF_LAWS'),
};

/** The non-disclosure reasons a case of this type may state in its rejection. */
export const reasonsOfCaseType = (type: CaseType): readonly NonDisclosureReason[] => REASONS_OF_CASE_TYPE[type] ?? NON_DISCLOSURE_REASONS;

export const LEGAL_BASES = ['CONSENT', 'LAW', 'PROTECT_LIFE_HEALTH_PROPERTY', 'GOVERNMENT_COOPERATION'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

export const REVIEW_RESULTS = ['COMPLIANT', 'FINDINGS', 'NON_COMPLIANT'] as const;
export type ReviewResult = (typeof REVIEW_RESULTS)[number];

export const INCIDENT_KINDS = ['LEAK', 'LOSS', 'DESTRUCTION', 'ALTERATION', 'UNAUTHORIZED_ACCESS'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export const AUDIT_ACTIONS = [
  'READ',
  'CREATE',
  'UPDATE',
  'ERASE',
  'EXPORT',
  'DOWNLOAD',
  'SEARCH',
  'ACCESS_DENIED',
  'BREAK_GLASS',
  'LOGIN',
  'LOGIN_FAILED',
  'LOGOUT',
  'RETENTION_PURGE',
  'AUDIT_READ',
  'AUDIT_VERIFY',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_OUTCOMES = ['ALLOWED', 'DENIED'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const EXPORT_FORMATS = ['CSV', 'JSONL'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** How the disclosure reaches the individual: the policy's registered mail, or an electronic record where they ask for one. */
export const DISCLOSURE_METHODS = ['REGISTERED_MAIL', 'ELECTRONIC_RECORD'] as const;
export type DisclosureMethod = (typeof DISCLOSURE_METHODS)[number];

/** How days are written in Japanese letters: Western (2026年12月2日) or the Japanese era (令和8年12月2日). */
export const DATE_STYLES = ['WESTERN', 'JAPANESE_ERA'] as const;
export type DateStyle = (typeof DATE_STYLES)[number];
/** The languages Mamori writes e-mail in. */
export const MAIL_LANGUAGES = ['ja', 'en'] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

/** The comprehension result of a training completion: only a pass completes the course. */
export const TRAINING_RESULTS = ['PASSED', 'FAILED'] as const;
export type TrainingResult = (typeof TRAINING_RESULTS)[number];

/** What an internal-audit finding says of the area it examined. */
export const AUDIT_FINDING_KINDS = ['CONFORMITY', 'OBSERVATION', 'NONCONFORMITY'] as const;
export type AuditFindingKind = (typeof AUDIT_FINDING_KINDS)[number];
/** The records of the management system an internal audit examines. */
export const AUDIT_AREAS = ['LEDGER', 'RISK', 'TRAINING', 'SUPERVISION', 'CASES', 'INCIDENTS', 'OTHER'] as const;
export type AuditArea = (typeof AUDIT_AREAS)[number];
/** An internal audit is planned (and carried out), then closed once its nonconformities are. */
export const INTERNAL_AUDIT_STATUSES = ['PLANNED', 'CLOSED'] as const;
export type InternalAuditStatus = (typeof INTERNAL_AUDIT_STATUSES)[number];
/** A management review is planned, held (its inputs then kept as presented), then closed once its actions are done. */
export const MANAGEMENT_REVIEW_STATUSES = ['PLANNED', 'HELD', 'CLOSED'] as const;
export type ManagementReviewStatus = (typeof MANAGEMENT_REVIEW_STATUSES)[number];
/** A decision or action of a management review is open until its owner records the result. */
export const MANAGEMENT_REVIEW_ACTION_STATUSES = ['OPEN', 'DONE'] as const;
export type ManagementReviewActionStatus = (typeof MANAGEMENT_REVIEW_ACTION_STATUSES)[number];
