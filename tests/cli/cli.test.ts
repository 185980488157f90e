import { createServer, type Server } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { cliEnv } from '../helpers/cli.js';

describe('xeploai CLI', () => {
  const cli = cliEnv();
  afterAll(() => cli.cleanup());

  it('lists its commands grouped and exits 1 without one', async () => {
    const r = await cli.run([]);
    expect(r.code).toBe(1);
    for (const name of ['db migrate', 'demo load', 'serve', 'user enable', 'user reset-password', 'forms check', 'verify', 'report template upload']) {
      expect(r.out).toContain(name);
    }
    const groups = ['Bắt đầu / Getting started:', 'Tài khoản / Users:', 'Đánh giá, xếp loại / Grading:', 'Biểu thống kê / Statistical forms:', 'Báo cáo / Report:'];
    const at = groups.map((g) => r.out.indexOf(g));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // Within a group the order is the group's: serve before db migrate before demo load.
    expect(r.out.indexOf('  serve')).toBeLessThan(r.out.indexOf('  db migrate'));
  });

  it('names an unknown command and exits 1', async () => {
    const r = await cli.run(['frobnicate']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Lệnh không tồn tại: «frobnicate»');
  });

  it.each([[['forms'], ['forms check', 'forms export', 'forms import']], [['user'], ['user create', 'user list', 'user disable', 'user enable', 'user reset-password']], [['report', 'template'], ['report template download', 'report template upload']]])(
    '%j without a subcommand lists its subcommands',
    async (words, names) => {
      const r = await cli.run(words);
      expect(r.code).toBe(1);
      expect(r.err).not.toContain('Lệnh không tồn tại');
      for (const n of names) expect(r.out).toContain(n);
      expect(r.out).not.toContain('serve');
      const help = await cli.run([...words, '--help']);
      expect([help.code, help.out]).toEqual([0, r.out]);
    },
  );

  it.each([['db', 'migrate'], ['demo', 'load'], ['serve'], ['user', 'enable'], ['user', 'reset-password']])('%s %s --help prints usage and exits 0', async (...words) => {
    const r = await cli.run([...words.filter(Boolean), '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`xeploai ${words.filter(Boolean).join(' ')}`);
  });

  it('migrates, then reports the database is up to date', async () => {
    const first = await cli.run(['db', 'migrate']);
    expect(first.code).toBe(0);
    expect(first.out).toContain('0001-initial');
    const second = await cli.run(['db', 'migrate']);
    expect(second.code).toBe(0);
    expect(second.out).toContain('đã ở phiên bản mới nhất');
  });

  it('says an unknown option, a missing value and an extra argument in Vietnamese and English, with the short usage line only', async () => {
    const unknown = await cli.run(['db', 'migrate', '--bogus']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toBe('Lỗi: Tùy chọn không có: «--bogus». / Unknown option "--bogus".\nCách dùng: xeploai db migrate\nXem thêm / More: xeploai db migrate --help\n');
    const missing = await cli.run(['serve', '--port']);
    expect(missing.err).toContain('Thiếu giá trị sau «--port». / Option "--port" needs a value.');
    expect(missing.err).toContain('Cách dùng: xeploai serve [--port N] [--host H] [--no-demo]');
    expect(missing.err).not.toContain('--no-demo    không nạp'); // not the whole help
    const extra = await cli.run(['db', 'migrate', 'thua']);
    expect(extra.err).toContain('Thừa tham số: «thua». / Unexpected argument "thua".');
  });

  it('rejects an invalid port echoing what was typed', async () => {
    const r = await cli.run(['serve', '--port', 'abc']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Cổng (--port) không hợp lệ: «abc»');
  });

  it('says a busy port in words, without a stack trace', async () => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const r = await cli.run(['serve', '--port', String(port), '--host', '127.0.0.1', '--no-demo']);
      expect(r.code).toBe(1);
      expect(r.err).toContain(`Cổng ${port} đang được dùng; dừng chương trình kia hoặc chạy PORT=${port + 1} npm start`);
      expect(r.err).not.toMatch(/at .*\.js:\d+|EADDRINUSE/);
    } finally {
      busy.close();
    }
  });

  it.each(['0', '65', 'hai', '1.5'])('serve --workers %s is refused naming the option, before opening anything', async (n) => {
    const r = await cli.run(['serve', '--workers', n, '--port', '0', '--no-web-build']);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`Số tiến trình (--workers) không hợp lệ: «${n}»`);
  });
});
