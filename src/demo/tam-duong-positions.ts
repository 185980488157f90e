/**
 * District-level leader seats of the demo (GDH annex rows, seed §2.2.4): 3 Thường trực Huyện ủy, 7
 * other BTV members, 1 PCT UBND who is a BCH member, 12 heads of department in the BCH, 13 heads
 * outside it, 31 deputies. `unit` is the grassroots organisation whose cell the holder sits in
 * (titles invented in the usual form; when that cell runs short, any agency cell serves).
 */
import type { PositionGroup } from '../domain/codes.js';

export interface DistrictSeat {
  group: PositionGroup;
  title: string;
  unit: string;
}

const s = (group: PositionGroup, unit: string, title: string): DistrictSeat => ({ group, title, unit: `TD-CB-${unit}` });
const head = (unit: string, title: string) => s('huyen.truong_phong_uv_bch', unit, title);
const other = (unit: string, title: string) => s('huyen.truong_phong_khac', unit, title);
const deputy = (unit: string, title: string) => s('huyen.pho_phong', unit, title);

export const DISTRICT_POSITIONS: readonly DistrictSeat[] = [
  s('huyen.bi_thu', 'VPHU', 'Bí thư Huyện ủy'),
  s('huyen.pho_bi_thu', 'VPHU', 'Phó Bí thư Thường trực Huyện ủy, Chủ tịch HĐND huyện'),
  s('huyen.pho_bi_thu', 'VPHDND', 'Phó Bí thư Huyện ủy, Chủ tịch UBND huyện'),
  s('huyen.uv_btv', 'BANTOCHUC', 'Trưởng Ban Tổ chức Huyện ủy'),
  s('huyen.uv_btv', 'UBKT', 'Chủ nhiệm Ủy ban Kiểm tra Huyện ủy'),
  s('huyen.uv_btv', 'BANTUYENGIAO', 'Trưởng Ban Tuyên giáo Huyện ủy'),
  s('huyen.uv_btv', 'BANDANVAN', 'Trưởng Ban Dân vận Huyện ủy, Chủ tịch Ủy ban MTTQ Việt Nam huyện'),
  s('huyen.uv_btv', 'VPHDND', 'Phó Chủ tịch Thường trực UBND huyện'),
  { group: 'huyen.uv_btv', unit: 'TD-DU-QUANSU', title: 'Chỉ huy trưởng Ban Chỉ huy Quân sự huyện' },
  { group: 'huyen.uv_btv', unit: 'TD-DU-CONGAN', title: 'Trưởng Công an huyện' },
  s('huyen.pct_uv_bch', 'VPHDND', 'Phó Chủ tịch UBND huyện'),
  head('VPHU', 'Chánh Văn phòng Huyện ủy'),
  head('TTCHINHTRI', 'Giám đốc Trung tâm Chính trị huyện'),
  head('VPHDND', 'Chánh Văn phòng HĐND và UBND huyện'),
  head('NOIVU', 'Trưởng phòng Nội vụ'),
  head('TCKH', 'Trưởng phòng Tài chính – Kế hoạch'),
  head('NONGNGHIEP', 'Trưởng phòng Nông nghiệp và Phát triển nông thôn'),
  head('GDDT', 'Trưởng phòng Giáo dục và Đào tạo'),
  head('TNMT', 'Trưởng phòng Tài nguyên và Môi trường'),
  head('THANHTRA', 'Chánh Thanh tra huyện'),
  head('HUYENDOAN', 'Bí thư Huyện đoàn'),
  head('HOIPHUNU', 'Chủ tịch Hội Liên hiệp Phụ nữ huyện'),
  head('HOINONGDAN', 'Chủ tịch Hội Nông dân huyện'),
  other('KTHT', 'Trưởng phòng Kinh tế và Hạ tầng'),
  other('LDTBXH', 'Trưởng phòng Lao động – Thương binh và Xã hội'),
  other('VHTT', 'Trưởng phòng Văn hóa và Thông tin'),
  other('TUPHAP', 'Trưởng phòng Tư pháp'),
  other('DANTOC', 'Trưởng phòng Dân tộc'),
  other('VPHDND', 'Trưởng phòng Y tế'),
  other('VHTTTT', 'Giám đốc Trung tâm Văn hóa – Thể thao – Truyền thông'),
  other('BQLDA', 'Giám đốc Ban Quản lý dự án đầu tư xây dựng huyện'),
  other('DVNN', 'Giám đốc Trung tâm Dịch vụ nông nghiệp'),
  other('GDNN', 'Giám đốc Trung tâm GDNN – GDTX huyện'),
  other('PTQD', 'Giám đốc Trung tâm Phát triển quỹ đất'),
  other('HOINONGDAN', 'Chủ tịch Hội Cựu chiến binh huyện'),
  other('MTTQ', 'Phó Chủ tịch Thường trực Ủy ban MTTQ Việt Nam huyện'),
  deputy('VPHU', 'Phó Chánh Văn phòng Huyện ủy'),
  deputy('BANTOCHUC', 'Phó Trưởng Ban Tổ chức Huyện ủy'),
  deputy('UBKT', 'Phó Chủ nhiệm Ủy ban Kiểm tra Huyện ủy'),
  deputy('BANTUYENGIAO', 'Phó Trưởng Ban Tuyên giáo Huyện ủy'),
  deputy('BANDANVAN', 'Phó Trưởng Ban Dân vận Huyện ủy'),
  deputy('TTCHINHTRI', 'Phó Giám đốc Trung tâm Chính trị huyện'),
  deputy('VPHDND', 'Phó Chánh Văn phòng HĐND và UBND huyện'),
  deputy('VPHDND', 'Phó Chánh Văn phòng HĐND và UBND huyện'),
  deputy('NOIVU', 'Phó Trưởng phòng Nội vụ'),
  deputy('TCKH', 'Phó Trưởng phòng Tài chính – Kế hoạch'),
  deputy('TCKH', 'Phó Trưởng phòng Tài chính – Kế hoạch'),
  deputy('KTHT', 'Phó Trưởng phòng Kinh tế và Hạ tầng'),
  deputy('NONGNGHIEP', 'Phó Trưởng phòng Nông nghiệp và Phát triển nông thôn'),
  deputy('NONGNGHIEP', 'Phó Trưởng phòng Nông nghiệp và Phát triển nông thôn'),
  deputy('TNMT', 'Phó Trưởng phòng Tài nguyên và Môi trường'),
  deputy('LDTBXH', 'Phó Trưởng phòng Lao động – Thương binh và Xã hội'),
  deputy('GDDT', 'Phó Trưởng phòng Giáo dục và Đào tạo'),
  deputy('GDDT', 'Phó Trưởng phòng Giáo dục và Đào tạo'),
  deputy('VHTT', 'Phó Trưởng phòng Văn hóa và Thông tin'),
  deputy('THANHTRA', 'Phó Chánh Thanh tra huyện'),
  deputy('TUPHAP', 'Phó Trưởng phòng Tư pháp'),
  deputy('DANTOC', 'Phó Trưởng phòng Dân tộc'),
  deputy('HUYENDOAN', 'Phó Bí thư Huyện đoàn'),
  deputy('HOIPHUNU', 'Phó Chủ tịch Hội Liên hiệp Phụ nữ huyện'),
  deputy('HOINONGDAN', 'Phó Chủ tịch Hội Nông dân huyện'),
  deputy('VHTTTT', 'Phó Giám đốc Trung tâm Văn hóa – Thể thao – Truyền thông'),
  deputy('BQLDA', 'Phó Giám đốc Ban Quản lý dự án đầu tư xây dựng huyện'),
  deputy('DVNN', 'Phó Giám đốc Trung tâm Dịch vụ nông nghiệp'),
  deputy('GDNN', 'Phó Giám đốc Trung tâm GDNN – GDTX huyện'),
  deputy('PTQD', 'Phó Giám đốc Trung tâm Phát triển quỹ đất'),
  deputy('MTTQ', 'Phó Chủ tịch Ủy ban MTTQ Việt Nam huyện'),
];
