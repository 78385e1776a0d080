import { AUDITOR, MANAGER, STAFF, STAFF2, SUPERVISOR, type GraphQLResponse, type TestServer } from './server';

/** Helpers of the case-workflow suites: intake, assignment, transitions and audit look-ups over the real API. */

export interface Tokens {
  manager: string;
  staff: string;
  staff2: string;
  supervisor: string;
  auditor: string;
  staffId: string;
}

export async function signIn(s: TestServer): Promise<Tokens> {
  const [manager, staff, staff2, supervisor, auditor] = await Promise.all([s.login(MANAGER), s.login(STAFF), s.login(STAFF2), s.login(SUPERVISOR), s.login(AUDITOR)]);
  const me = await s.gql<{ me: { id: string } }>('{ me { id } }', {}, staff);
  return { manager, staff, staff2, supervisor, auditor, staffId: me.data!.me.id };
}

/** Moves the clock and signs everyone in again (session tokens expire after hours, not years). */
export async function moveClock(s: TestServer, t: Tokens, at: string): Promise<void> {
  s.clock.set(at);
  Object.assign(t, await signIn(s));
}

export const CASE_FIELDS = `id reference type status subjectId assigneeId noMatchingData feeOwedYen feeYen completedOn documentsDestroyOn
  documentsDestroyedAt repliedOn nonDisclosureReasons carriedOutAt outcomeFields allowedTransitions`;

let subjectCounter = 0;

/** A fresh data subject (created by the manager); returns its id. */
export async function newSubject(s: TestServer, manager: string, fields: Record<string, string> = {}): Promise<string> {
  subjectCounter++;
  const vars = {
    category: 'CUSTOMER',
    fullName: `試験 ${'一二三四五六七八九十'[subjectCounter % 10]}郎${subjectCounter}`,
    postalCode: '100-0005',
    postalAddress: '東京都千代田区丸の内1-1-1',
    phone: '03-5555-0000',
    email: `subject${subjectCounter}.${Date.now()}@example.jp`,
    ...fields,
  };
  const res = await s.gql<{ createDataSubject: { id: string } }>(
    `mutation($category: SubjectCategory!, $fullName: String!, $postalCode: String, $postalAddress: String, $phone: String, $email: String, $company: String) {
      createDataSubject(category: $category, fullName: $fullName, postalCode: $postalCode, postalAddress: $postalAddress, phone: $phone, email: $email, company: $company) { id } }`,
    vars,
    manager,
  );
  if (!res.data) throw new Error(`createDataSubject failed: ${res.body}`);
  return res.data.createDataSubject.id;
}

export interface Intake {
  type?: string;
  requester?: string;
  requesterName?: string;
  representativeName?: string | null;
  replyAddress?: string;
  channel?: string;
  receivedOn?: string;
  requestedItems?: Array<{ item: string; description?: string | null }>;
  disclosureMethod?: string;
  periodFrom?: string | null;
  periodTo?: string | null;
  feeYen?: number;
  hasRequestForm?: boolean;
  identityDocument?: string | null;
  hasProxyLetter?: boolean;
  sealCertificateIssuedOn?: string | null;
  subjectId?: string | null;
}

const CREATE = `mutation($type: CaseType!, $requester: RequesterKind!, $requesterName: String!, $representativeName: String, $replyAddress: String!,
  $channel: Channel!, $receivedOn: Date!, $requestedItems: [RequestedItemInput!], $disclosureMethod: DisclosureMethod,
  $periodFrom: Date, $periodTo: Date, $feeYen: Int, $hasRequestForm: Boolean, $identityDocument: IdentityDocument,
  $hasProxyLetter: Boolean, $sealCertificateIssuedOn: Date, $subjectId: ID) {
  createCase(type: $type, requester: $requester, requesterName: $requesterName, representativeName: $representativeName, replyAddress: $replyAddress,
    channel: $channel, receivedOn: $receivedOn, requestedItems: $requestedItems, disclosureMethod: $disclosureMethod,
    periodFrom: $periodFrom, periodTo: $periodTo, feeYen: $feeYen, hasRequestForm: $hasRequestForm,
    identityDocument: $identityDocument, hasProxyLetter: $hasProxyLetter, sealCertificateIssuedOn: $sealCertificateIssuedOn, subjectId: $subjectId) { id } }`;

