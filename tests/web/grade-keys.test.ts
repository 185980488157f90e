/** The grid's keys (UI.md principle 7): the letters of a grade's code, or 1–4, pick it; arrows move. */
import { describe, expect, it } from 'vitest';
import { arrowMove, gradeFromKeys, isGradeKey } from '../../web/src/workspace/grade-keys.js';

describe('grading from the keyboard', () => {
  it('picks the grade the letters typed spell, the shortest first, or by its number', () => {
    expect(['h', 'ht', 'htt', 'htx', 'htxs', 'k', 'KHT'].map(gradeFromKeys)).toEqual(['HT', 'HT', 'HTT', 'HTXS', 'HTXS', 'KHT', 'KHT']);
    expect(['1', '2', '3', '4', 'ht1'].map(gradeFromKeys)).toEqual(['HTXS', 'HTT', 'HT', 'KHT', 'HTXS']);
    expect(gradeFromKeys('x')).toBeNull();
    expect(gradeFromKeys('')).toBeNull();
  });

  it('takes only the keys of codes and digits into the buffer, and maps the arrows', () => {
    expect(['h', 'T', 'x', 's', 'k', '3'].every(isGradeKey)).toBe(true);
    expect(['a', 'Enter', '5', ' '].some(isGradeKey)).toBe(false);
    expect([arrowMove('ArrowDown'), arrowMove('ArrowLeft'), arrowMove('Tab')]).toEqual([[1, 0], [0, -1], null]);
  });
});
