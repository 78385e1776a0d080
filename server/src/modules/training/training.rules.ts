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

/** Score bounds of a comprehension test. */
export const MIN_SCORE = 0;
export const MAX_SCORE = 100;
