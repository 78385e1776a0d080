import { gql } from '@apollo/client';
import type { ExportLanguage, LedgerExportFormat } from '@mamori/shared';
import { request } from '../graphqlClient';

export interface LedgerExportFile {
  filename: string;
  contentType: string;
  contentBase64: string;
  records: number;
  assessments: number;
}

const EXPORT = gql`
  query ExportLedger($format: LedgerExportFormat!, $language: ExportLanguage!, $includeRetired: Boolean!) {
    exportLedger(format: $format, language: $language, includeRetired: $includeRetired) { filename contentType contentBase64 records assessments }
  }
`;
const REVIEW = gql`
  mutation RecordLedgerReview($id: ID!, $reviewedOn: Date) {
    recordLedgerReview(id: $id, reviewedOn: $reviewedOn) { id lastReviewedOn nextReviewDue reviewOverdue }
  }
`;
const RETIRE_RECORD = gql`
  mutation RetireLedgerRecord($id: ID!) {
    retireLedgerRecord(id: $id) { id retiredAt }
  }
`;
const RETIRE_RISK = gql`
  mutation RetireRiskAssessment($id: ID!) {
    retireRiskAssessment(id: $id) { id retiredAt }
  }
`;

export const ledgerApi = {
  exportLedger: (format: LedgerExportFormat, language: ExportLanguage, includeRetired = false) =>
    request<{ exportLedger: LedgerExportFile }>(EXPORT, { format, language, includeRetired }).then((d) => d.exportLedger),
  recordLedgerReview: (id: string, reviewedOn?: string) => request(REVIEW, { id, reviewedOn: reviewedOn || null }),
  retireLedgerRecord: (id: string) => request(RETIRE_RECORD, { id }),
  retireRiskAssessment: (id: string) => request(RETIRE_RISK, { id }),
};
