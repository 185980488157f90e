/** The demo default: on for the embedded SQLite, off on PostgreSQL (a real installation) unless XEPLOAI_DEMO=1. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

const PG = 'postgres://postgres@127.0.0.1:5432/test';

describe('loadConfig demo and proxy settings', () => {
  it.each([
    [{}, true],
    [{ XEPLOAI_DEMO: '0' }, false],
    [{ DATABASE_URL: PG }, false],
    [{ DATABASE_URL: PG, XEPLOAI_DEMO: '1' }, true],
    [{ DATABASE_URL: PG, XEPLOAI_DEMO: 'true' }, true],
    [{ DATABASE_URL: PG, XEPLOAI_DEMO: '0' }, false],
  ])('%j loads the demo: %s', (env, demo) => {
    expect(loadConfig(env).loadDemoWhenEmpty).toBe(demo);
  });

  it('--no-demo wins over XEPLOAI_DEMO=1', () => {
    expect(loadConfig({ XEPLOAI_DEMO: '1' }, { loadDemoWhenEmpty: false }).loadDemoWhenEmpty).toBe(false);
  });

  it('trusts X-Forwarded-For only when XEPLOAI_TRUST_PROXY=1', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ XEPLOAI_TRUST_PROXY: '1' }).trustProxy).toBe(true);
    expect(loadConfig({ XEPLOAI_TRUST_PROXY: '1' }).trustedProxies).toEqual(['127.0.0.1', '::1']);
    expect(loadConfig({ XEPLOAI_TRUST_PROXY: '10.0.0.5, 10.0.0.6' }).trustedProxies).toEqual(['10.0.0.5', '10.0.0.6']);
    expect(() => loadConfig({ XEPLOAI_TRUST_PROXY: 'proxy.example' })).toThrow(/XEPLOAI_TRUST_PROXY/);
  });

  it('names an invalid PORT as typed', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow('Invalid port (PORT): "abc"');
  });
});
