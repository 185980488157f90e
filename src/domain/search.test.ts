import { describe, expect, it } from 'vitest';
import { matchesSearch, searchWords } from './search.js';

describe('search ignoring diacritics', () => {
  it('"dong" finds "Đồng", whatever the case or the Unicode form typed', () => {
    expect(matchesSearch(searchWords('dong'), 'Chi bộ Bản Đồng Pầu')).toBe(true);
    expect(matchesSearch(searchWords('ĐỒNG pau'), 'Chi bộ Bản Đồng Pầu')).toBe(true);
    expect(matchesSearch(searchWords('Đồng'.normalize('NFD')), 'Chi bộ Bản Đồng Pầu')).toBe(true);
    expect(matchesSearch(searchWords('dong xa'), 'Chi bộ Bản Đồng Pầu')).toBe(false);
  });

  it('matches a code typed in any case, and nothing for an empty query', () => {
    expect(matchesSearch(searchWords('td-du-tttamduong-cb01'), 'Chi bộ Tổ dân phố số 1', 'TD-DU-TTTAMDUONG-CB01')).toBe(true);
    expect(matchesSearch(searchWords('  '), 'Chi bộ')).toBe(false);
  });
});
