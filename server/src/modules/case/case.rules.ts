import { addDays, addMonths, daysBetween, japanDay } from '../../clock';
import type { Case } from './case.entity';

/** The policy's numbers, in one place. */
export const FEE_PER_ITEM_YEN = 1000;
export const REPLY_DAYS = 14;
export const DOCUMENT_RETENTION_MONTHS = 12;
export const SEAL_CERTIFICATE_MAX_AGE_MONTHS = 3;

export const isOpen = (c: Pick<Case, 'status'>) => c.status !== 'CLOSED';
/** Before the work starts: intake fields may still be corrected. */
export const isBeforeWork = (c: Pick<Case, 'status'>) => c.status === 'RECEIVED' || c.status === 'VERIFYING';
export const isCompleted = (c: Pick<Case, 'status'>) => ['RESPONDED', 'REJECTED', 'CLOSED'].includes(c.status);
export const feeOwedYen = (c: Pick<Case, 'requestedItems'>) => FEE_PER_ITEM_YEN * c.requestedItems.length;
export const dueOn = (c: Pick<Case, 'receivedOn'>) => addDays(c.receivedOn, REPLY_DAYS);
/** Days until the due day in Japan time; negative once overdue. */
export const daysLeft = (c: Pick<Case, 'receivedOn'>, now: Date) => daysBetween(japanDay(now), dueOn(c));
/** Overdue: still waiting for a reply after the due day. */
export const isOverdue = (c: Pick<Case, 'receivedOn' | 'status'>, now: Date) =>
  ['RECEIVED', 'VERIFYING', 'IN_PROGRESS'].includes(c.status) && daysLeft(c, now) < 0;
/** Submitted documents are kept one year after the response is completed, then destroyed. */
export const documentsDestroyOn = (c: Pick<Case, 'completedOn'>) =>
  c.completedOn ? addMonths(c.completedOn, DOCUMENT_RETENTION_MONTHS) : null;
/** The oldest issue day a representative's seal certificate may have: receipt minus three calendar months. */
export const oldestSealCertificateDay = (c: Pick<Case, 'receivedOn'>) => addMonths(c.receivedOn, -SEAL_CERTIFICATE_MAX_AGE_MONTHS);
