/**
 * Dates and amounts the way each language writes them. Days (`…On`) are
 * calendar days in Japan time and are shown as such; instants (`…At`) are
 * shown in Japan time, since that is where the company works.
 */
export type Locale = 'ja' | 'en';

const dayFormats: Record<Locale, Intl.DateTimeFormat> = {
  ja: new Intl.DateTimeFormat('ja-JP', { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: 'numeric', weekday: 'short', timeZone: 'UTC' }),
};
const instantFormats: Record<Locale, Intl.DateTimeFormat> = {
  ja: new Intl.DateTimeFormat('ja-JP', {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone: 'Asia/Tokyo',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone: 'Asia/Tokyo',
  }),
};

export const asLocale = (locale: string | undefined): Locale => (locale === 'en' ? 'en' : 'ja');

/** `2026-06-01` → `2026年6月1日(月)` / `Mon, 1 Jun 2026`. */
export function formatDay(day: string | null | undefined, locale: string): string {
  if (!day) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  return dayFormats[asLocale(locale)].format(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** An ISO instant in Japan time: `2026/06/01 09:00:00` / `1 Jun 2026, 09:00:00`. */
export function formatInstant(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : instantFormats[asLocale(locale)].format(d);
}

/** `3000` → `3,000円` / `¥3,000`. */
export function formatYen(amount: number | null | undefined, locale: string): string {
  if (amount === null || amount === undefined) return '';
  return asLocale(locale) === 'ja' ? `${amount.toLocaleString('ja-JP')}円` : `¥${amount.toLocaleString('en-US')}`;
}

/** Today's day in Japan time, `YYYY-MM-DD` (the server's days are Japan days too). */
export function japanToday(now = new Date()): string {
  return new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}

const shortDayFormats: Record<Locale, Intl.DateTimeFormat> = {
  ja: new Intl.DateTimeFormat('ja-JP', { month: 'long', day: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'short', day: 'numeric', timeZone: 'UTC' }),
};

/** `2026-06-01` → `6月1日` / `1 Jun` (chart axes). */
export function formatShortDay(day: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? shortDayFormats[asLocale(locale)].format(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : day;
}
