import { fiscalYearEnd, fiscalYearOf, fiscalYearStart } from '../../clock';

describe('the Japanese fiscal year', () => {
  test('31 March belongs to the year begun the April before, 1 April starts the next', () => {
    expect(fiscalYearOf('2027-03-31')).toBe(2026);
    expect(fiscalYearOf('2027-04-01')).toBe(2027);
    expect(fiscalYearOf('2026-12-31')).toBe(2026);
    expect(fiscalYearOf('2027-01-01')).toBe(2026);
  });

  test('a fiscal year spans 1 April to 31 March', () => {
    expect([fiscalYearStart(2026), fiscalYearEnd(2026)]).toEqual(['2026-04-01', '2027-03-31']);
  });
});
