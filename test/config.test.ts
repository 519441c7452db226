import { describe, expect, it } from 'vitest';
import { isLoopbackHostname, loadConfig } from '../src/config.js';

const base = { JOBDESK_BASE_URL: 'https://acme.jobdesk.ch' };

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const loaded = loadConfig(base);
    expect(loaded).toEqual({
      ok: true,
      config: {
        baseUrl: new URL('https://acme.jobdesk.ch'),
        timeoutMs: 15_000,
        cacheTtlSeconds: 60,
        maxResponseBytes: 128 * 1024 * 1024,
      },
    });
  });

  it('keeps credentials when both are set, password untrimmed', () => {
    const loaded = loadConfig({ ...base, JOBDESK_EMAIL: ' anna@acme.ch ', JOBDESK_PASSWORD: ' pass word ' });
    expect(loaded.ok && loaded.config.credentials).toEqual({ emailAddress: 'anna@acme.ch', password: ' pass word ' });
  });

  it.each([
    ['https://acme.jobdesk.ch/', 'https://acme.jobdesk.ch/'],
    ['https://acme.jobdesk.ch/tenant/', 'https://acme.jobdesk.ch/tenant'],
    ['https://acme.jobdesk.ch/?x=1#y', 'https://acme.jobdesk.ch/'],
    ['http://localhost:5000', 'http://localhost:5000/'],
    ['http://127.0.0.1:5000', 'http://127.0.0.1:5000/'],
    ['http://127.1.2.3', 'http://127.1.2.3/'],
    ['http://[::1]:8080', 'http://[::1]:8080/'],
  ])('accepts %s', (raw, href) => {
    const loaded = loadConfig({ JOBDESK_BASE_URL: raw });
    expect(loaded.ok && loaded.config.baseUrl.href).toBe(href);
  });

  it.each([
    [{}, 'JOBDESK_BASE_URL is not set'],
    [{ JOBDESK_BASE_URL: '  ' }, 'JOBDESK_BASE_URL is not set'],
    [{ JOBDESK_BASE_URL: 'acme.jobdesk.ch' }, 'JOBDESK_BASE_URL is not a valid URL'],
    [{ JOBDESK_BASE_URL: 'http://acme.jobdesk.ch' }, 'must use https'],
    [{ JOBDESK_BASE_URL: 'http://10.0.0.5' }, 'must use https'],
    [{ JOBDESK_BASE_URL: 'http://127.0.0.1.evil.example' }, 'must use https'],
    [{ JOBDESK_BASE_URL: 'ftp://acme.jobdesk.ch' }, 'must use https'],
    [{ JOBDESK_BASE_URL: 'https://user:pw@acme.jobdesk.ch' }, 'must not contain a user name or password'],
    [{ ...base, JOBDESK_EMAIL: 'anna@acme.ch' }, 'JOBDESK_PASSWORD is not'],
    [{ ...base, JOBDESK_PASSWORD: 'secret' }, 'JOBDESK_EMAIL is not'],
    [{ ...base, JOBDESK_EMAIL: 'anna', JOBDESK_PASSWORD: 'secret' }, 'JOBDESK_EMAIL is not a valid email address'],
    [{ ...base, JOBDESK_TIMEOUT_MS: 'fast' }, 'JOBDESK_TIMEOUT_MS must be a whole number'],
    [{ ...base, JOBDESK_TIMEOUT_MS: '0' }, 'JOBDESK_TIMEOUT_MS must be a whole number'],
    [{ ...base, JOBDESK_CACHE_TTL_SECONDS: '-1' }, 'JOBDESK_CACHE_TTL_SECONDS must be a whole number'],
    [{ ...base, JOBDESK_MAX_RESPONSE_MB: '1.5' }, 'JOBDESK_MAX_RESPONSE_MB must be a whole number'],
  ])('refuses %o, saying %s', (environment, message) => {
    const loaded = loadConfig(environment);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.problem).toContain(message);
  });

  it('never repeats the password in a problem', () => {
    const loaded = loadConfig({ JOBDESK_BASE_URL: 'http://x.example', JOBDESK_PASSWORD: 'hunter2-secret' });
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.problem).not.toContain('hunter2-secret');
  });

  it('takes an MCP Bundle field the user left empty as unset', () => {
    const loaded = loadConfig({
      ...base,
      JOBDESK_EMAIL: '${user_config.email}',
      JOBDESK_PASSWORD: '${user_config.password}',
    });
    expect(loaded.ok && loaded.config.credentials).toBeUndefined();
    const empty = loadConfig({ ...base, JOBDESK_EMAIL: '', JOBDESK_PASSWORD: '' });
    expect(empty.ok && empty.config.credentials).toBeUndefined();
  });

  it('reads cache ttl 0 as "cache off" and converts the size cap to bytes', () => {
    const loaded = loadConfig({ ...base, JOBDESK_CACHE_TTL_SECONDS: '0', JOBDESK_MAX_RESPONSE_MB: '2' });
    expect(loaded.ok && loaded.config.cacheTtlSeconds).toBe(0);
    expect(loaded.ok && loaded.config.maxResponseBytes).toBe(2 * 1024 * 1024);
  });
});

describe('isLoopbackHostname', () => {
  it.each([
    ['localhost', true],
    ['LOCALHOST', true],
    ['app.localhost', true],
    ['127.0.0.1', true],
    ['127.255.0.9', true],
    ['[::1]', true],
    ['128.0.0.1', false],
    ['localhost.example.com', false],
    ['127.0.0.1.nip.io', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHostname(host)).toBe(expected);
  });
});
