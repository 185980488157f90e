import { describe, expect, it } from 'vitest';
import { unitState } from './unit-state.js';

describe('unit state for the tree and the dashboard', () => {
  const base = { timing: null, deadline: '2023-12-08', today: '2023-12-04', anyGraded: false };
  it('reads the report first, then the deadline, then whether anything is graded', () => {
    expect(unitState({ ...base, status: 'none' }).state).toBe('not_started');
    expect(unitState({ ...base, status: 'draft', anyGraded: true }).state).toBe('in_progress');
    expect(unitState({ ...base, status: 'submitted' }).state).toBe('submitted');
    expect(unitState({ ...base, status: 'locked' }).state).toBe('accepted');
    expect(unitState({ ...base, status: 'returned' }).state).toBe('returned');
    expect(unitState({ ...base, status: 'none', today: '2023-12-11' })).toMatchObject({ state: 'late', late: true });
  });

  it('counts the working days left by the Labour Code calendar (a weekend is not counted)', () => {
    // Mon 4 Dec 2023 → Fri 8 Dec 2023: Tue, Wed, Thu, Fri.
    expect(unitState({ ...base, status: 'none' }).workingDaysLeft).toBe(4);
    // Fri 8 → Mon 11: one working day past.
    expect(unitState({ ...base, status: 'none', today: '2023-12-11' }).workingDaysLeft).toBe(-1);
    expect(unitState({ ...base, status: 'none', deadline: null }).workingDaysLeft).toBeNull();
  });
});
