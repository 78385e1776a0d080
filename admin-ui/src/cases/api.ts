import { gql } from '@apollo/client';
import type { CaseStatus, NonDisclosureReason, SubjectCategory } from '@mamori/shared';
import { toHttpError } from '../errors';
import { request } from '../graphqlClient';
import { session } from '../session';

export interface RetentionResult {
  casesPurged: number;
  documentsDestroyed: number;
  provisionsPastRetention: number;
  ranAt: string;
}

export interface SubjectMatch {
  id: string;
  maskedName: string;
  category: SubjectCategory;
}

export type SubjectChanges = Partial<Record<'fullName' | 'fullNameKana' | 'postalCode' | 'postalAddress' | 'phone' | 'email' | 'company' | 'division' | 'title', string>>;

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
const LINK = gql`
  mutation LinkCaseSubject($id: ID!, $subjectId: ID!) {
    linkCaseSubject(id: $id, subjectId: $subjectId) { id subjectId }
  }
`;
const NO_MATCH = gql`
  mutation RecordNoMatchingData($id: ID!) {
    recordNoMatchingData(id: $id) { id noMatchingData }
  }
`;
const TRANSITION = gql`
  mutation TransitionCase($id: ID!, $to: CaseStatus!, $reasons: [NonDisclosureReason!], $note: String, $amendments: SubjectChangesInput) {
    transitionCase(id: $id, to: $to, reasons: $reasons, note: $note, amendments: $amendments) { id status }
  }
`;
const CARRY_OUT = gql`
  mutation CarryOutCase($id: ID!, $amendments: SubjectChangesInput) {
    carryOutCase(id: $id, amendments: $amendments) { id carriedOutAt }
  }
`;
const REPLY_MAILED = gql`
  mutation RecordReplyMailed($id: ID!, $mailedOn: Date!) {
    recordReplyMailed(id: $id, mailedOn: $mailedOn) { id repliedOn }
  }
`;
const RETENTION = gql`
  mutation RunRetention {
    runRetention { casesPurged documentsDestroyed provisionsPastRetention ranAt }
  }
`;
const LETTER = gql`
  query CaseReplyLetter($id: ID!, $language: LetterLanguage!) {
    caseReplyLetter(id: $id, language: $language)
  }
`;

const SAVE_ELECTRONIC = gql`
  mutation SaveElectronicReply($id: ID!, $language: LetterLanguage!) {
    saveElectronicReply(id: $id, language: $language) { id kind }
  }
`;

/** Case documents travel over plain HTTP (scans do not fit a JSON body), with the same token. */
async function documentRequest(path: string, init: RequestInit = {}): Promise<Response> {
  const token = session.token();
  const res = await fetch(path, { ...init, headers: { ...(init.headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  if (!res.ok) {
    const body = await res.json().catch(() => ({}));
    throw toHttpError({ errors: body.errors ?? [{ message: res.statusText, extensions: { code: res.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL_SERVER_ERROR' } }] });
  }
  return res;
}

export const caseApi = {
  assignCase: (id: string, assigneeId: string) => request(ASSIGN, { id, assigneeId }),
  /** Candidates with masked names only; the search itself is audited under the case. */
  matchDataSubjects: (caseId: string, query: string) =>
    request<{ matchDataSubjects: SubjectMatch[] }>(MATCH, { caseId, query }).then((d) => d.matchDataSubjects),
  linkCaseSubject: (id: string, subjectId: string) => request(LINK, { id, subjectId }),
  recordNoMatchingData: (id: string) => request(NO_MATCH, { id }),
  transitionCase: (id: string, to: CaseStatus, reasons: NonDisclosureReason[], note?: string, amendments?: SubjectChanges) =>
    request(TRANSITION, { id, to, reasons: reasons.length ? reasons : null, note: note || null, amendments: amendments ?? null }),
  carryOutCase: (id: string, amendments?: SubjectChanges) => request(CARRY_OUT, { id, amendments: amendments ?? null }),
  recordReplyMailed: (id: string, mailedOn: string) => request(REPLY_MAILED, { id, mailedOn }),
  runRetention: () => request<{ runRetention: RetentionResult }>(RETENTION).then((d) => d.runRetention),
  /** The print-ready letter (HTML); generating it is an audited read. */
  caseReplyLetter: (id: string, language: 'ja' | 'en') =>
    request<{ caseReplyLetter: string }>(LETTER, { id, language }).then((d) => d.caseReplyLetter),
  /** The electronic record the individual asked for: the letter saved as a document of the case. */
  saveElectronicReply: (id: string, language: 'ja' | 'en') => request(SAVE_ELECTRONIC, { id, language }),
  uploadCaseDocument: async (caseId: string, kind: string, file: File) => {
    const res = await documentRequest(`/api/cases/${encodeURIComponent(caseId)}/documents?kind=${encodeURIComponent(kind)}`, {
      method: 'POST',
      headers: { 'content-type': file.type || 'application/octet-stream' },
      body: file,
    });
    return res.json();
  },
  /** Every download is an audited DOWNLOAD on the server. */
  downloadCaseDocument: async (caseId: string, documentId: string): Promise<{ blob: Blob; filename: string }> => {
    const res = await documentRequest(`/api/cases/${encodeURIComponent(caseId)}/documents/${encodeURIComponent(documentId)}`);
    const filename = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `document-${documentId}`;
    return { blob: await res.blob(), filename };
  },
};
