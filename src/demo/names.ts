/**
 * Invented people for the demo district. Names are random combinations of common Vietnamese family,
 * middle and given names: a Kinh/Thái pool and a Mông/Dao pool, as Tam Đường's population mixes
 * them. No real person is meant; the given-name lists are split by sex so sex and name agree.
 */
import type { Rng } from './random.js';

export type DemoSex = 'nam' | 'nu';

/** Family names: Kinh and Thái (Lò, Lường, Tao, Đèo, Điêu, Hoàng…). */
const FAMILY_KINH_THAI = [
  'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đỗ', 'Bùi', 'Đặng', 'Ngô', 'Dương', 'Đinh',
  'Lò', 'Lường', 'Tao', 'Đèo', 'Điêu', 'Hà', 'Lù', 'Cầm', 'Vì', 'Quàng', 'Lương', 'Nông',
] as const;
const MIDDLE_KINH_THAI: Record<DemoSex, readonly string[]> = {
  nam: ['Văn', 'Văn', 'Văn', 'Đức', 'Minh', 'Quang', 'Xuân', 'Hữu', 'Công', 'Trung', 'Thanh'],
  nu: ['Thị', 'Thị', 'Thị', 'Thu', 'Ngọc', 'Hồng', 'Thanh', 'Minh', 'Phương', 'Kim'],
};
const GIVEN_KINH_THAI: Record<DemoSex, readonly string[]> = {
  nam: [
    'Hùng', 'Dũng', 'Tuấn', 'Cường', 'Thắng', 'Hải', 'Sơn', 'Long', 'Quyết', 'Toàn', 'Trường', 'Hiếu',
    'Đông', 'Khánh', 'Kiên', 'Lâm', 'Nam', 'Phong', 'Quân', 'Tiến', 'Việt', 'Đạt', 'Huy', 'Tùng',
    'Thái', 'Chiến', 'Bằng', 'Duy', 'Hưng', 'Mạnh', 'Nghĩa', 'Tâm', 'Thành', 'Vinh', 'Xiêng', 'Panh',
  ],
  nu: [
    'Lan', 'Hoa', 'Hương', 'Mai', 'Thảo', 'Nga', 'Hằng', 'Dung', 'Huyền', 'Linh', 'Loan', 'Ngân',
    'Nhung', 'Oanh', 'Phượng', 'Quyên', 'Thủy', 'Trang', 'Tuyết', 'Yến', 'Hạnh', 'Liên', 'Nguyệt', 'Thơm',
    'Xuyến', 'Ánh', 'Bích', 'Diệp', 'Giang', 'Hiền', 'Lý', 'Mơ', 'Ơn', 'Pọm', 'Sương', 'Vân',
  ],
};

/** Family names: Mông and Dao. */
const FAMILY_MONG_DAO = [
  'Giàng', 'Sùng', 'Vàng', 'Lầu', 'Hạng', 'Mùa', 'Thào', 'Lý', 'Tẩn', 'Chảo', 'Phàn', 'Lồ', 'Hầu', 'Vừ',
] as const;
const MIDDLE_MONG_DAO: Record<DemoSex, readonly string[]> = {
  nam: ['A', 'A', 'Seo', 'Văn', 'Láo'],
  nu: ['Thị', 'Thị', 'Thị', 'Xuân'],
};
const GIVEN_MONG_DAO: Record<DemoSex, readonly string[]> = {
  nam: ['Páo', 'Sử', 'Chứ', 'Dình', 'Lử', 'Pó', 'Sính', 'Chinh', 'Tủa', 'Sếnh', 'Chá', 'Vần', 'Kỷ', 'Sì', 'Phù', 'Chẩn'],
  nu: ['Mỷ', 'Dợ', 'Sua', 'Pằng', 'Xí', 'Dung', 'Mẩy', 'Chía', 'Sy', 'Lả', 'Mai', 'Hoa', 'Máy', 'Cở'],
};

/** An invented full name of the given sex; `mongDaoShare` is the chance of the Mông/Dao pool. */
export function inventName(rng: Rng, sex: DemoSex, mongDaoShare: number): string {
  const mongDao = rng.next() < mongDaoShare;
  const family = rng.pick(mongDao ? FAMILY_MONG_DAO : FAMILY_KINH_THAI);
  const middle = rng.pick((mongDao ? MIDDLE_MONG_DAO : MIDDLE_KINH_THAI)[sex]);
  const given = rng.pick((mongDao ? GIVEN_MONG_DAO : GIVEN_KINH_THAI)[sex]);
  return `${family} ${middle} ${given}`;
}

/** The given-name lists, for checks that a name agrees with its sex. */
export function givenNamesOf(sex: DemoSex): ReadonlySet<string> {
  return new Set([...GIVEN_KINH_THAI[sex], ...GIVEN_MONG_DAO[sex]]);
}
