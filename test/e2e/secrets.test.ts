import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAIL, DEMO_PASSWORD, type Sandbox, seedClients, startSandbox } from '../../src/sandbox/index.js';
import { callTool, type JsonRpcResponse, type RawServer, responseText, startRawServer } from './raw-stdio.js';

const OTHER_EMAIL = 'other@jobdesk.example';
const OTHER_PASSWORD = 'other-password-456';
const WRONG_PASSWORD = 'wrong-password-987';
const PASSWORDS = [DEMO_PASSWORD, OTHER_PASSWORD, WRONG_PASSWORD];

let sandbox: Sandbox;
let server: RawServer;
let elsewhere: { origin: string; close(): Promise<void> };

beforeAll(async () => {
  sandbox = await startSandbox({
    accounts: [
      { emailAddress: DEMO_EMAIL, password: DEMO_PASSWORD, clients: seedClients() },
      { emailAddress: OTHER_EMAIL, password: OTHER_PASSWORD, clients: [{ id: 1, companyName: 'Andere AG' }] },
    ],
  });
  // A place jobdesk could redirect to; it must never be asked anything.
  const http = createServer((_req, res) => res.end('[]'));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  elsewhere = {
    origin: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };
  server = await startRawServer({
    JOBDESK_BASE_URL: sandbox.baseUrl,
    JOBDESK_EMAIL: DEMO_EMAIL,
    JOBDESK_PASSWORD: DEMO_PASSWORD,
    JOBDESK_TIMEOUT_MS: '1000',
    JOBDESK_CACHE_TTL_SECONDS: '0',
    JOBDESK_MAX_RESPONSE_MB: '1',
  });
});
afterAll(async () => {
  await server?.stop();
  await sandbox?.close();
  await elsewhere?.close();
});

const search = (args: Record<string, unknown> = { query: 'meier' }): Promise<JsonRpcResponse> =>
  callTool(server, 'search_clients', args);
const login = (args: Record<string, unknown> = {}): Promise<JsonRpcResponse> => callTool(server, 'login', args);
const latestToken = (): string => sandbox.issuedTokens().at(-1) ?? '';

/** Every piece of a token worth hiding: the whole, and each JWT segment long enough to identify it. */
function tokenPieces(token: string): string[] {
  return [token, ...token.split('.').filter((piece) => piece.length >= 16)];
}

describe('a whole session, searched for secrets', () => {
  it('never shows a password or a token on stdout (every result and error) or stderr (every log line)', async () => {
    const outcomes: Array<[string, boolean]> = [];
    const step = async (name: string, call: Promise<JsonRpcResponse>): Promise<void> => {
      const response = await call;
      outcomes.push([name, response.result?.isError === true || response.error !== undefined]);
    };

    await step('lazy login and search', search());
    await step('login with the configured account', login());
    await step('login with a wrong password', login({ emailAddress: DEMO_EMAIL, password: WRONG_PASSWORD }));
    await step(
      'the password given as the email address',
      login({ emailAddress: DEMO_PASSWORD, password: DEMO_PASSWORD }),
    );
    await step('switch to another account', login({ emailAddress: OTHER_EMAIL, password: OTHER_PASSWORD }));
    await step('search as the other account', search({ limit: 100 }));
    await step('back to the configured account', login({ emailAddress: DEMO_EMAIL, password: DEMO_PASSWORD }));

    sandbox.expireAllTokens();
    await step('re-login after the token expired', search());

    sandbox.injectFault('clients', {
      kind: 'status',
      status: 400,
      body: JSON.stringify({ message: `Invalid token ${latestToken()}` }),
    });
    await step('jobdesk echoes the token', search());
    sandbox.injectFault('clients', {
      kind: 'status',
      status: 302,
      headers: { Location: `${elsewhere.origin}/steal/${latestToken()}` },
    });
    await step('a redirect that carries the token', search());
    sandbox.injectFault(
      'clients',
      { kind: 'status', status: 401, headers: { 'WWW-Authenticate': `Bearer error="${latestToken()}"` } },
      2,
    );
    sandbox.injectFault('login', {
      kind: 'status',
      status: 500,
      body: `{"message":"no user for password ${DEMO_PASSWORD}"}`,
    });
    await step('a 500 on re-login that echoes the password', search());
    sandbox.injectFault('login', {
      kind: 'status',
      status: 400,
      body: `password=${DEMO_PASSWORD}&email=${DEMO_EMAIL}`,
    });
    await step('a 400 on login that echoes the form', login());
    sandbox.injectFault('login', {
      kind: 'status',
      status: 307,
      headers: { Location: `${elsewhere.origin}/${encodeURIComponent(DEMO_PASSWORD)}` },
    });
    await step('a login redirect that carries the password', login());
    await step('login again', login());

    sandbox.injectFault('clients', { kind: 'status', status: 503 }, 3);
    await step('a lasting 503', search());
    sandbox.injectFault('clients', { kind: 'html' });
    await step('a maintenance page', search());
    sandbox.injectFault('clients', { kind: 'truncated-json' });
    await step('truncated JSON', search());
    sandbox.injectFault('clients', { kind: 'reset' }, 3);
    await step('resets', search());
    sandbox.injectFault('clients', { kind: 'silence' });
    await step('silence', search());
    sandbox.injectFault('clients', { kind: 'oversized-body', bytes: 2 * 1024 * 1024 });
    await step('an oversized list', search());
    sandbox.injectFault('login', { kind: 'truncated-json' });
    sandbox.expireAllTokens();
    await step('a login answer cut off mid-token', search());
    await step('an unknown tool', callTool(server, 'leak_token', { token: true }));
    await step('a final search', search());

    // The session really went through its failures and recoveries, so there was something to leak.
    expect(outcomes.filter(([, failed]) => failed).length).toBeGreaterThan(12);
    expect(outcomes.at(-1)).toEqual(['a final search', false]);
    const tokens = sandbox.issuedTokens();
    expect(tokens.length).toBeGreaterThanOrEqual(5);

    const everything = `${server.stdoutLines().join('\n')}\n${server.stderr()}`;
    for (const password of PASSWORDS) expect(everything, 'a password leaked').not.toContain(password);
    for (const password of PASSWORDS)
      expect(everything, 'an encoded password leaked').not.toContain(encodeURIComponent(password));
    for (const token of tokens) {
      for (const piece of tokenPieces(token))
        expect(everything, `a token leaked: ${piece.slice(0, 12)}…`).not.toContain(piece);
    }
    // The redirects went nowhere.
    expect(server.stderr()).not.toMatch(/steal/);
    expect(server.protocolViolations()).toEqual([]);
  });

  it('names the account, but not the password, in the one start-up line', () => {
    const startup = server.stderr().split('\n')[0] ?? '';
    expect(startup).toContain(DEMO_EMAIL);
    expect(startup).not.toContain(DEMO_PASSWORD);
  });

  it('quotes what jobdesk said with the secret replaced, so the model still learns what went wrong', async () => {
    sandbox.injectFault('login', {
      kind: 'status',
      status: 400,
      body: JSON.stringify({ message: `password ${DEMO_PASSWORD} too old` }),
    });
    const response = await login();
    expect(responseText(response)).toContain('password [redacted] too old');
  });
});
