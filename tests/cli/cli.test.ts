import { afterAll, describe, expect, it } from 'vitest';
import { cliEnv } from '../helpers/cli.js';

describe('xeploai CLI', () => {
  const cli = cliEnv();
  afterAll(() => cli.cleanup());

  it('lists its commands and exits 1 without one', async () => {
    const r = await cli.run([]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('db migrate');
    expect(r.out).toContain('demo load');
    expect(r.out).toContain('serve');
  });

  it('names an unknown command and exits 1', async () => {
    const r = await cli.run(['frobnicate']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Lệnh không tồn tại: «frobnicate»');
  });

  it.each([['db', 'migrate'], ['demo', 'load'], ['serve']])('%s %s --help prints usage and exits 0', async (...words) => {
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

  it('rejects an unknown option with a message and exit 1', async () => {
    const r = await cli.run(['db', 'migrate', '--bogus']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('--bogus');
  });

  it('rejects an invalid port naming it', async () => {
    const r = await cli.run(['serve', '--port', 'abc']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('PORT');
  });
});
