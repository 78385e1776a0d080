import { gql } from '@apollo/client';
import { request } from '../graphqlClient';

const CLOSE = gql`
  mutation CloseInternalAudit($id: ID!) {
    closeInternalAudit(id: $id) { id status closedOn openNonconformityCount }
  }
`;

const VERIFY = gql`
  mutation VerifyCorrectiveAction($id: ID!, $verifiedOn: Date!, $effective: Boolean!, $note: String) {
    verifyCorrectiveAction(id: $id, verifiedOn: $verifiedOn, effective: $effective, note: $note) { id effective verifiedOn completedOn }
  }
`;

export const internalAuditApi = {
  closeInternalAudit: (id: string) => request(CLOSE, { id }),
  verifyCorrectiveAction: (id: string, verifiedOn: string, effective: boolean, note: string) => request(VERIFY, { id, verifiedOn, effective, note: note.trim() || null }),
};
