import type { DateStyle } from '@mamori/shared';

/**
 * Days in letters. Japanese letters write Western (2026年12月2日) or the
 * Japanese era (令和8年12月2日, 令和元年5月1日), as the organisation profile
 * says; the era comes from ICU's Japanese calendar (Node ships full ICU), so a
 * new era arrives with the runtime instead of a hand-kept table.
 */
const ERA = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const parts = (day: string) => ({ year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)), date: Number(day.slice(8, 10)) });

export function japaneseDate(day: string, style: DateStyle): string {
  if (style === 'JAPANESE_ERA') return ERA.format(new Date(`${day}T00:00:00Z`));
  const { year, month, date } = parts(day);
  return `${year}年${month}月${date}日`;
}

export function englishDate(day: string): string {
  const { year, month, date } = parts(day);
  return `${date} ${MONTHS[month - 1]} ${year}`;
}
