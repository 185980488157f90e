/**
 * Citations used by the rules, each with the document and section as given in
 * tests/fixtures/spec/sources (regulations.md, rules_2025.md, copies of the team's specification). "[no section in sources]" marks a rule
 * whose section the sources do not give; "[M]" marks wording the sources hold only from memory.
 */
export const SRC = {
  // QĐ 132-QĐ/TW + HD 21-HD/BTCTW (18/10/2019) — regulations.md §2, rules_2025.md §2
  HD21_EXCLUDED: 'HD 21, II.6 (tiểu mục 6 mục II)',
  HD21_EXEMPT: 'HD 21 [no section in sources]; QĐ 24-QĐ/TW 2021, §7',
  HD21_MEMBER_HTXS: 'HD 21, II.B.2.3 (HTXS)',
  HD21_MEMBER_KHT: 'HD 21, II.B.2.3 (KHT)',
  HD21_MEMBER_BOUND: 'HD 21, II.B.2.3 (HTXS: CBCCVC phải HTXS; HTT/HT [M])',
  HD21_ORG: 'HD 21, II.B.1.3',
  HD21_COLLECTIVE: 'HD 21, II.B.3',
  HD21_LEADER: 'HD 21, II.B.4 [M: section presumed, leader triggers not verified]',
  HD21_CAP_MEMBER: 'HD 21, II.B.2.3 (Lưu ý: ≤ 20% số HTT trong từng TCCSĐ)',
  HD21_CAP_COLLECTIVE: 'HD 21, II.B.3 (≤ 20% số HTT theo từng đối tượng tập thể)',
  // rules-audit.md H5: the organisations' cap sentence is cut in the sources and the leaders' cap is [M]: readings, not the regulation.
  HD21_CAP_ORG: 'HD 21, II.B.1.3 [M: câu «Cấp có thẩm quyền xem xét, quyết định s…» bị cắt; cách đọc: ≤ 20% số HTT của các TCCSĐ (và của các chi bộ trực thuộc) — tham số]',
  HD21_CAP_LEADER: 'HD 21, II.B.4 [M: ≤ 20% số HTT theo nhóm chức vụ tương đồng, chưa xác minh — tham số]',
  // QĐ 124-QĐ/TW (04/10/2023) + HD 25-HD/BTCTW (10/11/2023) — regulations.md §3, rules_2025.md §3
  QD124_SUBJECTS: 'QĐ 124, Điều 5',
  QD124_GRADES: 'QĐ 124, Điều 12',
  QD124_KHT: 'QĐ 124, Điều 12 (KHT; xaydungchinhsach.chinhphu.vn)',
  QD124_CAP: 'QĐ 124, Điều 12 (≤ 20% số HTT theo từng nhóm tương đồng)',
  HD25_UNVERIFIED: 'HD 25 [no section in sources; carried over from HD 21 — verify]',
  // QĐ 366-QĐ/TW (30/8/2025) + HD 43-HD/BTCTW (31/10/2025) — rules_2025.md §1
  QD366_SUBJECTS: 'QĐ 366, Điều 5 khoản 2',
  QD366_REVIEWED_GRADED: 'QĐ 366, Điều 3 khoản 4',
  QD366_HTXS: 'QĐ 366, Điều 11 khoản 1',
  QD366_HTT: 'QĐ 366, Điều 11 khoản 2',
  QD366_HT: 'QĐ 366, Điều 11 khoản 3',
  QD366_KHT: 'QĐ 366, Điều 11 khoản 4',
  QD366_CAP: 'QĐ 366, Điều 11 khoản 1.5',
  QD366_FRAMEWORK: 'QĐ 366, Điều 10, Phụ lục 1–5 (30 + 70 điểm)',
  HD43_SICK: 'HD 43, Mục 7 điểm 7.5',
  HD43_ORG: 'HD 43, Mục 3',
  HD43_TEMPORARY: 'HD 43, Mục 7 điểm 7.6',
  HD43_COMMITTEE_SUSPENDED: 'HD 43, Mục 7 điểm 7.7',
  QD366_NEW_UNIT: 'QĐ 366 / HD 43 [no rule in sources: parameter]',
} as const;
