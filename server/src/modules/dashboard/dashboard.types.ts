import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { CaseStatus as CaseStatusValue, CaseType as CaseTypeValue, Role as RoleValue } from '@mamori/shared';
import { CaseStatus, CaseType, Role } from '../common/enums';
import { DateScalar } from '../common/scalars';
import { DashboardLedger } from '../ledger/ledger-reminders';
import { DashboardManagementReview } from '../management-review/management-review-reminders';

/**
 * The caller's reminders. Counts, ids and references only: no personal field
 * is reachable from here (the supervisor walk in test/supervisor-access.test.ts
 * checks it). A section a role does not work with is null.
 */

@ObjectType({ description: 'A case with a deadline, without any personal data' })
export class CaseReminder {
  @Field(() => ID)
  id!: number;

  @Field()
  reference!: string;

  @Field(() => CaseType)
  type!: CaseTypeValue;

  @Field(() => CaseStatus)
  status!: CaseStatusValue;

  @Field(() => DateScalar)
  dueOn!: string;

  @Field(() => Int)
  daysLeft!: number;

  @Field(() => ID, { nullable: true })
  assigneeId!: number | null;
}

@ObjectType()
export class CaseStatusCount {
  @Field(() => CaseStatus)
  status!: CaseStatusValue;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class WeekCount {
  @Field(() => DateScalar, { description: 'The Monday the week starts on (Japan time)' })
  weekStart!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class DashboardCases {
  @Field({ description: 'ALL (privacy manager) or ASSIGNED_TO_ME (staff)' })
  scope!: string;

  @Field(() => Int)
  overdueCount!: number;

  @Field(() => [CaseReminder], { description: 'Most overdue first (at most 50)' })
  overdue!: CaseReminder[];

  @Field(() => Int, { description: 'Due within the next 3 days, today included' })
  dueSoonCount!: number;

  @Field(() => [CaseReminder], { description: 'Soonest first (at most 50)' })
  dueSoon!: CaseReminder[];

  @Field(() => [CaseStatusCount], { description: 'Every status, zero included' })
  byStatus!: CaseStatusCount[];

  @Field(() => [WeekCount], { description: 'Cases received in each of the last 8 weeks, oldest first, this week last' })
  receivedPerWeek!: WeekCount[];
}

@ObjectType()
export class DashboardSupervision {
  @Field(() => Int, { description: 'In force, expiring within 30 days, not yet followed by a renewal' })
  expiringAgreementCount!: number;

  @Field(() => [ID])
  expiringAgreementIds!: number[];

  @Field(() => Int, { description: 'Active subcontractors whose next supervision review day has passed' })
  overdueReviewCount!: number;

  @Field(() => [ID])
  overdueReviewSubcontractorIds!: number[];

  @Field(() => Int, { description: 'Active subcontractors that may not receive personal data today' })
  notAllowedCount!: number;

  @Field(() => [ID])
  notAllowedSubcontractorIds!: number[];

  @Field(() => Int, { description: 'Hand-overs not yet closed with a certificate' })
  openEntrustmentCount!: number;

  @Field(() => Int, { description: 'Open hand-overs past their end day' })
  pastEndEntrustmentCount!: number;

  @Field(() => [ID])
  pastEndEntrustmentIds!: number[];

  @Field(() => Int, { description: 'Open hand-overs whose subcontractor may no longer receive data' })
  openAtNotAllowedCount!: number;

  @Field(() => [ID])
  openAtNotAllowedEntrustmentIds!: number[];
}

@ObjectType()
export class DashboardIncidents {
  @Field(() => Int, { description: 'Reportable incidents with a report still to be made' })
  reportPendingCount!: number;

  @Field(() => [ID])
  reportPendingIds!: number[];

  @Field(() => Int, { description: 'No preliminary report more than 3 days after detection' })
  preliminaryFlaggedCount!: number;

  @Field(() => [ID])
  preliminaryFlaggedIds!: number[];

  @Field(() => Int, { description: 'No preliminary report more than 5 days after detection' })
  preliminaryOverdueCount!: number;

  @Field(() => [ID])
  preliminaryOverdueIds!: number[];

  @Field(() => Int)
  finalOverdueCount!: number;

  @Field(() => [ID])
  finalOverdueIds!: number[];

  @Field(() => DateScalar, { nullable: true, description: 'The nearest report deadline not yet passed' })
  nextReportDueOn!: string | null;

  @Field(() => Int, { description: 'Reportable incidents whose individuals are not yet notified' })
  notificationPendingCount!: number;

  @Field(() => Int, { description: 'Measures not done and past their due day' })
  overdueMeasureCount!: number;
}

@ObjectType()
export class DashboardInternalAudit {
  @Field(() => Int, { description: 'Audits planned and not yet closed' })
  openAuditCount!: number;

  @Field(() => Int, { description: 'Corrective actions not taken by their due day (Japan time)' })
  overdueCorrectiveActionCount!: number;

  @Field(() => [ID], { description: 'The overdue corrective actions, oldest due first' })
  overdueCorrectiveActionIds!: number[];

  @Field(() => Int, { description: 'Corrective actions taken, waiting for the internal auditor to verify their effect' })
  awaitingVerificationCount!: number;
}

@ObjectType()
export class Dashboard {
  @Field(() => Role)
  role!: RoleValue;

  @Field(() => DateScalar, { description: 'Today in Japan time, the day every flag is computed for' })
  today!: string;

  @Field(() => DashboardCases, { nullable: true, description: 'Privacy manager and internal auditor: all cases; staff: cases assigned to them' })
  cases!: DashboardCases | null;

  @Field(() => Int, { nullable: true, description: 'Privacy manager: open cases not yet assigned' })
  assignmentQueue!: number | null;

  @Field(() => Int, { nullable: true, description: 'Privacy manager: break-glass reads not yet reviewed' })
  pendingBreakGlassReviews!: number | null;

  @Field(() => DashboardSupervision, { nullable: true, description: 'Privacy manager, supervisors and the internal auditor' })
  supervision!: DashboardSupervision | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Privacy manager: the organisation profile fields still to fill (letters are refused until none are left)',
  })
  organisationProfileMissing!: string[] | null;

  @Field(() => DashboardIncidents, { description: 'Every role reads the incident register' })
  incidents!: DashboardIncidents;

  @Field(() => DashboardInternalAudit, { nullable: true, description: 'Privacy manager and internal auditor: open audits and corrective actions' })
  internalAudit!: DashboardInternalAudit | null;

  @Field(() => DashboardLedger, { nullable: true, description: 'Privacy manager and internal auditor: the ledger’s reviews and risks due' })
  ledger!: DashboardLedger | null;

  @Field(() => DashboardManagementReview, { nullable: true, description: 'The year’s management review and its overdue actions (all for the manager and the auditor, one’s own for an owner)' })
  managementReview!: DashboardManagementReview | null;
}
