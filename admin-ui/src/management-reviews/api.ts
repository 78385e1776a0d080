import { gql } from '@apollo/client';
import { request } from '../graphqlClient';

/** The gathered inputs of a management review: counts from Mamori's own records, no personal data. */
export interface ReviewInputs {
  periodFrom: string;
  periodTo: string;
  gatheredOn: string;
  internalAudit: {
    auditCount: number;
    closedAuditCount: number;
    findings: Array<{ kind: string; count: number }>;
    openNonconformityCount: number;
    openCorrectiveActionCount: number;
    overdueCorrectiveActionCount: number;
  };
  incidents: {
    count: number;
    byKind: Array<{ kind: string; count: number }>;
    reportableCount: number;
    preliminaryOnTimeCount: number;
    preliminaryLateCount: number;
    preliminaryOverdueCount: number;
    finalOnTimeCount: number;
    finalLateCount: number;
    finalOverdueCount: number;
  };
  cases: { total: CaseCounts; byType: CaseCounts[] };
  training: { fiscalYear: number; courseCount: number; userCount: number; completeCount: number; byDepartment: Array<{ department: string | null; userCount: number; completeCount: number }> };
  records: {
    ledgerRecordCount: number;
    ledgerReviewOverdueCount: number;
    riskAssessmentOverdueCount: number;
    highRiskUnmitigatedCount: number;
    subcontractorCount: number;
    supervisionOverdueCount: number;
    subcontractorNotAllowedCount: number;
    earlierActionOpenCount: number;
    earlierActionOverdueCount: number;
  };
}

export interface CaseCounts {
  type: string | null;
  received: number;
  completed: number;
  completedOnTime: number;
  completedLate: number;
  open: number;
  openOverdue: number;
}

const CASE_COUNTS = 'type received completed completedOnTime completedLate open openOverdue';
const INPUTS = `periodFrom periodTo gatheredOn
  internalAudit { auditCount closedAuditCount findings { kind count } openNonconformityCount openCorrectiveActionCount overdueCorrectiveActionCount }
  incidents { count byKind { kind count } reportableCount preliminaryOnTimeCount preliminaryLateCount preliminaryOverdueCount finalOnTimeCount finalLateCount finalOverdueCount }
  cases { total { ${CASE_COUNTS} } byType { ${CASE_COUNTS} } }
  training { fiscalYear courseCount userCount completeCount byDepartment { department userCount completeCount } }
  records { ledgerRecordCount ledgerReviewOverdueCount riskAssessmentOverdueCount highRiskUnmitigatedCount subcontractorCount supervisionOverdueCount subcontractorNotAllowedCount earlierActionOpenCount earlierActionOverdueCount }`;

const REVIEW_INPUTS = gql`
  query ManagementReviewInputsOf($id: ID!) {
    ManagementReview(id: $id) { id status presentedInputs { ${INPUTS} } }
  }
`;
const LIVE_INPUTS = gql`
  query ManagementReviewLiveInputs($id: ID!) {
    ManagementReview(id: $id) { id inputs { ${INPUTS} } }
  }
`;

const HOLD = gql`
  mutation HoldManagementReview($id: ID!, $heldOn: Date!, $conclusions: String) {
    holdManagementReview(id: $id, heldOn: $heldOn, conclusions: $conclusions) { id status heldOn conclusions }
  }
`;
const CLOSE = gql`
  mutation CloseManagementReview($id: ID!) {
    closeManagementReview(id: $id) { id status closedOn }
  }
`;
const RESULT = gql`
  mutation RecordManagementReviewActionResult($id: ID!, $result: String!, $doneOn: Date!) {
    recordManagementReviewActionResult(id: $id, result: $result, doneOn: $doneOn) { id status doneOn result }
  }
`;

type Inputs = { ManagementReview: { presentedInputs?: ReviewInputs | null; inputs?: ReviewInputs } | null };

export const managementReviewApi = {
  /** What was presented, once held; gathered now from the records before that. */
  managementReviewInputs: async (id: string, held: boolean): Promise<ReviewInputs | null> => {
    const data = await request<Inputs>(held ? REVIEW_INPUTS : LIVE_INPUTS, { id });
    return (held ? data.ManagementReview?.presentedInputs : data.ManagementReview?.inputs) ?? null;
  },
  holdManagementReview: (id: string, heldOn: string, conclusions: string) => request(HOLD, { id, heldOn, conclusions: conclusions.trim() || null }),
  closeManagementReview: (id: string) => request(CLOSE, { id }),
  recordManagementReviewActionResult: (id: string, result: string, doneOn: string) => request(RESULT, { id, result, doneOn }),
};
