import { gql } from '@apollo/client';
import type { CaseStatus, CaseType, Role } from '@mamori/shared';
import { request } from '../graphqlClient';

export type CaseFilter = Partial<{ status: CaseStatus; mine: boolean; overdue: boolean; awaitingDocuments: boolean; unassigned: boolean }>;

/** A case as the reminders show it: no personal data, so no audited read. */
export interface CaseReminder {
  id: string;
  reference: string;
  type: CaseType;
  status: CaseStatus;
  dueOn: string;
  daysLeft: number;
  assigneeId: string | null;
}

export interface DashboardData {
  role: Role;
  today: string;
  cases: {
    scope: string;
    overdueCount: number;
    overdue: CaseReminder[];
    dueSoonCount: number;
    dueSoon: CaseReminder[];
    byStatus: Array<{ status: CaseStatus; count: number }>;
    receivedPerWeek: Array<{ weekStart: string; count: number }>;
  } | null;
  assignmentQueue: number | null;
  pendingBreakGlassReviews: number | null;
  organisationProfileMissing: string[] | null;
  supervision: {
    expiringAgreementCount: number;
    overdueReviewCount: number;
    notAllowedCount: number;
    openEntrustmentCount: number;
    pastEndEntrustmentCount: number;
    openAtNotAllowedCount: number;
  } | null;
  incidents: {
    reportPendingCount: number;
    preliminaryFlaggedCount: number;
    preliminaryOverdueCount: number;
    finalOverdueCount: number;
    nextReportDueOn: string | null;
    notificationPendingCount: number;
    overdueMeasureCount: number;
  };
  internalAudit: {
    openAuditCount: number;
    overdueCorrectiveActionCount: number;
    awaitingVerificationCount: number;
  } | null;
  ledger: {
    recordCount: number;
    reviewOverdueCount: number;
    riskAssessmentOverdueCount: number;
    highRiskUnmitigatedCount: number;
    notAssessedCount: number;
  } | null;
  managementReview: {
    scope: 'ALL' | 'MINE';
    fiscalYear: number;
    heldThisFiscalYear: boolean | null;
    nextReviewId: string | null;
    nextPlannedOn: string | null;
    openActionCount: number;
    overdueActionCount: number;
  } | null;
}

const REMINDER = 'id reference type status dueOn daysLeft assigneeId';
const DASHBOARD = gql`
  query Dashboard {
    dashboard {
      role
      today
      cases {
        scope overdueCount dueSoonCount
        overdue { ${REMINDER} }
        dueSoon { ${REMINDER} }
        byStatus { status count }
        receivedPerWeek { weekStart count }
      }
      assignmentQueue
      pendingBreakGlassReviews
      organisationProfileMissing
      supervision {
        expiringAgreementCount overdueReviewCount notAllowedCount openEntrustmentCount pastEndEntrustmentCount openAtNotAllowedCount
      }
      incidents {
        reportPendingCount preliminaryFlaggedCount preliminaryOverdueCount finalOverdueCount nextReportDueOn notificationPendingCount overdueMeasureCount
      }
      internalAudit { openAuditCount overdueCorrectiveActionCount awaitingVerificationCount }
      ledger { recordCount reviewOverdueCount riskAssessmentOverdueCount highRiskUnmitigatedCount notAssessedCount }
      managementReview { scope fiscalYear heldThisFiscalYear nextReviewId nextPlannedOn openActionCount overdueActionCount }
    }
  }
`;

/** Several case counts in one request: one aliased `_allCasesMeta` per filter (counts read no personal data). */
async function caseCounts<K extends string>(filters: Record<K, CaseFilter>): Promise<Record<K, number>> {
  const keys = Object.keys(filters) as K[];
  const document = gql(
    `query CaseCounts(${keys.map((k) => `$${k}: CaseFilter`).join(', ')}) {
      ${keys.map((k) => `${k}: _allCasesMeta(filter: $${k}) { count }`).join('\n')}
    }`,
  );
  const data = await request<Record<K, { count: number }>>(document, filters);
  return Object.fromEntries(keys.map((k) => [k, data[k].count])) as Record<K, number>;
}

export const dashboardApi = {
  /** The caller's reminders, computed by the server for its role. */
  dashboard: () => request<{ dashboard: DashboardData }>(DASHBOARD).then((d) => d.dashboard),
  caseCounts,
};
