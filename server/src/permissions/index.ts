import { allow, deny, shield, type IRule, type IRules } from 'graphql-shield';
import { PERSONAL_DATA_FIELDS, type PersonalDataType } from '@mamori/shared';
import { forbidden, isAppError } from '../errors';
import {
  canReadCaseData,
  canReadSubjectData,
  isAnyRole,
  isAuditor,
  isAuthenticated,
  isManager,
  isManagerOrAuditor,
  isManagerOrStaff,
  isManagerOrSupervisor,
  isManagerStaffOrAuditor,
  isManagerStaffOrSupervisor,
  isStaff,
} from './rules';

type ShieldRule = IRule;

/** Every personal field of a type gets the same guard; the list comes from `shared`. */
function guardPersonal(type: PersonalDataType, guard: ShieldRule): Record<string, ShieldRule> {
  return Object.fromEntries(PERSONAL_DATA_FIELDS[type].map((field) => [field, guard]));
}

/**
 * The one place that says who may do what. Anything not named here is denied
 * (fallbackRule: deny). Object types are listed with `'*': allow` for their
 * non-personal fields, so a new type or field shows up here as a deliberate
 * entry. docs/permissions.md is generated from this map and checked by a test.
 */
export const permissionRules = {
  Query: {
    me: isAuthenticated,
    // the internal auditor reviews who holds which role (and picks auditors and action owners); users are employees, not data subjects
    User: isManagerOrAuditor,
    allUsers: isManagerOrAuditor,
    _allUsersMeta: isManagerOrAuditor,
    // audit trail: staff see their own entries only (enforced in the service); the manager and the internal auditor all of it
    AuditEntry: isManagerStaffOrAuditor,
    allAuditEntries: isManagerStaffOrAuditor,
    _allAuditEntriesMeta: isManagerStaffOrAuditor,
    exportAuditEntries: isManager,
    verifyAuditChain: isManagerOrAuditor,
    auditHead: isManagerOrAuditor,
    verifyAuditChainExtends: isManagerOrAuditor,
    auditCheckpoint: isManagerOrAuditor,
    auditInclusionProof: isManagerOrAuditor,
    auditConsistencyProof: isManagerOrAuditor,
    verifyAuditCheckpoint: isManagerOrAuditor,
    auditWitnesses: isManagerOrAuditor,
    breakGlassReviewQueue: isManager,
    // personal data: need-to-know is decided per subject (services and field rules)
    DataSubject: isManagerOrStaff,
    allDataSubjects: isManagerOrStaff,
    _allDataSubjectsMeta: isManagerOrStaff,
    matchDataSubjects: isManagerOrStaff,
    Consent: isManagerOrStaff,
    allConsents: isManagerOrStaff,
    _allConsentsMeta: isManagerOrStaff,
    PurposeOfUse: isAnyRole,
    allPurposeOfUses: isAnyRole,
    _allPurposeOfUsesMeta: isAnyRole,
    // the subject and case forms fill the address from it; an area, not personal data
    postalArea: isManagerOrStaff,
    // cases: staff see those assigned to them or recorded by them (enforced in the service);
    // the internal auditor sees every case's workflow and deadlines, never its personal fields, documents or notes
    Case: isManagerStaffOrAuditor,
    allCases: isManagerStaffOrAuditor,
    _allCasesMeta: isManagerStaffOrAuditor,
    caseReplyLetter: isManagerOrStaff,
    // provision records: staff see those of subjects they may read (enforced in the service)
    ThirdPartyProvision: isManagerOrStaff,
    allThirdPartyProvisions: isManagerOrStaff,
    _allThirdPartyProvisionsMeta: isManagerOrStaff,
    // subcontractor supervision holds no personal data: supervisors and the manager manage it, staff and the auditor read it
    Subcontractor: isAnyRole,
    allSubcontractors: isAnyRole,
    _allSubcontractorsMeta: isAnyRole,
    ConfidentialityAgreement: isAnyRole,
    allConfidentialityAgreements: isAnyRole,
    _allConfidentialityAgreementsMeta: isAnyRole,
    SupervisionReview: isAnyRole,
    allSupervisionReviews: isAnyRole,
    _allSupervisionReviewsMeta: isAnyRole,
    Entrustment: isAnyRole,
    allEntrustments: isAnyRole,
    _allEntrustmentsMeta: isAnyRole,
    // incident register: every role reads it (no personal data in it); the manager keeps it
    Incident: isAnyRole,
    allIncidents: isAnyRole,
    _allIncidentsMeta: isAnyRole,
    IncidentMeasure: isAnyRole,
    allIncidentMeasures: isAnyRole,
    _allIncidentMeasuresMeta: isAnyRole,
    // each role's reminders; sections outside a role's work are null
    dashboard: isAnyRole,
    // the company's published contact point: shown on the sign-in page, so readable without signing in
    organisationProfile: allow,
    // each user's own e-mail reminders
    myReminderSettings: isAnyRole,
    // training records: every role reads the courses and its own attempts (narrowed in the service); the manager and the auditor see everyone's
    TrainingCourse: isAnyRole,
    allTrainingCourses: isAnyRole,
    _allTrainingCoursesMeta: isAnyRole,
    allTrainingCompletions: isAnyRole,
    _allTrainingCompletionsMeta: isAnyRole,
    trainingStatus: isManagerOrAuditor,
    myTrainingStatus: isAnyRole,
    // records of data received from third parties (APPI art. 30): kept by the manager and staff
    ReceivedDataRecord: isManagerOrStaff,
    allReceivedDataRecords: isManagerOrStaff,
    _allReceivedDataRecordsMeta: isManagerOrStaff,
    // the ledger and its risk assessment map where personal information is kept and where it is weak:
    // the privacy manager keeps them, the internal auditor reads them (it holds no personal data). Staff and
    // supervisors have no need to know it to work their cases or supervise subcontractors. Exports are the
    // manager's, as with the audit trail.
    LedgerRecord: isManagerOrAuditor,
    allLedgerRecords: isManagerOrAuditor,
    _allLedgerRecordsMeta: isManagerOrAuditor,
    RiskAssessment: isManagerOrAuditor,
    allRiskAssessments: isManagerOrAuditor,
    _allRiskAssessmentsMeta: isManagerOrAuditor,
    exportLedger: isManager,
    // internal audit: the plan and its findings are the auditor's and the manager's; an owner reads their own corrective actions (service)
    InternalAudit: isManagerOrAuditor,
    allInternalAudits: isManagerOrAuditor,
    _allInternalAuditsMeta: isManagerOrAuditor,
    AuditFinding: isManagerOrAuditor,
    allAuditFindings: isManagerOrAuditor,
    _allAuditFindingsMeta: isManagerOrAuditor,
    CorrectiveAction: isAnyRole,
    allCorrectiveActions: isAnyRole,
    _allCorrectiveActionsMeta: isAnyRole,
  },
  Mutation: {
    login: allow,
    enrollTwoFactor: isAuthenticated,
    confirmTwoFactor: isAuthenticated,
    resetUserTwoFactor: isManager,
    changePassword: isAnyRole,
    updateMyReminderSettings: isAnyRole,
    createUser: isManager,
    updateUser: isManager,
    unlockUser: isManager,
    resetUserPassword: isManager,
    reviewBreakGlass: isManager,
    createDataSubject: isManager,
    updateDataSubject: isManagerOrStaff,
    eraseDataSubject: isManager,
    breakGlassRead: isStaff,
    createConsent: isManagerOrStaff,
    withdrawConsent: isManagerOrStaff,
    createPurposeOfUse: isManager,
    updatePurposeOfUse: isManager,
    createCase: isManagerOrStaff,
    assignCase: isManager,
    // the case workflow: the assignee or the manager (enforced in the services)
    updateCase: isManagerOrStaff,
    transitionCase: isManagerOrStaff,
    carryOutCase: isManagerOrStaff,
    linkCaseSubject: isManagerOrStaff,
    recordNoMatchingData: isManagerOrStaff,
    recordReplyMailed: isManagerOrStaff,
    saveElectronicReply: isManagerOrStaff,
    updateOrganisationProfile: isManager,
    createThirdPartyProvision: isManagerOrStaff,
    runRetention: isManager,
    createSubcontractor: isManagerOrSupervisor,
    updateSubcontractor: isManagerOrSupervisor,
    createConfidentialityAgreement: isManagerOrSupervisor,
    updateConfidentialityAgreement: isManagerOrSupervisor,
    createSupervisionReview: isManagerOrSupervisor,
    updateSupervisionReview: isManagerOrSupervisor,
    createEntrustment: isManagerOrSupervisor,
    updateEntrustment: isManagerOrSupervisor,
    closeEntrustment: isManagerOrSupervisor,
    // staff record incidents as they learn of them; reports, corrections and measures are the manager's
    createIncident: isManagerOrStaff,
    updateIncident: isManager,
    createIncidentMeasure: isManager,
    updateIncidentMeasure: isManager,
    createTrainingCourse: isManager,
    updateTrainingCourse: isManager,
    retireTrainingCourse: isManager,
    recordTrainingCompletion: isManager,
    createReceivedDataRecord: isManagerOrStaff,
    createLedgerRecord: isManager,
    updateLedgerRecord: isManager,
    recordLedgerReview: isManager,
    retireLedgerRecord: isManager,
    createRiskAssessment: isManager,
    updateRiskAssessment: isManager,
    retireRiskAssessment: isManager,
    // the auditor and the manager record plans and findings; the manager assigns corrective actions,
    // the manager or the owner records them (service), and only the auditor verifies their effect
    createInternalAudit: isManagerOrAuditor,
    updateInternalAudit: isManagerOrAuditor,
    closeInternalAudit: isManagerOrAuditor,
    createAuditFinding: isManagerOrAuditor,
    updateAuditFinding: isManagerOrAuditor,
    createCorrectiveAction: isManager,
    updateCorrectiveAction: isManagerStaffOrSupervisor,
    verifyCorrectiveAction: isAuditor,
  },
  User: allow,
  AuthPayload: allow,
  TwoFactorEnrollment: allow,
  ListMetadata: allow,
  AuditEntry: allow,
  AuditVerification: allow,
  AuditHead: allow,
  AuditCheckpoint: allow,
  AuditInclusionProof: allow,
  AuditConsistencyProof: allow,
  AuditCheckpointCheck: allow,
  AuditWitness: allow,
  BreakGlassReview: allow,
  DataSubject: { '*': allow, ...guardPersonal('DataSubject', canReadSubjectData) },
  SubjectMatch: allow,
  PostalArea: allow,
  PurposeOfUse: allow,
  Consent: allow,
  // documents are the scans of what the requester sent: personal data as much as the fields
  Case: { '*': allow, ...guardPersonal('Case', canReadCaseData), documents: canReadCaseData },
  // a transition's note is free text written while working the case: for those who work cases
  CaseTransition: { '*': allow, note: isManagerOrStaff },
  CaseDocument: allow,
  RequestedItem: allow,
  OrganisationProfile: allow,
  ThirdPartyProvision: allow,
  RetentionResult: allow,
  Subcontractor: allow,
  ConfidentialityAgreement: allow,
  SupervisionReview: allow,
  Entrustment: allow,
  Incident: allow,
  IncidentMeasure: allow,
  Dashboard: allow,
  ReminderSettings: allow,
  DashboardCases: allow,
  CaseReminder: allow,
  CaseStatusCount: allow,
  WeekCount: allow,
  DashboardSupervision: allow,
  DashboardIncidents: allow,
  TrainingCourse: allow,
  TrainingCompletion: allow,
  TrainingStatus: allow,
  ReceivedDataRecord: allow,
  LedgerRecord: allow,
  RiskAssessment: allow,
  LedgerExport: allow,
  InternalAudit: allow,
  AuditFinding: allow,
  CorrectiveAction: allow,
  DashboardInternalAudit: allow,
  DashboardLedger: allow,
} satisfies IRules;

export const shieldOptions = {
  fallbackRule: deny,
  allowExternalErrors: true,
  // A rule that said no without its own error: FORBIDDEN, never a stack.
  fallbackError: (thrown: unknown) => (isAppError(thrown) ? thrown : forbidden()),
  debug: false,
} satisfies NonNullable<Parameters<typeof shield>[1]>;

export const permissions = shield(permissionRules, shieldOptions);
