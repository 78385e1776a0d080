import type { Clock } from './clock';
import type { Config } from './config';
import type { Database } from './db/data-source';
import { ChainLinker } from './modules/audit/audit-chain';
import { AuditService } from './modules/audit/audit.service';
import { AuditProofService } from './modules/audit/transparency/proofs.service';
import { createTransparency } from './modules/audit/transparency/transparency';
import { createCaseServices } from './modules/case/case.services';
import { ConsentService } from './modules/consent/consent.service';
import { DataSubjectService } from './modules/data-subject/data-subject.service';
import { PostalService } from './modules/postal/postal.service';
import { PurposeService } from './modules/purpose/purpose.service';
import { AuditWriter } from './modules/audit/audit-writer';
import { SubjectKeys } from './modules/audit/subject-keys';
import { AuthService } from './modules/auth/auth.service';
import { Callers } from './modules/auth/callers';
import { Tokens } from './modules/auth/tokens';
import { TwoFactor } from './modules/auth/two-factor';
import { SingleSignOn } from './modules/auth/single-sign-on';
import { Passwords } from './modules/user/passwords';
import { UserService } from './modules/user/user.service';
import { DashboardService } from './modules/dashboard/dashboard.service';
import { CalendarService } from './modules/calendar/calendar.service';
import { calendarSources } from './modules/calendar/calendar.sources';
import { createReminderServices } from './modules/reminder/reminder.services';
import { IncidentService } from './modules/incident/incident.service';
import { OrganisationService } from './modules/organisation/organisation.service';
import { ConfidentialityAgreementService } from './modules/subcontractor/confidentiality-agreement.service';
import { EntrustmentService } from './modules/subcontractor/entrustment.service';
import { SubcontractorService } from './modules/subcontractor/subcontractor.service';
import { ReceivedDataService } from './modules/received-data/received-data.service';
import { TrainingService } from './modules/training/training.service';
import { LedgerService } from './modules/ledger/ledger.service';
import { RiskAssessmentService } from './modules/ledger/risk-assessment.service';
import { LedgerExportService } from './modules/ledger/ledger-export.service';
import { CorrectiveActionService } from './modules/internal-audit/corrective-action.service';
import { InternalAuditService } from './modules/internal-audit/internal-audit.service';
import { ManagementReviewInputsService } from './modules/management-review/management-review-inputs.service';
import { ManagementReviewService } from './modules/management-review/management-review.service';
import { SupervisionReviewService } from './modules/subcontractor/supervision-review.service';

/** Every service of the application, built once and handed to resolvers through the context. */
export function createServices(db: Database, clock: Clock, config: Config) {
  const passwords = new Passwords(config.production);
  const tokens = new Tokens(config.jwtSecret, config.tokenTtlHours, clock);
  const linker = new ChainLinker(db, clock);
  const transparency = createTransparency(db, clock, linker, config);
  const auditProofs = new AuditProofService(db, linker, transparency);
  const auditWriter = new AuditWriter(db, linker);
  const subjectKeys = new SubjectKeys(config.auditHmacKey);
  const callers = new Callers(db);
  const twoFactor = new TwoFactor(db, clock, config.auditHmacKey, callers);
  const subjects = new DataSubjectService(db, clock, subjectKeys, auditWriter);
  const purposes = new PurposeService(db, auditWriter);
  const users = new UserService(db, passwords, clock, auditWriter, callers);
  const ledger = new LedgerService(db, clock, auditWriter);
  const subcontractors = new SubcontractorService(db, clock, purposes, auditWriter, (id, manager) => ledger.inForceNaming(id, manager));
  const agreements = new ConfidentialityAgreementService(db, clock, subcontractors, auditWriter);
  const entrustments = new EntrustmentService(db, clock, subcontractors, purposes, auditWriter);
  const incidents = new IncidentService(db, clock, subcontractors, auditWriter);
  const singleSignOn =
    config.oidc && config.publicUrl
      ? new SingleSignOn(db, config.oidc, `${config.publicUrl}/auth/oidc/callback`, tokens, users, clock, config.requireManagerTwoFactor)
      : null;
  const organisation = new OrganisationService(db, clock, auditWriter);
  const riskAssessments = new RiskAssessmentService(db, clock, auditWriter, ledger);
  const internalAudits = new InternalAuditService(db, clock, auditWriter);
  const correctiveActions = new CorrectiveActionService(db, clock, auditWriter, internalAudits);
  const training = new TrainingService(db, clock, auditWriter);
  const managementReviews = new ManagementReviewService(db, clock, auditWriter, new ManagementReviewInputsService(db, clock, training, ledger, subcontractors));
  const dashboard = new DashboardService(db, clock, subcontractors, agreements, entrustments, incidents, organisation, correctiveActions, internalAudits, ledger, managementReviews);
  return {
    db,
    clock,
    config,
    passwords,
    tokens,
    linker,
    transparency,
    auditProofs,
    auditWriter,
    subjectKeys,
    twoFactor,
    singleSignOn,
    auth: new AuthService(db, passwords, tokens, clock, config.failedLoginsPerAddressPerMinute, twoFactor, config.requireManagerTwoFactor, config.anonymousRefusalsPerAddressPerMinute, callers, config.passwordSignIn),
    users,
    audit: new AuditService(db, clock, linker, auditProofs, transparency.verifier),
    subjects,
    purposes,
    postal: new PostalService(),
    consents: new ConsentService(db, clock, subjects, purposes),
    organisation,
    ...createCaseServices(db, clock, config, auditWriter, subjectKeys, subjects, organisation, purposes),
    subcontractors,
    agreements,
    supervisionReviews: new SupervisionReviewService(db, clock, subcontractors, users, auditWriter),
    entrustments,
    incidents,
    dashboard,
    calendar: new CalendarService(clock, calendarSources({ db, training, subcontractors })),
    training,
    receivedData: new ReceivedDataService(db, clock, auditWriter),
    ledger,
    riskAssessments,
    ledgerExports: new LedgerExportService(db, clock, ledger),
    internalAudits,
    correctiveActions,
    managementReviews,
    ...createReminderServices(db, clock, config, dashboard, incidents),
  };
}

export type Services = ReturnType<typeof createServices>;
