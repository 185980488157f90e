import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createUser } from '../../db/queries/users.js';
import { ROLE_LABELS, ROLES } from '../../domain/access.js';
import { AppError } from '../../domain/errors.js';
import { hashPassword } from '../../services/passwords.js';
import { withDb } from '../db.js';
import type { CliCommand, CliIo } from '../command.js';

/** Shortest password accepted from stdin. */
const MIN_PASSWORD = 8;

function missing(option: string): AppError {
  return new AppError('ValidationFailed', { vi: `Thiếu tùy chọn --${option}.`, en: `Missing option --${option}.` }, { field: option });
}

/** The password from stdin (one trailing newline dropped), or a generated one to print once. */
export async function passwordFrom(io: CliIo, fromStdin: boolean): Promise<{ password: string; generated: boolean }> {
  if (!fromStdin) return { password: randomBytes(12).toString('base64url'), generated: true };
  const password = (io.readStdin ? await io.readStdin() : '').replace(/\r?\n$/, '');
  if ([...password].length < MIN_PASSWORD) {
    throw new AppError(
      'ValidationFailed',
      { vi: `Mật khẩu đọc từ đầu vào chuẩn phải có ít nhất ${MIN_PASSWORD} ký tự.`, en: `The password read from stdin must have at least ${MIN_PASSWORD} characters.` },
      { field: 'password' },
    );
  }
  return { password, generated: false };
}

export const userCreate: CliCommand = {
  name: ['user', 'create'],
  summary: 'Tạo tài khoản người dùng / Create a user',
  help: `Cách dùng: xeploai user create --username TÊN --role VAI_TRÒ --scope MÃ_ĐƠN_VỊ [--name "Họ tên"] [--password-stdin]

Tạo một tài khoản đăng nhập. Không hỏi gì thêm: mật khẩu đọc từ đầu vào chuẩn khi có
--password-stdin (ít nhất ${MIN_PASSWORD} ký tự), nếu không thì được sinh ngẫu nhiên và in ra MỘT lần.

  --username TÊN     tên đăng nhập: chữ không dấu, chữ số, . - _ (2–64 ký tự)
  --role VAI_TRÒ     ${ROLES.map((r) => `${r} (${ROLE_LABELS[r]})`).join(', ')}
  --scope MÃ         mã đơn vị phạm vi: tài khoản làm việc trong đơn vị này và các đơn vị trực thuộc
  --name "Họ tên"    tên hiển thị (mặc định: tên đăng nhập)
  --password-stdin   đọc mật khẩu từ đầu vào chuẩn

Ví dụ: printf '%s' 'mật-khẩu-dài' | xeploai user create --username bantochuc --role compiler --scope HU-TAMDUONG --password-stdin

Usage: xeploai user create --username U --role R --scope UNITCODE [--name "…"] [--password-stdin] —
creates a user; the password comes from stdin, or is generated and printed once.`,
  async run(args, ctx) {
    const { values } = parseArgs({
      args,
      options: { username: { type: 'string' }, role: { type: 'string' }, scope: { type: 'string' }, name: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
      strict: true,
    });
    if (!values.username) throw missing('username');
    if (!values.role) throw missing('role');
    if (!values.scope) throw missing('scope');
    const { password, generated } = await passwordFrom(ctx.io, values['password-stdin'] === true);
    const input = { username: values.username, displayName: values.name, role: values.role, scopeUnitCode: values.scope };
    return withDb(ctx, async (db) => {
      const user = await createUser(db, { ...input, passwordHash: await hashPassword(password) });
      ctx.io.out(`Đã tạo tài khoản «${user.username}» (${ROLE_LABELS[user.role]}, phạm vi ${user.scopeUnitCode}).`);
      if (generated) ctx.io.out(`Mật khẩu (chỉ hiện một lần, hãy ghi lại): ${password}`);
      return 0;
    });
  },
};
