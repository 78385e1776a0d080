import { gql } from '@apollo/client';
import type { CaseStatus, NonDisclosureReason, SubjectCategory } from '@mamori/shared';
import { request } from '../graphqlClient';

export interface SubjectMatch {
  id: string;
  maskedName: string;
  category: SubjectCategory;
}

const ASSIGN = gql`
  mutation AssignCase($id: ID!, $assigneeId: ID!) {
    assignCase(id: $id, assigneeId: $assigneeId) { id assigneeId status }
  }
`;
const MATCH = gql`
  query MatchDataSubjects($caseId: ID!, $query: String!) {
    matchDataSubjects(caseId: $caseId, query: $query) { id maskedName category }
  }
`;
const TRANSITION = gql`
  mutation TransitionCase($id: ID!, $to: CaseStatus!, $reasons: [NonDisclosureReason!], $note: String) {
    transitionCase(id: $id, to: $to, reasons: $reasons, note: $note) { id status nonDisclosureReasons }
  }
`;

export const caseApi = {
  assignCase: (id: string, assigneeId: string) => request(ASSIGN, { id, assigneeId }),
  /** Candidates with masked names only; the search itself is audited under the case. */
  matchDataSubjects: (caseId: string, query: string) =>
    request<{ matchDataSubjects: SubjectMatch[] }>(MATCH, { caseId, query }).then((d) => d.matchDataSubjects),
  transitionCase: (id: string, to: CaseStatus, reasons: NonDisclosureReason[], note?: string) =>
    request(TRANSITION, { id, to, reasons: reasons.length ? reasons : null, note: note || null }),
};
