/**
 * The one source of time. Services never call `new Date()` themselves, so tests
 * can move time (lock-out expiry, deadlines, retention) without waiting.
 */
export interface Clock {
  now(): Date;
  /** True when the clock does not follow the system time; production refuses it. */
  readonly moved: boolean;
}

export class SystemClock implements Clock {
  readonly moved = false;
  now(): Date {
    return new Date();
  }
}

/** A clock offset from the system time; tests move it with `advance`/`set`. */
export class MovableClock implements Clock {
  constructor(private offsetMs = 0) {}
  get moved(): boolean {
    return this.offsetMs !== 0;
  }
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
  set(at: Date | string): void {
    this.offsetMs = new Date(at).getTime() - Date.now();
  }
}

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar day (`YYYY-MM-DD`) in Japan time of an instant. */
export function japanDay(at: Date): string {
  return new Date(at.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The Japanese fiscal year runs from 1 April to 31 March and is named by the
 * year it starts in; days are Japan days (`japanDay`), so the year turns at
 * midnight in Japan, not UTC.
 */
export function fiscalYearOf(day: string): number {
  const year = Number(day.slice(0, 4));
  return Number(day.slice(5, 7)) >= 4 ? year : year - 1;
}

export const fiscalYearStart = (fiscalYear: number) => `${fiscalYear}-04-01`;
export const fiscalYearEnd = (fiscalYear: number) => `${fiscalYear + 1}-03-31`;

/** `YYYY-MM-DD` plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` plus `months` calendar months, clamped to the month's last day. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const firstOfTarget = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
  firstOfTarget.setUTCDate(Math.min(d, lastDay));
  return firstOfTarget.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
