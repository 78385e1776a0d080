import type { ContainerType, ResolverData } from 'type-graphql';
import { AuditResolver } from '../modules/audit/audit.resolver';
import { AuthResolver } from '../modules/auth/auth.resolver';
import { CaseWorkflowResolver } from '../modules/case/case-workflow.resolver';
import { CaseResolver } from '../modules/case/case.resolver';
import { ConsentResolver } from '../modules/consent/consent.resolver';
import { DashboardResolver } from '../modules/dashboard/dashboard.resolver';
import { CalendarResolver } from '../modules/calendar/calendar.resolver';
import { ReminderResolver } from '../modules/reminder/reminder.resolver';
import { CaseSubjectResolver } from '../modules/data-subject/case-subject.resolver';
import { DataSubjectResolver } from '../modules/data-subject/data-subject.resolver';
import { IncidentMeasureResolver } from '../modules/incident/incident-measure.resolver';
import { IncidentResolver } from '../modules/incident/incident.resolver';
import { OrganisationResolver } from '../modules/organisation/organisation.resolver';
import { PostalResolver } from '../modules/postal/postal.resolver';
import { ProvisionResolver } from '../modules/provision/provision.resolver';
import { PurposeResolver } from '../modules/purpose/purpose.resolver';
import { RetentionResolver } from '../modules/retention/retention.resolver';
import { ConfidentialityAgreementResolver } from '../modules/subcontractor/confidentiality-agreement.resolver';
import { EntrustmentResolver } from '../modules/subcontractor/entrustment.resolver';
import { SubcontractorResolver } from '../modules/subcontractor/subcontractor.resolver';
import { SupervisionReviewResolver } from '../modules/subcontractor/supervision-review.resolver';
import { ReceivedDataResolver } from '../modules/received-data/received-data.resolver';
import { TrainingResolver } from '../modules/training/training.resolver';
import { LedgerResolver } from '../modules/ledger/ledger.resolver';
import { RiskAssessmentResolver } from '../modules/ledger/risk-assessment.resolver';
import { AuditFindingResolver } from '../modules/internal-audit/audit-finding.resolver';
import { CorrectiveActionResolver } from '../modules/internal-audit/corrective-action.resolver';
import { InternalAuditResolver } from '../modules/internal-audit/internal-audit.resolver';
import { ManagementReviewActionResolver } from '../modules/management-review/management-review-action.resolver';
import { ManagementReviewResolver } from '../modules/management-review/management-review.resolver';
import { UserResolver } from '../modules/user/user.resolver';
import { resolvers } from '../modules';
import type { Services } from '../services';
import type { Context } from './context';

/**
 * The resolvers of one app, each given the services it calls: resolvers never
 * reach for the whole service registry, so a resolver's constructor says what
 * it depends on. type-graphql asks for them through `resolverContainer`.
 */
export function createResolvers(s: Services): ContainerType {
  const instances = new Map<unknown, unknown>([
    [AuditResolver, new AuditResolver(s.audit, s.auditProofs)],
    [AuthResolver, new AuthResolver(s.auth, s.tokens, s.twoFactor, s.users)],
    [CaseWorkflowResolver, new CaseWorkflowResolver(s.caseWorkflow, s.caseLetters)],
    [CaseResolver, new CaseResolver(s.cases, s.caseDocuments, s.subjects)],
    [OrganisationResolver, new OrganisationResolver(s.organisation)],
    [ConsentResolver, new ConsentResolver(s.consents)],
    [DashboardResolver, new DashboardResolver(s.dashboard)],
    [CalendarResolver, new CalendarResolver(s.calendar)],
    [ReminderResolver, new ReminderResolver(s.reminders)],
    [CaseSubjectResolver, new CaseSubjectResolver(s.subjects)],
    [DataSubjectResolver, new DataSubjectResolver(s.subjects, s.cases)],
    [IncidentMeasureResolver, new IncidentMeasureResolver(s.incidents)],
    [IncidentResolver, new IncidentResolver(s.incidents)],
    [PostalResolver, new PostalResolver(s.postal)],
    [ProvisionResolver, new ProvisionResolver(s.provisions)],
    [PurposeResolver, new PurposeResolver(s.purposes)],
    [RetentionResolver, new RetentionResolver(s.retention)],
    [ConfidentialityAgreementResolver, new ConfidentialityAgreementResolver(s.agreements, s.subcontractors)],
    [EntrustmentResolver, new EntrustmentResolver(s.entrustments, s.subcontractors)],
    [SubcontractorResolver, new SubcontractorResolver(s.subcontractors)],
    [SupervisionReviewResolver, new SupervisionReviewResolver(s.supervisionReviews, s.subcontractors)],
    [TrainingResolver, new TrainingResolver(s.training)],
    [ReceivedDataResolver, new ReceivedDataResolver(s.receivedData)],
    [LedgerResolver, new LedgerResolver(s.ledger, s.ledgerExports)],
    [RiskAssessmentResolver, new RiskAssessmentResolver(s.riskAssessments)],
    [InternalAuditResolver, new InternalAuditResolver(s.internalAudits)],
    [AuditFindingResolver, new AuditFindingResolver(s.internalAudits)],
    [CorrectiveActionResolver, new CorrectiveActionResolver(s.correctiveActions)],
    [ManagementReviewResolver, new ManagementReviewResolver(s.managementReviews)],
    [ManagementReviewActionResolver, new ManagementReviewActionResolver(s.managementReviews)],
    [UserResolver, new UserResolver(s.users)],
  ]);
  const unwired = resolvers.filter((resolverClass) => !instances.has(resolverClass));
  if (unwired.length) throw new Error(`Resolvers not wired in createResolvers: ${unwired.map((r) => r.name).join(', ')}`);
  return {
    get(resolverClass) {
      const instance = instances.get(resolverClass);
      if (!instance) throw new Error(`No instance of ${(resolverClass as { name?: string }).name ?? 'a resolver'} is wired in createResolvers`);
      return instance;
    },
  };
}

/** type-graphql's container option: the request's app decides which resolver instances serve it. */
export const resolverContainer = ({ context }: ResolverData<Context>): ContainerType => context.resolvers;
