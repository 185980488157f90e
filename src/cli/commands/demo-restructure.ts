/**
 * `xeploai demo restructure-2025`: carries the demo district through the 2025 restructuring
 * (src/services/demo-restructure-2025.ts): Tam Đường's communes merged into the province's new
 * communes from 1/7/2025, the district level removed, then a 2025 cycle under QĐ 366 on the new
 * tree. The mapping of old communes to new ones is an assumption; the command says so.
 */
import { parseArgs } from 'node:util';
import { formatViInteger } from '../../domain/format/vi-number.js';
import { runRestructure2025 } from '../../services/demo-restructure-2025.js';
import type { CliCommand } from '../command.js';
import { withDb } from '../db.js';

export const demoRestructure: CliCommand = {
  name: ['demo', 'restructure-2025'],
  summary: 'Sắp xếp huyện mẫu theo năm 2025 (bỏ cấp huyện, sáp nhập xã) / The 2025 restructuring on the demo',
  help: `Cách dùng: xeploai demo restructure-2025

Trên huyện mẫu đã nạp (xeploai demo load): từ ngày 01/7/2025 không tổ chức cấp huyện; các xã, thị
trấn của Tam Đường sáp nhập thành các xã mới Bản Bo, Bình Lư, Tả Lèng, Khun Há (Thèn Sin vào Sin Suối
Hồ); các chi bộ, đảng viên chuyển theo, lịch sử được giữ (báo cáo năm 2022 in ra như cũ). Sau đó mở
kỳ đánh giá năm 2025 theo Quy định 366 trên cây mới, tính diện đánh giá và xếp loại một chi bộ.
GIẢ ĐỊNH: nguồn tài liệu không nêu xã cũ nào hợp thành xã mới nào; cách sắp xếp là giả định của bản mẫu.

Usage: xeploai demo restructure-2025
On the loaded demo district: from 1 July 2025 the district level is removed and Tam Đường's communes
merge into the new communes (history kept: the 2022 report prints as before); then a 2025 cycle
under QĐ 366 runs on the new tree. The commune mapping is an assumption, and is said to be one.`,
  async run(args, ctx) {
    parseArgs({ args, options: {}, strict: true });
    const s = await withDb(ctx, (db) => runRestructure2025(db, { actor: 'cli', onProgress: (line) => ctx.io.out(line) }));
    for (const c of s.communes) ctx.io.out(`  ${c.code.padEnd(13)} ${c.name}: ${formatViInteger(c.cells)} chi bộ, từ ${c.from.join(', ')}`);
    ctx.io.out(`  ${s.district.code} kết thúc ngày 01/07/2025; ${formatViInteger(s.district.toProvince.length)} đơn vị chuyển về trực thuộc Tỉnh ủy.`);
    const g = s.cycle.grades;
    ctx.io.out(`Kỳ ${s.cycle.year} (${s.cycle.ruleSet}): ${formatViInteger(s.cycle.subjects)} đối tượng; chi bộ ${s.cycle.gradedCell}: ${g.HTXS} HTXS, ${g.HTT} HTT, ${g.HT} HT, ${g.KHT} KHT.`);
    ctx.io.out(`${s.assumption.vi}\n${s.assumption.en}`);
    return 0;
  },
};
