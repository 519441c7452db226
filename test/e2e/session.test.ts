import { afterEach, describe, expect, it } from 'vitest';
import {
  DEMO_EMAIL,
  DEMO_PASSWORD,
  type ExpiryHint,
  type Sandbox,
  type SandboxOptions,
  seedClients,
  startSandbox,
  type TokenShape,
} from '../../src/sandbox/index.js';
import { firstText, type RunningServer, searchPage, startStdioServer } from './stdio-harness.js';

let sandbox: Sandbox | undefined;
let server: RunningServer | undefined;

afterEach(async () => {
  await server?.close();
  await sandbox?.close();
  server = undefined;
  sandbox = undefined;
});

async function start(
  options: SandboxOptions = {},
  env: Record<string, string> = { JOBDESK_EMAIL: DEMO_EMAIL, JOBDESK_PASSWORD: DEMO_PASSWORD },
): Promise<{ sandbox: Sandbox; server: RunningServer }> {
  sandbox = await startSandbox(options);
  server = await startStdioServer({ JOBDESK_BASE_URL: sandbox.baseUrl, ...env });
  return { sandbox, server };
}

describe('logging in', () => {
  it('logs in lazily: nothing at start-up, once at the first search', async () => {
    const { sandbox, server } = await start();
    expect(sandbox.stats.logins).toBe(0);
    const page = searchPage(await server.call('search_clients', { query: 'müller' }));
    expect(page.total).toBeGreaterThan(0);
    expect(sandbox.stats.logins).toBe(1);
    expect(sandbox.stats.listRequests).toBe(1);
  });

  it('shares one login and one list fetch among concurrent searches', async () => {
    const { sandbox, server } = await start();
    const queries = ['müller', 'meier', 'acme', 'zürich', 'brunner', 'gasser', 'schmid', 'genève', 'bern', 'basel'];
    const results = await Promise.all(queries.map((query) => server.call('search_clients', { query })));
    for (const result of results) expect(result.isError).toBeFalsy();
    expect(sandbox.stats.logins).toBe(1);
    expect(sandbox.stats.listRequests).toBe(1);
  });

  const shapes: TokenShape[] = [
    'token',
    'accessToken',
    'access_token',
    'jwt',
    'data.token',
    'data.accessToken',
    'data.access_token',
    'data.jwt',
    'bare-json-string',
    'plain-text',
  ];
  it.each(shapes)('accepts the token under the %s shape and searches with it', async (tokenShape) => {
    const { server } = await start({ tokenShape, expiryHint: 'jwt-exp' });
    const login = await server.call('login');
    expect(login.isError, firstText(login)).toBeFalsy();
    expect(login.structuredContent).toMatchObject({ authenticated: true, emailAddress: DEMO_EMAIL });
    expect(searchPage(await server.call('search_clients', { query: 'müller' })).total).toBeGreaterThan(0);
  });

  it.each<[ExpiryHint, TokenShape, boolean]>([
    ['jwt-exp', 'token', true],
    ['jwt-exp', 'plain-text', true],
    ['expiration', 'accessToken', true],
    ['expires_in', 'data.access_token', true],
    ['none', 'token', false],
  ])('reads the expiry from %s (%s shape)', async (expiryHint, tokenShape, hasExpiry) => {
    const { server } = await start({ tokenShape, expiryHint, tokenTtlSeconds: 3600 });
    const login = await server.call('login');
    const expiresAt = (login.structuredContent as { expiresAt: string | null }).expiresAt;
    if (!hasExpiry) {
      expect(expiresAt).toBeNull();
      return;
    }
    const inSeconds = (Date.parse(expiresAt ?? '') - Date.now()) / 1000;
    expect(inSeconds).toBeGreaterThan(3500);
    expect(inSeconds).toBeLessThan(3700);
  });

  it('returns the account, the base URL and no token from login', async () => {
    const { sandbox, server } = await start();
    const login = await server.call('login');
    expect(login.structuredContent).toEqual({
      authenticated: true,
      emailAddress: DEMO_EMAIL,
      baseUrl: sandbox.baseUrl,
      expiresAt: expect.any(String),
    });
    expect(firstText(login)).not.toContain(DEMO_PASSWORD);
  });

  it('logs in with credentials given to the tool when none are configured', async () => {
    const { sandbox, server } = await start({}, {});
    const login = await server.call('login', { emailAddress: DEMO_EMAIL, password: DEMO_PASSWORD });
    expect(login.isError).toBeFalsy();
    expect(searchPage(await server.call('search_clients', { query: 'meier' })).total).toBeGreaterThan(0);
    expect(sandbox.stats.logins).toBe(1);
    expect(JSON.stringify(login)).not.toContain(DEMO_PASSWORD);
  });

  it('keeps the credentials given to login to renew an expired token', async () => {
    const { sandbox, server } = await start({}, {});
    expect((await server.call('login', { emailAddress: DEMO_EMAIL, password: DEMO_PASSWORD })).isError).toBeFalsy();
    searchPage(await server.call('search_clients', { query: 'meier' }));
    sandbox.expireAllTokens();
    expect(searchPage(await server.call('search_clients', { query: 'meier', refresh: true })).total).toBeGreaterThan(0);
    expect(sandbox.stats.logins).toBe(2);
  });

  it('says jobdesk rejected the credentials, without echoing the password', async () => {
    const { server } = await start({}, {});
    const login = await server.call('login', { emailAddress: DEMO_EMAIL, password: 'wrong-password-987' });
    expect(login.isError).toBe(true);
    expect(firstText(login)).toMatch(/rejected the email address or password/);
    expect(JSON.stringify(login)).not.toContain('wrong-password-987');
  });

  it('asks for login when no credentials exist, and sends no request', async () => {
    const { sandbox, server } = await start({}, {});
    const search = await server.call('search_clients', { query: 'müller' });
    expect(search.isError).toBe(true);
    expect(firstText(search)).toMatch(/login/);
    expect(firstText(search)).toMatch(/JOBDESK_EMAIL/);
    expect(sandbox.stats.logins).toBe(0);
    expect(sandbox.stats.listRequests).toBe(0);
  });

  it('logs in again once after a 401 and retries the search', async () => {
    const { sandbox, server } = await start();
    searchPage(await server.call('search_clients', { query: 'müller' }));
    sandbox.expireAllTokens();
    const again = searchPage(await server.call('search_clients', { query: 'müller', refresh: true }));
    expect(again.total).toBeGreaterThan(0);
    expect(sandbox.stats.logins).toBe(2);
    expect(sandbox.stats.listRequests).toBe(3);
  });

  it('renews a token that expired by the clock before using it', async () => {
    // A 20 s token is inside the renewal margin, so every fetch logs in first instead of meeting a 401.
    const { sandbox, server } = await start(
      { tokenTtlSeconds: 20 },
      {
        JOBDESK_EMAIL: DEMO_EMAIL,
        JOBDESK_PASSWORD: DEMO_PASSWORD,
        JOBDESK_CACHE_TTL_SECONDS: '0',
      },
    );
    searchPage(await server.call('search_clients', { query: 'müller' }));
    searchPage(await server.call('search_clients', { query: 'müller' }));
    expect(sandbox.stats.logins).toBe(2);
    expect(sandbox.stats.listRequests).toBe(2);
  });

  it('says the session expired when logging in again fails too', async () => {
    const { sandbox, server } = await start();
    searchPage(await server.call('search_clients', { query: 'müller' }));
    sandbox.expireAllTokens();
    sandbox.injectFault('login', { kind: 'status', status: 401 });
    const search = await server.call('search_clients', { query: 'müller', refresh: true });
    expect(search.isError).toBe(true);
    expect(firstText(search)).toMatch(/session expired/);
    expect(firstText(search)).toMatch(/login/);
  });

  it('never shows one account the clients of another', async () => {
    const otherClients = [
      { id: 90001, contactType: 2, companyName: 'Andere Firma GmbH', email: 'info@andere.ch' },
      { id: 90002, contactType: 1, firstName: 'Hans', lastName: 'Müller', email: 'hans@andere.ch' },
    ];
    const { sandbox, server } = await start({
      accounts: [
        { emailAddress: DEMO_EMAIL, password: DEMO_PASSWORD, clients: seedClients() },
        { emailAddress: 'other@jobdesk.example', password: 'other-password-456', clients: otherClients },
      ],
    });
    const first = searchPage(await server.call('search_clients', { limit: 100 }));
    expect(first.total).toBe(seedClients().length);
    const login = await server.call('login', { emailAddress: 'other@jobdesk.example', password: 'other-password-456' });
    expect(login.isError).toBeFalsy();
    const second = searchPage(await server.call('search_clients', { limit: 100 }));
    expect(second.clients.map((client) => client.id)).toEqual([90001, 90002]);
    expect(sandbox.stats.listRequestsByAccount['other@jobdesk.example']).toBe(1);
  });
});
