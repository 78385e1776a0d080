import { gql } from '@apollo/client';
import { request } from '../graphqlClient';

const CLOSE = gql`
  mutation CloseEntrustment($id: ID!, $closedOn: Date, $certificateKind: CertificateKind!, $certificateRef: String!) {
    closeEntrustment(id: $id, closedOn: $closedOn, certificateKind: $certificateKind, certificateRef: $certificateRef) { id closedOn open }
  }
`;

export const entrustmentApi = {
  closeEntrustment: (id: string, certificateKind: string, certificateRef: string, closedOn?: string) =>
    request(CLOSE, { id, certificateKind, certificateRef, closedOn: closedOn || null }),
};