/** A complete request by the individual (two items, fee paid), recorded by `token`; returns its id. */
export async function recordCase(s: TestServer, token: string, intake: Intake = {}): Promise<string> {
  const vars = {
    type: 'DISCLOSURE',
    requester: 'SELF',
    requesterName: '試験 申請者',
    replyAddress: '〒100-0005 東京都千代田区丸の内1-1-1',
    channel: 'REGISTERED_MAIL',
    receivedOn: '2027-02-26',
    requestedItems: [{ item: 'NAME' }, { item: 'ADDRESS' }],
    feeYen: 2000,
    hasRequestForm: true,
    identityDocument: 'PASSPORT',
    ...intake,
  };
  const res = await s.gql<{ createCase: { id: string } }>(CREATE, vars, token);
  if (!res.data) throw new Error(`createCase failed: ${res.body}`);
  return res.data.createCase.id;
}

/** Recorded by the manager (with its subject) and assigned to the staff member. */
export async function assignedCase(s: TestServer, t: Tokens, intake: Intake = {}): Promise<string> {
  const id = await recordCase(s, t.manager, intake);
  const res = await s.gql('mutation($id: ID!, $a: ID!) { assignCase(id: $id, assigneeId: $a) { id } }', { id, a: t.staffId }, t.manager);
  if (!res.data) throw new Error(`assignCase failed: ${res.body}`);
  return id;
}

export function transition(
  s: TestServer,
  token: string,
  id: string,
  to: string,
  extra: { reasons?: string[]; note?: string; amendments?: Record<string, string | null> } = {},
): Promise<GraphQLResponse> {
  return s.gql(
    `mutation($id: ID!, $to: CaseStatus!, $reasons: [NonDisclosureReason!], $note: String, $amendments: SubjectChangesInput) {
      transitionCase(id: $id, to: $to, reasons: $reasons, note: $note, amendments: $amendments) { ${CASE_FIELDS} } }`,
    { id, to, ...extra },
    token,
  );
}

/** Moves a case through `statuses`, failing loudly on the first refusal. */
export async function moveThrough(s: TestServer, token: string, id: string, statuses: string[]): Promise<Record<string, any>> {
  let last: Record<string, any> = {};
  for (const to of statuses) {
    const res = await transition(s, token, id, to);
    if (!res.data?.transitionCase) throw new Error(`transition to ${to} failed: ${res.body}`);
    last = res.data.transitionCase;
  }
  return last;
}

export async function getCase(s: TestServer, token: string, id: string): Promise<Record<string, any>> {
  const res = await s.gql(`query($id: ID!) { Case(id: $id) { ${CASE_FIELDS} } }`, { id }, token);
  if (!res.data?.Case) throw new Error(`Case failed: ${res.body}`);
  return res.data.Case;
}

export const ruleOf = (res: GraphQLResponse) => res.errors?.[0]?.extensions.rule;
export const codeOf = (res: GraphQLResponse) => res.errors?.[0]?.extensions.code;

export interface AuditRow {
  id: number;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  subject_id: number | null;
  fields: string;
  case_id: number | null;
  reason: string | null;
  outcome: string;
  changes: string | null;
}

export async function lastAuditId(s: TestServer): Promise<number> {
  const [row] = await s.sql('SELECT MAX(id) AS id FROM audit_entry');
  return Number(row.id ?? 0);
}

export async function auditSince(s: TestServer, sinceId: number): Promise<AuditRow[]> {
  const rows = await s.sql<AuditRow>(
    'SELECT id, action, entity_type, entity_id, subject_id, fields, case_id, reason, outcome, changes FROM audit_entry WHERE id > ? ORDER BY id',
    [sinceId],
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), subject_id: r.subject_id === null ? null : Number(r.subject_id), case_id: r.case_id === null ? null : Number(r.case_id) }));
}
