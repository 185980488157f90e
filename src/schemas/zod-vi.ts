/**
 * zod's messages in Vietnamese: the commonest cases (a missing value, a wrong type, a too short or
 * too long text, a number out of range) said the way users say them, the rest from zod's bundled
 * Vietnamese locale (zod/v4/locales/vi). Used by the API's request validation and by the importer.
 */
import type { z } from 'zod';
import viLocale from 'zod/v4/locales/vi.js';

/** An issue as zod's error map receives it. */
export type RawIssue = Parameters<z.core.$ZodErrorMap>[0];

const zodVi = viLocale().localeError;

const TYPE_VI: Record<string, string> = {
  string: 'chữ',
  number: 'số',
  int: 'số nguyên',
  boolean: 'đúng/sai (true/false)',
  object: 'một đối tượng JSON',
  array: 'một danh sách',
  date: 'ngày',
  bigint: 'số nguyên',
};

/** The Vietnamese message of one issue: the few everyday cases in words, the rest from zod's locale. */
export function messageVi(issue: RawIssue): string | undefined {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return 'bắt buộc phải có, nhưng chưa có giá trị';
    const expected = TYPE_VI[issue.expected];
    if (expected) return `phải là ${expected}`;
  }
  if ((issue.code === 'too_small' || issue.code === 'too_big') && issue.origin === 'string') {
    const n = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
    if (issue.code === 'too_small') return n <= 1 ? 'không được để trống' : `phải có ít nhất ${n} ký tự`;
    return `chỉ được có tối đa ${n} ký tự`;
  }
  if ((issue.code === 'too_small' || issue.code === 'too_big') && issue.origin === 'number') {
    const n = issue.code === 'too_small' ? issue.minimum : issue.maximum;
    const inclusive = issue.inclusive !== false;
    return issue.code === 'too_small' ? `phải ${inclusive ? 'từ' : 'lớn hơn'} ${n} trở lên` : `phải ${inclusive ? 'không quá' : 'nhỏ hơn'} ${n}`;
  }
  const base = zodVi(issue);
  return typeof base === 'string' ? base : base?.message;
}
