import { gql } from '@apollo/client';
import type { CaseStatus } from '@mamori/shared';
import { request } from '../graphqlClient';

export type CaseFilter = Partial<{
  status: CaseStatus;
  mine: boolean;
  overdue: boolean;
  awaitingDocuments: boolean;
  unassigned: boolean;
}>;

/** A case as the charts need it: no personal data, so no audited read. */
export interface CaseForChart {
  id: string;
  status: CaseStatus;
  receivedOn: string;
  dueOn: string;
  daysLeft: number;
  overdue: boolean;
  reference: string;
}

const CHART_CASES = gql`
  query CasesForCharts($filter: CaseFilter) {
    allCases(perPage: 1000, sortField: "receivedOn", sortOrder: "DESC", filter: $filter) {
      id reference status receivedOn dueOn daysLeft overdue
    }
  }
`;

const BREAK_GLASS_COUNT = gql`
  query BreakGlassCount {
    breakGlassReviewQueue { id }
  }
`;

/**
 * Several counts in one request: one aliased `_allCasesMeta` per filter
 * (counts read no personal data).
 */
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
  caseCounts,
  casesForCharts: (filter: CaseFilter = {}) => request<{ allCases: CaseForChart[] }>(CHART_CASES, { filter }).then((d) => d.allCases),
  breakGlassCount: () => request<{ breakGlassReviewQueue: Array<{ id: string }> }>(BREAK_GLASS_COUNT).then((d) => d.breakGlassReviewQueue.length),
};
