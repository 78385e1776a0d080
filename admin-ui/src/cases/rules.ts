import type { CaseStatus, CaseType, RequesterKind } from '@mamori/shared';

/**
 * The policy's rules as the case page explains them before anyone presses a
 * button. The server decides (and answers CONFLICT with extensions.rule); this
 * only shows the same facts up front.
 */
export interface CaseFacts {
  type: CaseType;
  status: CaseStatus;
  requester: RequesterKind;
  receivedOn: string;
  requestedItems: unknown[];
  feeYen: number;
  feeOwedYen: number;
  hasRequestForm: boolean;
  identityDocument?: string | null;
  hasProxyLetter: boolean;
  sealCertificateIssuedOn?: string | null;
  subjectId?: string | null;
}

/** The same calendar arithmetic as the server's clock.addMonths (clamped to the month's last day). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

export const oldestSealCertificateDay = (c: Pick<CaseFacts, 'receivedOn'>) => addMonths(c.receivedOn, -3);
export const isShortPath = (c: Pick<CaseFacts, 'type'>) => c.type === 'INQUIRY' || c.type === 'COMPLAINT';

/** The rules that would refuse moving this case to IN_PROGRESS, in the server's order. */
export function blockingRules(c: CaseFacts): string[] {
  if (isShortPath(c)) return [];
  const rules: string[] = [];
  const representative = c.requester === 'REPRESENTATIVE';
  if (!c.hasRequestForm || !c.identityDocument || c.requestedItems.length === 0 || (representative && (!c.hasProxyLetter || !c.sealCertificateIssuedOn))) {
    rules.push('DOCUMENTS_INCOMPLETE');
  }
  if (representative && c.sealCertificateIssuedOn && c.sealCertificateIssuedOn < oldestSealCertificateDay(c)) rules.push('SEAL_CERTIFICATE_TOO_OLD');
  if (c.feeYen < c.feeOwedYen) rules.push('FEE_INSUFFICIENT');
  if (!c.subjectId) rules.push('NO_MATCHING_SUBJECT');
  return rules;
}
