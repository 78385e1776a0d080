import { gql } from '@apollo/client';
import { request } from '../graphqlClient';

export interface SubjectData {
  id: string;
  category: string;
  fullName: string;
  fullNameKana: string | null;
  postalCode: string | null;
  postalAddress: string | null;
  phone: string | null;
  email: string | null;
  company: string | null;
  division: string | null;
  title: string | null;
  restricted: boolean;
  erasedAt: string | null;
}

const BREAK_GLASS = gql`
  mutation BreakGlassRead($subjectId: ID!, $reason: String!) {
    breakGlassRead(subjectId: $subjectId, reason: $reason) {
      id category fullName fullNameKana postalCode postalAddress phone email company division title restricted erasedAt
    }
  }
`;
const ERASE = gql`
  mutation EraseDataSubject($id: ID!, $caseId: ID) {
    eraseDataSubject(id: $id, caseId: $caseId) { id erasedAt }
  }
`;
const WITHDRAW = gql`
  mutation WithdrawConsent($id: ID!) {
    withdrawConsent(id: $id) { id withdrawnAt }
  }
`;

export const subjectApi = {
  /** Reads a subject outside one's cases, with a stated reason: audited as BREAK_GLASS and reviewed by the manager. */
  breakGlassRead: (subjectId: string, reason: string) =>
    request<{ breakGlassRead: SubjectData }>(BREAK_GLASS, { subjectId, reason }).then((d) => d.breakGlassRead),
  eraseDataSubject: (id: string, caseId?: string) => request(ERASE, { id, caseId: caseId || null }),
  withdrawConsent: (id: string) => request(WITHDRAW, { id }),
};
