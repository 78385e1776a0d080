import type { CalendarItemStatus } from '@mamori/shared';
import { fiscalYearEnd, fiscalYearOf, fiscalYearStart, japanDay, type Clock } from '../../clock';
import type { Caller } from '../common/caller';
import type { ComplianceCalendarArgs } from './calendar.inputs';
import type { CalendarSource, DueEntry } from './calendar.sources';
import type { CalendarItem, ComplianceCalendar } from './calendar.types';

/** Done, or else overdue the day after its day (or its period), due today on its day (or within its period). */
export function statusOf(e: Pick<DueEntry, 'dueOn' | 'endsOn' | 'done'>, today: string): CalendarItemStatus {
  if (e.done) return 'DONE';
  const last = e.endsOn ?? e.dueOn;
  if (last < today) return 'OVERDUE';
  return e.dueOn <= today ? 'DUE_TODAY' : 'UPCOMING';
}

/**
 * The yearly calendar: what each source (calendar.sources.ts) finds due in
 * one Japanese fiscal year, for the records the caller may read. A read of
 * dates, references and names of records, never of personal data, so it
 * writes no audit entry (as the dashboard).
 */
export class CalendarService {
  constructor(
    private readonly clock: Clock,
    private readonly sources: readonly CalendarSource[],
  ) {}

  async forYear(args: ComplianceCalendarArgs, caller: Caller): Promise<ComplianceCalendar> {
    const today = japanDay(this.clock.now());
    const fiscalYear = args.fiscalYear ?? fiscalYearOf(today);
    const window = { fiscalYear, from: fiscalYearStart(fiscalYear), to: fiscalYearEnd(fiscalYear), today };
    const role = caller.user!.role;
    const wanted = args.kinds?.length ? new Set(args.kinds) : null;
    const chosen = this.sources.filter((s) => s.roles.includes(role) && (!wanted || s.kinds.some((k) => wanted.has(k))));
    const entries = (await Promise.all(chosen.map((s) => s.items(window, caller)))).flat();
    const items = entries
      .filter((e) => window.from <= e.dueOn && e.dueOn <= window.to && (!wanted || wanted.has(e.kind)))
      .map((e): CalendarItem => {
        const status = statusOf(e, today);
        return {
          key: `${e.kind}:${e.keyId ?? e.recordId}`,
          kind: e.kind,
          dueOn: e.dueOn,
          endsOn: e.endsOn ?? null,
          title: e.title,
          resource: e.resource,
          recordId: e.recordId,
          status,
          overdue: status === 'OVERDUE',
        };
      })
      .sort((a, b) => (a.dueOn !== b.dueOn ? (a.dueOn < b.dueOn ? -1 : 1) : a.kind !== b.kind ? (a.kind < b.kind ? -1 : 1) : a.title.localeCompare(b.title, 'ja') || a.recordId - b.recordId));
    return { ...window, items };
  }
}
