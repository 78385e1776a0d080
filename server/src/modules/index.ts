import type { NonEmptyArray } from 'type-graphql';
import { AuditEntry } from './audit/audit-entry.entity';
import { AuditLink } from './audit/audit-link.entity';
import { AuditResolver } from './audit/audit.resolver';
import { BreakGlassReview } from './audit/break-glass-review.entity';
import { SubjectKey } from './audit/subject-key.entity';
import { AuthResolver } from './auth/auth.resolver';
import { Case } from './case/case.entity';
import { CaseResolver } from './case/case.resolver';
import { caseWorkflowEntities, caseWorkflowResolvers } from './case/case.module';
import { Consent } from './consent/consent.entity';
import { ConsentResolver } from './consent/consent.resolver';
import { DataSubject } from './data-subject/data-subject.entity';
import { CaseSubjectResolver } from './data-subject/case-subject.resolver';
import { DataSubjectResolver } from './data-subject/data-subject.resolver';
import { OrganisationProfile } from './organisation/organisation-profile.entity';
import { OrganisationResolver } from './organisation/organisation.resolver';
import { PostalResolver } from './postal/postal.resolver';
import { PurposeOfUse } from './purpose/purpose.entity';
import { PurposeResolver } from './purpose/purpose.resolver';
import { User } from './user/user.entity';
import { UserResolver } from './user/user.resolver';
import { DashboardResolver } from './dashboard/dashboard.resolver';
import { CalendarResolver } from './calendar/calendar.resolver';
import { MailMessage } from './reminder/mail-message.entity';
import { ReminderResolver } from './reminder/reminder.resolver';
import { IncidentMeasure } from './incident/incident-measure.entity';
import { IncidentMeasureResolver } from './incident/incident-measure.resolver';
import { Incident } from './incident/incident.entity';
import { IncidentResolver } from './incident/incident.resolver';
import { ConfidentialityAgreement } from './subcontractor/confidentiality-agreement.entity';
import { ConfidentialityAgreementResolver } from './subcontractor/confidentiality-agreement.resolver';
import { Entrustment } from './subcontractor/entrustment.entity';
import { EntrustmentResolver } from './subcontractor/entrustment.resolver';
import { Subcontractor } from './subcontractor/subcontractor.entity';
import { SubcontractorResolver } from './subcontractor/subcontractor.resolver';
import { SupervisionReview } from './subcontractor/supervision-review.entity';
import { SupervisionReviewResolver } from './subcontractor/supervision-review.resolver';
import { ReceivedDataRecord } from './received-data/received-data.entity';
import { ReceivedDataResolver } from './received-data/received-data.resolver';
import { TrainingCompletion } from './training/training-completion.entity';
import { TrainingCourse } from './training/training-course.entity';
import { TrainingResolver } from './training/training.resolver';
import { LedgerRecord } from './ledger/ledger-record.entity';
import { LedgerResolver } from './ledger/ledger.resolver';
import { RiskAssessment } from './ledger/risk-assessment.entity';
import { RiskAssessmentResolver } from './ledger/risk-assessment.resolver';
import { AuditFinding } from './internal-audit/audit-finding.entity';
import { AuditFindingResolver } from './internal-audit/audit-finding.resolver';
import { CorrectiveAction } from './internal-audit/corrective-action.entity';
import { CorrectiveActionResolver } from './internal-audit/corrective-action.resolver';
import { InternalAudit } from './internal-audit/internal-audit.entity';
import { InternalAuditResolver } from './internal-audit/internal-audit.resolver';
import { ManagementReviewAction } from './management-review/management-review-action.entity';
import { ManagementReviewActionResolver } from './management-review/management-review-action.resolver';
import { ManagementReview } from './management-review/management-review.entity';
import { ManagementReviewResolver } from './management-review/management-review.resolver';

/** Subcontractor supervision and the incident register. */
const supervisionEntities = [Subcontractor, ConfidentialityAgreement, SupervisionReview, Entrustment, Incident, IncidentMeasure];

/** The modules' TypeORM entities and GraphQL resolvers: the wiring list. */
export const entities = [OrganisationProfile, User, AuditEntry, AuditLink, SubjectKey, BreakGlassReview, DataSubject, PurposeOfUse, Consent, Case, ...caseWorkflowEntities, ...supervisionEntities, MailMessage, TrainingCourse, TrainingCompletion, ReceivedDataRecord, LedgerRecord, RiskAssessment, InternalAudit, AuditFinding, CorrectiveAction, ManagementReview, ManagementReviewAction];

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [
  AuthResolver,
  UserResolver,
  AuditResolver,
  DataSubjectResolver,
  CaseSubjectResolver,
  PurposeResolver,
  ConsentResolver,
  CaseResolver,
  ...caseWorkflowResolvers,
  SubcontractorResolver,
  ConfidentialityAgreementResolver,
  SupervisionReviewResolver,
  EntrustmentResolver,
  IncidentResolver,
  IncidentMeasureResolver,
  DashboardResolver,
  CalendarResolver,
  OrganisationResolver,
  ReminderResolver,
  PostalResolver,
  TrainingResolver,
  ReceivedDataResolver,
  LedgerResolver,
  RiskAssessmentResolver,
  InternalAuditResolver,
  AuditFindingResolver,
  CorrectiveActionResolver,
  ManagementReviewResolver,
  ManagementReviewActionResolver,
];
