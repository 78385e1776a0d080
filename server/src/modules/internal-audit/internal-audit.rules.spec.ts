import { awaitsVerification, isOverdue } from './internal-audit.rules';

describe('corrective action flags', () => {
  const open = { dueOn: '2027-03-31', completedOn: null, effective: null };
  test('overdue only after its due day, and never once taken', () => {
    expect(isOverdue(open, '2027-03-31')).toBe(false);
    expect(isOverdue(open, '2027-04-01')).toBe(true);
    expect(isOverdue({ ...open, completedOn: '2027-03-30' }, '2027-04-01')).toBe(false);
  });
  test('a taken action waits for verification until verified effective', () => {
    expect(awaitsVerification({ completedOn: '2027-03-30', effective: null })).toBe(true);
    expect(awaitsVerification({ completedOn: '2027-03-30', effective: true })).toBe(false);
    expect(awaitsVerification(open)).toBe(false);
  });
});
