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
  problem: string | null;
  witnessedSize: number;
}

export interface AuditWitnessState {
  name: string;
  kind: string;
  witnessedSize: number;
  witnessedAt: string | null;
  lag: number;
  refusal: string | null;
  error: string | null;
}

export interface AuditLogState {
  auditCheckpoint: { treeSize: number; rootHash: string; note: string; signedAt: string; verifierKey: string } | null;
  auditWitnesses: AuditWitnessState[];
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
    verifyAuditChain { ok checked headSeq headHash firstBrokenSeq unlinked problem witnessedSize }
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
const LOG_STATE = gql`
  query AuditLogState {
    auditCheckpoint { treeSize rootHash note signedAt verifierKey }
    auditWitnesses { name kind witnessedSize witnessedAt lag refusal error }
  }
`;
const CHECK_CHECKPOINT = gql`
  query VerifyAuditCheckpoint($checkpoint: String!) {
    verifyAuditCheckpoint(checkpoint: $checkpoint) { signatureValid treeSize held }
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
  auditLogState: () => request<AuditLogState>(LOG_STATE),
  verifyAuditCheckpoint: (checkpoint: string) =>
    request<{ verifyAuditCheckpoint: { signatureValid: boolean; treeSize: number; held: boolean } }>(CHECK_CHECKPOINT, { checkpoint }).then(
      (d) => d.verifyAuditCheckpoint,
    ),
  exportAuditEntries: (filter: AuditFilter, format: ExportFormat) =>
    request<{ exportAuditEntries: string }>(EXPORT, { filter, format }).then((d) => d.exportAuditEntries),
  breakGlassReviewQueue: () => request<{ breakGlassReviewQueue: AuditEntryRow[] }>(QUEUE).then((d) => d.breakGlassReviewQueue),
  reviewBreakGlass: (entryId: string, note?: string) =>
    request<{ reviewBreakGlass: { id: string } }>(REVIEW, { entryId, note: note || null }).then((d) => d.reviewBreakGlass),
};
