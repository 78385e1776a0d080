import { gql } from '@apollo/client';
import type { CalendarItemKind, CalendarItemStatus } from '@mamori/shared';
import { request } from '../graphqlClient';

/** One dated item of the yearly calendar, as the server finds it for the caller's role. */
export interface CalendarItem {
  key: string;
  kind: CalendarItemKind;
  dueOn: string;
  endsOn: string | null;
  title: string;
  resource: string;
  recordId: string;
  status: CalendarItemStatus;
  overdue: boolean;
}

export interface ComplianceCalendar {
  fiscalYear: number;
  from: string;
  to: string;
  today: string;
  items: CalendarItem[];
}

const CALENDAR = gql`
  query ComplianceCalendar($fiscalYear: Int) {
    complianceCalendar(fiscalYear: $fiscalYear) {
      fiscalYear from to today
      items { key kind dueOn endsOn title resource recordId status overdue }
    }
  }
`;

export const calendarApi = {
  complianceCalendar: (fiscalYear: number) => request<{ complianceCalendar: ComplianceCalendar }>(CALENDAR, { fiscalYear }).then((d) => d.complianceCalendar),
};

/** The twelve months of a fiscal year, April to March, as `YYYY-MM`. */
export function monthsOf(fiscalYear: number): string[] {
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((i + 3) % 12) + 1;
    return `${month >= 4 ? fiscalYear : fiscalYear + 1}-${String(month).padStart(2, '0')}`;
  });
}
