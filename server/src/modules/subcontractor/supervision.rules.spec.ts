import { expiringSoon, flaggedNonCompliant, inForce, nextReviewDue, renewed, standing, type ReviewOutcome } from './supervision.rules';

const agreement = { id: 1, effectiveFrom: '2026-01-01', expiresOn: '2026-06-30' };
const review = (id: number, reviewedOn: string, result: ReviewOutcome['result'], next = '2027-01-01'): ReviewOutcome => ({
  id,
  reviewedOn,
  result,
  nextReviewDue: next,
});
const active = { active: true, meetsStandards: true, lastAssessedOn: '2026-01-01' };

describe('supervision rules', () => {
  test('an agreement is in force from effectiveFrom through expiresOn, both included', () => {
    expect(inForce(agreement, '2025-12-31')).toBe(false);
    expect(inForce(agreement, '2026-01-01')).toBe(true);
    expect(inForce(agreement, '2026-06-30')).toBe(true);
    expect(inForce(agreement, '2026-07-01')).toBe(false);
  });

  test('expiring soon: 30 days before expiresOn yes, 31 days no, expired no', () => {
    expect(expiringSoon(agreement, '2026-05-31')).toBe(true); // 30 days
    expect(expiringSoon(agreement, '2026-05-30')).toBe(false); // 31 days
    expect(expiringSoon(agreement, '2026-06-30')).toBe(true);
    expect(expiringSoon(agreement, '2026-07-01')).toBe(false);
  });

  test('a following agreement without a gap renews; one starting two days late does not', () => {
    expect(renewed(agreement, [agreement, { id: 2, effectiveFrom: '2026-07-01', expiresOn: '2027-06-30' }])).toBe(true);
    expect(renewed(agreement, [agreement, { id: 2, effectiveFrom: '2026-07-02', expiresOn: '2027-06-30' }])).toBe(false);
    expect(renewed(agreement, [agreement])).toBe(false);
  });

  test('NON_COMPLIANT flags until a later COMPLIANT review; FINDINGS does not lift it', () => {
    const reviews = [review(1, '2026-02-01', 'NON_COMPLIANT'), review(2, '2026-03-01', 'FINDINGS'), review(3, '2026-04-01', 'COMPLIANT')];
    expect(flaggedNonCompliant(reviews, '2026-01-31')).toBe(false);
    expect(flaggedNonCompliant(reviews, '2026-02-01')).toBe(true);
    expect(flaggedNonCompliant(reviews, '2026-03-15')).toBe(true);
    expect(flaggedNonCompliant(reviews, '2026-04-01')).toBe(false);
  });

  test('same-day reviews count in the order recorded', () => {
    expect(flaggedNonCompliant([review(1, '2026-02-01', 'COMPLIANT'), review(2, '2026-02-01', 'NON_COMPLIANT')], '2026-02-01')).toBe(true);
    expect(flaggedNonCompliant([review(1, '2026-02-01', 'NON_COMPLIANT'), review(2, '2026-02-01', 'COMPLIANT')], '2026-02-01')).toBe(false);
  });

  test('the next review is set by the latest review, else 12 months after the assessment', () => {
    expect(nextReviewDue(active, [review(1, '2026-02-01', 'COMPLIANT', '2026-08-01'), review(2, '2026-01-15', 'COMPLIANT', '2026-05-01')])).toBe(
      '2026-08-01',
    );
    expect(nextReviewDue(active, [])).toBe('2027-01-01');
    expect(nextReviewDue({ ...active, lastAssessedOn: null }, [])).toBeNull();
  });

  test('standing lists every reason a subcontractor may not receive data', () => {
    const ok = standing(active, [agreement], [review(1, '2026-02-01', 'COMPLIANT', '2026-08-01')], '2026-03-01');
    expect(ok).toMatchObject({ allowedToReceiveData: true, notAllowedBecause: [], agreementExpiresOn: '2026-06-30', reviewOverdue: false });
    const bad = standing({ active: false, meetsStandards: false, lastAssessedOn: null }, [agreement], [review(1, '2026-02-01', 'NON_COMPLIANT')], '2026-07-01');
    expect(bad.notAllowedBecause).toEqual(['SUBCONTRACTOR_INACTIVE', 'NO_AGREEMENT_IN_FORCE', 'SUBCONTRACTOR_NON_COMPLIANT', 'DOES_NOT_MEET_STANDARDS']);
    expect(bad.allowedToReceiveData).toBe(false);
  });

  test('a review is overdue the day after nextReviewDue, not on it', () => {
    const reviews = [review(1, '2026-02-01', 'COMPLIANT', '2026-08-01')];
    expect(standing(active, [], reviews, '2026-08-01').reviewOverdue).toBe(false);
    expect(standing(active, [], reviews, '2026-08-02').reviewOverdue).toBe(true);
    expect(standing({ ...active, active: false }, [], reviews, '2026-08-02').reviewOverdue).toBe(false);
  });
});
