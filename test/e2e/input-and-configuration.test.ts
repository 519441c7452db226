import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAIL, DEMO_PASSWORD, type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { firstText, type RunningServer, startStdioServer } from './stdio-harness.js';

describe('bad tool input is refused with the field named', () => {
  let sandbox: Sandbox;
  let server: RunningServer;
  beforeAll(async () => {
    sandbox = await startSandbox();
    server = await startStdioServer({
      JOBDESK_BASE_URL: sandbox.baseUrl,
      JOBDESK_EMAIL: DEMO_EMAIL,
      JOBDESK_PASSWORD: DEMO_PASSWORD,
    });
  });
  afterAll(async () => {
    await server.close();
    await sandbox.close();
  });

  it.each([
    ['search_clients', { limit: 0 }, 'limit'],
    ['search_clients', { limit: 101 }, 'limit'],
    ['search_clients', { limit: 2.5 }, 'limit'],
    ['search_clients', { limit: '20' }, 'limit'],
    ['search_clients', { offset: -1 }, 'offset'],
    ['search_clients', { query: 42 }, 'query'],
    ['search_clients', { city: ['Zürich'] }, 'city'],
    ['search_clients', { contactType: 1.5 }, 'contactType'],
    ['search_clients', { refresh: 'yes' }, 'refresh'],
    ['login', { emailAddress: 'not-an-email', password: 'x' }, 'emailAddress'],
    ['login', { emailAddress: DEMO_EMAIL }, 'password'],
    ['login', { password: 'secret-only-password' }, 'emailAddress'],
  ])('%s %o names %s', async (tool, args, field) => {
    const result = await server.call(tool, args);
    expect(result.isError).toBe(true);
    expect(firstText(result)).toContain(field);
    expect(firstText(result)).not.toContain('secret-only-password');
  });

  it('answers an unknown tool with an error, and stays up', async () => {
    const result = await server.call('delete_everything', {});
    expect(result.isError).toBe(true);
    expect(firstText(result)).toContain('delete_everything');
    const after = await server.call('search_clients', { query: 'meier' });
    expect(after.isError).toBeFalsy();
  });
});

describe('a bad configuration keeps the server up and says what to set', () => {
  it.each([
    [{}, /JOBDESK_BASE_URL is not set/],
    [{ JOBDESK_BASE_URL: 'not a url' }, /JOBDESK_BASE_URL is not a valid URL/],
    [{ JOBDESK_BASE_URL: 'http://jobdesk.example' }, /JOBDESK_BASE_URL must use https/],
    [{ JOBDESK_BASE_URL: 'https://jobdesk.example', JOBDESK_EMAIL: 'a@jobdesk.example' }, /JOBDESK_PASSWORD/],
    [{ JOBDESK_BASE_URL: 'https://jobdesk.example', JOBDESK_TIMEOUT_MS: 'soon' }, /JOBDESK_TIMEOUT_MS/],
  ])('%o', async (env, message) => {
    const server = await startStdioServer(env as Record<string, string>);
    try {
      for (const tool of ['search_clients', 'login']) {
        const result = await server.call(tool, {});
        expect(result.isError).toBe(true);
        expect(firstText(result)).toMatch(message);
      }
      expect(server.stderr()).toMatch(message);
    } finally {
      await server.close();
    }
  });
});
