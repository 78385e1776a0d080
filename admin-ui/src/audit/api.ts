import { gql } from '@apollo/client';
import type { ExportFormat } from '@mamori/shared';
import { request } from '../graphqlClient';

export interface AuditVerification {
  ok: boolean;
  checked: number;
  headSeq: number;
  headHash: string;
  firstBrokenSeq: number | null;
  unlinked: number;
}

export interface AuditEntryRow {
  id: string;
  seq: number | null;
  occurredAt: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  subjectId: string | null;
  caseId: string | null;
  reason: string | null;
  outcome: string;
  fields: string[];
}

export type AuditFilter = Partial<Record<'actorId' | 'subjectId' | 'action' | 'entityType' | 'caseId' | 'from' | 'to' | 'q', string>>;

const VERIFY = gql`
  query VerifyAuditChain {
    verifyAuditChain { ok checked headSeq headHash firstBrokenSeq unlinked }
  }
`;
const HEAD = gql`
  query AuditHead {
    auditHead { seq hash at }
  }
`;
const EXTENDS = gql`
  query VerifyAuditChainExtends($seq: Int!, $hash: String!) {
    verifyAuditChainExtends(seq: $seq, hash: $hash)
  }
`;
const EXPORT = gql`
  query ExportAuditEntries($filter: AuditEntryFilter, $format: ExportFormat!) {
    exportAuditEntries(filter: $filter, format: $format)
  }
`;
const QUEUE = gql`
  query BreakGlassReviewQueue {
    breakGlassReviewQueue { id seq occurredAt actorId actorRole action entityType entityId subjectId caseId reason outcome fields }
  }
`;
const REVIEW = gql`
  mutation ReviewBreakGlass($entryId: ID!, $note: String) {
    reviewBreakGlass(entryId: $entryId, note: $note) { id entryId reviewedAt }
  }
`;

/** Only the filter keys the server knows, without empty values. */
export function cleanAuditFilter(filter: Record<string, unknown>): AuditFilter {
  const keys = ['actorId', 'subjectId', 'action', 'entityType', 'caseId', 'from', 'to', 'q'] as const;
  const out: AuditFilter = {};
  for (const k of keys) {
    const v = filter[k];
    if (typeof v === 'string' && v !== '') out[k] = v;
    else if (typeof v === 'number') out[k] = String(v);
  }
  return out;
}

export const auditApi = {
  verifyAuditChain: () => request<{ verifyAuditChain: AuditVerification }>(VERIFY).then((d) => d.verifyAuditChain),
  verifyAuditChainExtends: (seq: number, hash: string) =>
    request<{ verifyAuditChainExtends: boolean }>(EXTENDS, { seq, hash }).then((d) => d.verifyAuditChainExtends),
  auditHead: () => request<{ auditHead: { seq: number; hash: string; at: string | null } }>(HEAD).then((d) => d.auditHead),
  exportAuditEntries: (filter: AuditFilter, format: ExportFormat) =>
    request<{ exportAuditEntries: string }>(EXPORT, { filter, format }).then((d) => d.exportAuditEntries),
  breakGlassReviewQueue: () => request<{ breakGlassReviewQueue: AuditEntryRow[] }>(QUEUE).then((d) => d.breakGlassReviewQueue),
  reviewBreakGlass: (entryId: string, note?: string) =>
    request<{ reviewBreakGlass: { id: string } }>(REVIEW, { entryId, note: note || null }).then((d) => d.reviewBreakGlass),
};
