import { CASE_STATUSES, type CaseStatus } from '@mamori/shared';
import type { CaseForChart } from './api';

const WAITING: CaseStatus[] = ['RECEIVED', 'VERIFYING', 'IN_PROGRESS'];
export const isOpen = (c: CaseForChart) => c.status !== 'CLOSED';
export const isWaitingForReply = (c: CaseForChart) => WAITING.includes(c.status);

export function countByStatus(cases: CaseForChart[]): Array<{ status: CaseStatus; count: number }> {
  return CASE_STATUSES.map((status) => ({ status, count: cases.filter((c) => c.status === status).length }));
}

/** The Monday (Japan calendar) of a `YYYY-MM-DD` day. */
export function mondayOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const offset = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - offset * 86_400_000).toISOString().slice(0, 10);
}

/** Cases received per week for the `weeks` weeks up to the one holding `today`, split open / closed. */
export function countByWeek(cases: CaseForChart[], today: string, weeks = 8): Array<{ week: string; open: number; closed: number }> {
  const last = mondayOf(today);
  const starts = Array.from({ length: weeks }, (_, i) =>
    new Date(new Date(`${last}T00:00:00Z`).getTime() - (weeks - 1 - i) * 7 * 86_400_000).toISOString().slice(0, 10),
  );
  return starts.map((week) => {
    const inWeek = cases.filter((c) => mondayOf(c.receivedOn) === week);
    return { week, open: inWeek.filter(isOpen).length, closed: inWeek.filter((c) => !isOpen(c)).length };
  });
}

/** Open cases still waiting for a reply, nearest deadline first. */
export function upcomingDeadlines(cases: CaseForChart[], limit = 8): CaseForChart[] {
  return cases
    .filter(isWaitingForReply)
    .sort((a, b) => a.daysLeft - b.daysLeft)
    .slice(0, limit);
}
