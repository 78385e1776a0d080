import type { Role } from '@mamori/shared';

/**
 * Who may open which screen and press which button: the UI's side of the
 * server's rule map (server/src/permissions/index.ts). The server decides in
 * the end; this only keeps each role from being offered what it would be
 * refused — and from causing ACCESS_DENIED entries by trying.
 *
 * Keys are react-admin resource names (the GraphQL type names) or the names of
 * our own pages; actions are react-admin's (list, show, create, edit) or our own.
 */
type Grants = Record<string, readonly string[]>;

const READ = ['list', 'show'] as const;

export const ACCESS: Record<Role, Grants> = {
  PRIVACY_MANAGER: {
    Case: [...READ, 'readPersonal', 'create', 'edit', 'assign', 'transition', 'match'],
    'assignment-queue': ['list'],
    DataSubject: [...READ, 'create', 'edit', 'erase', 'accessHistory'],
    Consent: [...READ, 'create', 'withdraw'],
    PurposeOfUse: [...READ, 'create', 'edit'],
    User: [...READ, 'create', 'edit', 'unlock', 'resetPassword', 'resetTwoFactor', 'deactivate'],
    AuditEntry: [...READ, 'verify', 'export', 'seeActors'],
    'break-glass': ['list', 'review'],
    ThirdPartyProvision: [...READ, 'create'],
    Subcontractor: [...READ, 'create', 'edit'],
    ConfidentialityAgreement: [...READ, 'create', 'edit'],
    SupervisionReview: [...READ, 'create', 'edit'],
    Entrustment: [...READ, 'create', 'edit', 'close'],
    Incident: [...READ, 'create', 'edit'],
    IncidentMeasure: [...READ, 'create', 'edit'],
    LedgerRecord: [...READ, 'create', 'edit', 'review', 'retire', 'export'],
    RiskAssessment: [...READ, 'create', 'edit', 'retire'],
    retention: ['run'],
    organisation: ['list', 'edit'],
    TrainingCourse: [...READ, 'create', 'edit', 'retire'],
    TrainingCompletion: ['list', 'create'],
    'training-status': ['list'],
    ReceivedDataRecord: [...READ, 'create'],
    InternalAudit: [...READ, 'create', 'edit', 'close'],
    AuditFinding: [...READ, 'create', 'edit'],
    CorrectiveAction: [...READ, 'create', 'edit'],
    ManagementReview: [...READ, 'create', 'edit', 'hold', 'close'],
    ManagementReviewAction: [...READ, 'create', 'edit', 'recordResult'],
  },
  STAFF: {
    Case: [...READ, 'readPersonal', 'create', 'edit', 'transition', 'match'],
    DataSubject: [...READ, 'edit', 'breakGlass'],
    Consent: [...READ, 'create', 'withdraw'],
    PurposeOfUse: READ,
    AuditEntry: READ,
    ThirdPartyProvision: [...READ, 'create'],
    Subcontractor: READ,
    ConfidentialityAgreement: READ,
    SupervisionReview: READ,
    Entrustment: READ,
    Incident: [...READ, 'create'],
    IncidentMeasure: READ,
    TrainingCourse: READ,
    TrainingCompletion: ['list'],
    ReceivedDataRecord: [...READ, 'create'],
    // the corrective actions they own (the server lists only those)
    CorrectiveAction: [...READ, 'edit'],
    // the management review's actions they own (the server lists only those)
    ManagementReviewAction: [...READ, 'recordResult'],
  },
  SUPERVISOR: {
    PurposeOfUse: READ,
    Subcontractor: [...READ, 'create', 'edit'],
    ConfidentialityAgreement: [...READ, 'create', 'edit'],
    SupervisionReview: [...READ, 'create', 'edit'],
    Entrustment: [...READ, 'create', 'edit', 'close'],
    Incident: READ,
    IncidentMeasure: READ,
    TrainingCourse: READ,
    TrainingCompletion: ['list'],
    CorrectiveAction: [...READ, 'edit'],
    ManagementReviewAction: [...READ, 'recordResult'],
  },
  // the internal auditor reads the records it audits and changes none; a case without its personal data
  AUDITOR: {
    Case: READ,
    AuditEntry: [...READ, 'verify', 'seeActors'],
    User: READ,
    PurposeOfUse: READ,
    Subcontractor: READ,
    ConfidentialityAgreement: READ,
    SupervisionReview: READ,
    Entrustment: READ,
    Incident: READ,
    IncidentMeasure: READ,
    TrainingCourse: READ,
    TrainingCompletion: ['list'],
    'training-status': ['list'],
    LedgerRecord: READ,
    RiskAssessment: READ,
    // the audit it carries out, its findings, and the verification of corrective actions (never their recording)
    InternalAudit: [...READ, 'create', 'edit', 'close'],
    AuditFinding: [...READ, 'create', 'edit'],
    CorrectiveAction: [...READ, 'verify'],
    // the management review and its inputs, read only
    ManagementReview: READ,
    ManagementReviewAction: READ,
  },
};

/**
 * Pages every role has: each user's own training (the attempts behind it are narrowed to one's own by the server),
 * and the yearly calendar of what is due (the server gives each role the items of the records it may read).
 */
const EVERY_ROLE: Grants = { 'my-training': ['list'], calendar: ['list'] };

export function canAccess(role: Role | null | undefined, resource: string, action: string): boolean {
  if (!role) return false;
  return (EVERY_ROLE[resource]?.includes(action) || ACCESS[role]?.[resource]?.includes(action)) ?? false;
}
