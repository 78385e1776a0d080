import { inherentRisk, isForeignCountry, isPastDue, looksLikeContactData, nextDueAfter, residualWithinInherent } from './ledger.rules';

describe('the ledger rules', () => {
  test('the next review is due a year on; 29 February falls back to 28 February', () => {
    expect(nextDueAfter('2026-04-01')).toBe('2027-04-01');
    expect(nextDueAfter('2028-02-29')).toBe('2029-02-28');
  });

  test('due today is not overdue; the day after is', () => {
    expect(isPastDue('2027-04-01', '2027-04-01')).toBe(false);
    expect(isPastDue('2027-04-01', '2027-04-02')).toBe(true);
  });

  test('inherent risk is likelihood × impact on three levels', () => {
    expect(inherentRisk('LOW', 'LOW')).toBe('LOW');
    expect(inherentRisk('LOW', 'MEDIUM')).toBe('LOW');
    expect(inherentRisk('LOW', 'HIGH')).toBe('MEDIUM');
    expect(inherentRisk('MEDIUM', 'MEDIUM')).toBe('MEDIUM');
    expect(inherentRisk('MEDIUM', 'HIGH')).toBe('HIGH');
    expect(inherentRisk('HIGH', 'HIGH')).toBe('HIGH');
    expect(residualWithinInherent('HIGH', 'MEDIUM')).toBe(false);
    expect(residualWithinInherent('LOW', 'HIGH')).toBe(true);
  });

  test('a foreign country is a real ISO code other than Japan', () => {
    expect(['US', 'SG', 'DE'].map(isForeignCountry)).toEqual([true, true, true]);
    expect(['JP', 'EU', 'ZZ', 'XX', 'us', 'USA', ''].map(isForeignCountry)).toEqual([false, false, false, false, false, false, false]);
  });

  test('e-mail addresses and telephone numbers are contact data; departments, systems and days are not', () => {
    for (const text of ['hr@example.co.jp', '担当 ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｊｐ', '03-1234-5678', '090 1234 5678', '０９０－１２３４－５６７８', '+81-3-1234-5678']) {
      expect({ text, contact: looksLikeContactData(text) }).toEqual({ text, contact: true });
    }
    for (const text of ['人事部', '基幹システム (SAP S/4HANA)', '2026-12-01 以降', '退職後7年', '本社3階 施錠キャビネット No.12', 'ISO 27001']) {
      expect({ text, contact: looksLikeContactData(text) }).toEqual({ text, contact: false });
    }
  });
});
