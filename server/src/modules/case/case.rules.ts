import { addDays, daysBetween, japanDay } from '../../clock';
import type { Case } from './case.entity';

/** The policy's numbers, in one place. */
export const FEE_PER_ITEM_YEN = 1000;
export const REPLY_DAYS = 14;
export const DOCUMENT_RETENTION_YEARS = 1;

export const isOpen = (c: Pick<Case, 'status'>) => c.status !== 'CLOSED';
export const feeOwedYen = (c: Pick<Case, 'dataItems'>) => FEE_PER_ITEM_YEN * c.dataItems.length;
export const dueOn = (c: Pick<Case, 'receivedOn'>) => addDays(c.receivedOn, REPLY_DAYS);
/** Days until the due day in Japan time; negative once overdue. */
export const daysLeft = (c: Pick<Case, 'receivedOn'>, now: Date) => daysBetween(japanDay(now), dueOn(c));
/** Overdue: still waiting for a reply after the due day. */
export const isOverdue = (c: Pick<Case, 'receivedOn' | 'status'>, now: Date) =>
  ['RECEIVED', 'VERIFYING', 'IN_PROGRESS'].includes(c.status) && daysLeft(c, now) < 0;
