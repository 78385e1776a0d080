import { reasonsOfCaseType, type CaseStatus, type NonDisclosureReason } from '@mamori/shared';
import { badInput, conflict } from '../../errors';
import type { Case } from './case.entity';
import { feeOwedYen, oldestSealCertificateDay } from './case.rules';

/**
 * The spec's workflow as data and pure checks: which transitions exist, which
 * rules a request must meet before the work starts, and which non-disclosure
 * reasons answer a broken rule. The service applies them; nothing here reads
 * the database.
 */
export type WorkflowRule = 'DOCUMENTS_INCOMPLETE' | 'SEAL_CERTIFICATE_TOO_OLD' | 'FEE_INSUFFICIENT' | 'NO_MATCHING_SUBJECT';

type WorkflowCase = Pick<
  Case,
  | 'type'
  | 'status'
  | 'requester'
  | 'receivedOn'
  | 'requestedItems'
  | 'feeYen'
  | 'hasRequestForm'
  | 'identityDocument'
  | 'hasProxyLetter'
  | 'sealCertificateIssuedOn'
  | 'subjectId'
  | 'noMatchingData'
  | 'repliedOn'
>;

const REQUEST_PATH: Record<CaseStatus, CaseStatus[]> = {
  RECEIVED: ['VERIFYING', 'REJECTED'],
  VERIFYING: ['IN_PROGRESS', 'REJECTED'],
  IN_PROGRESS: ['RESPONDED', 'REJECTED'],
  RESPONDED: ['CLOSED'],
  REJECTED: ['CLOSED'],
  CLOSED: [],
};

/** Inquiries and complaints take the shorter path. */
const SHORT_PATH: Record<CaseStatus, CaseStatus[]> = {
  RECEIVED: ['IN_PROGRESS'],
  VERIFYING: [],
  IN_PROGRESS: ['RESPONDED'],
  RESPONDED: ['CLOSED'],
  REJECTED: [],
  CLOSED: [],
};

export const isShortPath = (c: Pick<Case, 'type'>) => c.type === 'INQUIRY' || c.type === 'COMPLAINT';
export const nextStatuses = (c: Pick<Case, 'type' | 'status'>) => (isShortPath(c) ? SHORT_PATH : REQUEST_PATH)[c.status];

/** Which non-disclosure reasons answer each broken rule in a rejection. */
export const RULE_REASONS: Record<WorkflowRule, NonDisclosureReason[]> = {
  DOCUMENTS_INCOMPLETE: ['DOCUMENT_ERRORS_OR_OMISSIONS', 'IDENTITY_NOT_CONFIRMED', 'PROXY_NOT_CONFIRMED'],
  SEAL_CERTIFICATE_TOO_OLD: ['PROXY_NOT_CONFIRMED', 'DOCUMENT_ERRORS_OR_OMISSIONS'],
  FEE_INSUFFICIENT: ['FEE_MISSING_OR_INSUFFICIENT'],
  NO_MATCHING_SUBJECT: ['NO_MATCHING_DATA', 'IDENTITY_NOT_CONFIRMED', 'PROXY_NOT_CONFIRMED'],
};

/** The documents (and the named data items) still missing. */
export function missingDocuments(c: WorkflowCase): string[] {
  const missing: string[] = [];
  if (!c.hasRequestForm) missing.push('hasRequestForm');
  if (!c.identityDocument) missing.push('identityDocument');
  if (c.requestedItems.length === 0) missing.push('requestedItems');
  if (c.requester === 'REPRESENTATIVE') {
    if (!c.hasProxyLetter) missing.push('hasProxyLetter');
    if (!c.sealCertificateIssuedOn) missing.push('sealCertificateIssuedOn');
  }
  return missing;
}

interface BrokenRule {
  rule: WorkflowRule;
  message: string;
  extra: Record<string, unknown>;
}

/** The rules a request breaks, in the order they are reported. */
export function brokenRules(c: WorkflowCase): BrokenRule[] {
  const broken: BrokenRule[] = [];
  const missing = missingDocuments(c);
  if (missing.length) broken.push({ rule: 'DOCUMENTS_INCOMPLETE', message: 'Documents are missing', extra: { missing } });
  const oldest = oldestSealCertificateDay(c);
  if (c.requester === 'REPRESENTATIVE' && c.sealCertificateIssuedOn && c.sealCertificateIssuedOn < oldest) {
    broken.push({
      rule: 'SEAL_CERTIFICATE_TOO_OLD',
      message: 'The seal certificate was issued more than three months before the request was received',
      extra: { oldestAccepted: oldest },
    });
  }
  const owed = feeOwedYen(c);
  if (c.feeYen < owed) broken.push({ rule: 'FEE_INSUFFICIENT', message: 'The fee received is less than the fee owed', extra: { feeOwedYen: owed } });
  if (c.subjectId === null) broken.push({ rule: 'NO_MATCHING_SUBJECT', message: 'No data subject is linked to this case', extra: {} });
  return broken;
}

/** Reasons stating a fact the case records must be true of it. */
function reasonApplies(c: WorkflowCase, reason: NonDisclosureReason): boolean {
  if (!reasonsOfCaseType(c.type).includes(reason)) return false;
  if (reason === 'FEE_MISSING_OR_INSUFFICIENT') return c.feeYen < feeOwedYen(c);
  if (reason === 'NO_MATCHING_DATA') return c.subjectId === null && c.noMatchingData;
  if (reason === 'PROXY_NOT_CONFIRMED') return c.requester === 'REPRESENTATIVE';
  return true;
}

function checkRejection(c: WorkflowCase, reasons: readonly NonDisclosureReason[]): void {
  if (reasons.length === 0) throw badInput('reasons', 'A rejection states at least one non-disclosure reason');
  for (const reason of reasons) {
    if (!reasonApplies(c, reason)) throw conflict('REASON_NOT_APPLICABLE', `The reason ${reason} does not apply to this case`, { reason });
  }
  for (const broken of brokenRules(c)) {
    const accepted = RULE_REASONS[broken.rule];
    if (!accepted.some((r) => reasons.includes(r))) {
      throw conflict(broken.rule, `${broken.message}; a rejection must state one of: ${accepted.join(', ')}`, {
        ...broken.extra,
        acceptedReasons: accepted,
      });
    }
  }
}

/**
 * Refuses a transition the workflow does not allow, or one that breaks a rule
 * (CONFLICT naming the rule). A rejection passes when it states the reason
 * matching every broken rule.
 */
export function checkTransition(c: WorkflowCase, to: CaseStatus, reasons: readonly NonDisclosureReason[]): void {
  const allowed = nextStatuses(c);
  if (!allowed.includes(to)) {
    throw conflict('INVALID_TRANSITION', `A ${c.type} case cannot go from ${c.status} to ${to}`, { from: c.status, to, allowed });
  }
  if (to === 'REJECTED') return checkRejection(c, reasons);
  if (reasons.length) throw badInput('reasons', 'Non-disclosure reasons are given only with a rejection');
  if (to === 'IN_PROGRESS' && !isShortPath(c)) {
    const [first, ...rest] = brokenRules(c);
    if (first) throw conflict(first.rule, first.message, { ...first.extra, rules: [first.rule, ...rest.map((r) => r.rule)] });
  }
  if (to === 'CLOSED' && !isShortPath(c) && !c.repliedOn) {
    throw conflict('REPLY_NOT_MAILED', 'Record the mailing of the reply letter before closing the case');
  }
}
