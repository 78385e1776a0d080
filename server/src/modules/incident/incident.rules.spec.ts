import * as rules from './incident.rules';

// 2026-06-01 10:00 Japan time
const base: rules.IncidentFacts = {
  detectedAt: '2026-06-01T01:00:00.000Z',
  peopleAffected: 10,
  sensitiveData: true,
  financialLossRisk: false,
  wrongfulPurpose: false,
  preliminaryReportedOn: null,
  finalReportedOn: null,
  individualsNotifiedOn: null,
};

describe('incident rules', () => {
  test('reportable with sensitive data, financial-loss risk, a wrongful purpose, or more than 1,000 people', () => {
    const none = { ...base, sensitiveData: false };
    expect(rules.isReportable(none)).toBe(false);
    expect(rules.isReportable({ ...none, peopleAffected: 1000 })).toBe(false);
    expect(rules.isReportable({ ...none, peopleAffected: 1001 })).toBe(true);
    expect(rules.isReportable({ ...none, financialLossRisk: true })).toBe(true);
    expect(rules.isReportable({ ...none, wrongfulPurpose: true })).toBe(true);
    expect(rules.isReportable(base)).toBe(true);
  });

  test('days count from the day of detection in Japan time', () => {
    // 2026-05-31 23:30 UTC is 2026-06-01 08:30 in Japan
    expect(rules.detectedOn({ detectedAt: '2026-05-31T23:30:00.000Z' })).toBe('2026-06-01');
    expect(rules.detectedOn({ detectedAt: '2026-05-31T14:59:59.000Z' })).toBe('2026-05-31');
  });

  test('preliminary report: flagged after 3 days, overdue after 5', () => {
    expect(rules.preliminaryReportFlagged(base, '2026-06-04')).toBe(false);
    expect(rules.preliminaryReportFlagged(base, '2026-06-05')).toBe(true);
    expect(rules.preliminaryReportOverdue(base, '2026-06-06')).toBe(false);
    expect(rules.preliminaryReportOverdue(base, '2026-06-07')).toBe(true);
    expect(rules.preliminaryReportDueOn(base)).toBe('2026-06-06');
    expect(rules.preliminaryReportOverdue({ ...base, preliminaryReportedOn: '2026-06-03' }, '2026-06-07')).toBe(false);
    expect(rules.preliminaryReportOverdue({ ...base, sensitiveData: false }, '2026-06-07')).toBe(false);
  });

  test('final report: 30 days, 60 with a wrongful purpose', () => {
    expect(rules.finalReportDueOn(base)).toBe('2026-07-01');
    expect(rules.finalReportOverdue(base, '2026-07-01')).toBe(false);
    expect(rules.finalReportOverdue(base, '2026-07-02')).toBe(true);
    const wrongful = { ...base, wrongfulPurpose: true };
    expect(rules.finalReportDueOn(wrongful)).toBe('2026-07-31');
    expect(rules.finalReportOverdue(wrongful, '2026-07-31')).toBe(false);
    expect(rules.finalReportOverdue(wrongful, '2026-08-01')).toBe(true);
  });
});
