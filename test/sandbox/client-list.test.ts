import { Agent as HttpAgent } from 'node:http';
import { Agent as UndiciAgent, request as undiciRequest } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_EMAIL,
  demoAccount,
  generateClients,
  seedClients,
  startSandbox,
  type ListShape,
  type Sandbox,
} from '../../src/sandbox/index.js';
import { getClients, loginToken, rawRequest } from './sandbox-http.js';

const OTHER_EMAIL = 'Buero@Treuhand-Widmer.example';
const OTHER_PASSWORD = 'another-password-456';
const otherClients = generateClients(25, 99);

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({
    accounts: [demoAccount(), { emailAddress: OTHER_EMAIL, password: OTHER_PASSWORD, clients: otherClients }],
  });
});
afterAll(async () => {
  await sandbox.close();
});
afterEach(() => {
  sandbox.setOptions({ listShape: 'array', tokenTtlSeconds: 3600 });
  sandbox.clearFaults();
});

describe('list shapes', () => {
  it.each<[ListShape, (body: Record<string, unknown>) => unknown, Record<string, unknown>]>([
    ['items', (body) => body['items'], { totalCount: seedClients().length }],
    ['data', (body) => body['data'], {}],
    ['clients', (body) => body['clients'], {}],
    ['results', (body) => body['results'], {}],
    ['value', (body) => body['value'], { '@odata.count': seedClients().length }],
  ])('%s wraps the client array', async (shape, unwrap, extras) => {
    sandbox.setOptions({ listShape: shape });
    const res = await getClients(sandbox, await loginToken(sandbox));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(unwrap(body)).toEqual(seedClients());
    expect(body).toMatchObject(extras);
  });

  it('array is the bare client list, with a content-length that matches', async () => {
    const answer = await rawRequest(`${sandbox.baseUrl}/api/Client`, {
      headers: { authorization: `Bearer ${await loginToken(sandbox)}` },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    expect(JSON.parse(answer.body.toString('utf8'))).toEqual(seedClients());
  });
});

describe('routing and authentication', () => {
  it.each(['/api/Client', '/api/client', '/API/CLIENT/', '/api/Client?page=1'])('serves %s', async (path) => {
    const res = await getClients(sandbox, await loginToken(sandbox), path);
    expect(res.status).toBe(200);
  });

  it('accepts the JSON body the docs show on GET', async () => {
    const body = JSON.stringify([{ contactType: 2, companyName: 'string' }]);
    const answer = await rawRequest(`${sandbox.baseUrl}/api/Client`, {
      // node:http sends a GET body unframed unless told its length.
      headers: {
        authorization: `Bearer ${await loginToken(sandbox)}`,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
      },
      body,
    });
    expect(answer.status).toBe(200);
  });

  it('gives each account its own clients', async () => {
    const res = await getClients(sandbox, await loginToken(sandbox, OTHER_EMAIL.toLowerCase(), OTHER_PASSWORD));
    expect(await res.json()).toEqual(otherClients);
  });

  it.each([
    ['no Authorization header', undefined, 'Bearer'],
    ['an unknown token', 'Bearer not-a-token', 'Bearer error="invalid_token"'],
    ['a Basic scheme', `Basic ${Buffer.from(`${DEMO_EMAIL}:x`).toString('base64')}`, 'Bearer'],
    ['an empty Bearer', 'Bearer ', 'Bearer'],
  ])('answers 401 to %s', async (_name, authorization, challenge) => {
    const res = await fetch(
      `${sandbox.baseUrl}/api/Client`,
      authorization === undefined ? {} : { headers: { authorization } },
    );
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe(challenge);
    expect(await res.text()).toBe('');
  });

  it('answers 401 once the token outlives tokenTtlSeconds', async () => {
    sandbox.setOptions({ tokenTtlSeconds: 1 });
    const token = await loginToken(sandbox);
    expect((await getClients(sandbox, token)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const res = await getClients(sandbox, token);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(
      /^Bearer error="invalid_token", error_description="The token expired at /,
    );
  });

  it('answers 401 to every earlier token after expireAllTokens, and a new login works', async () => {
    const first = await loginToken(sandbox);
    const second = await loginToken(sandbox, OTHER_EMAIL, OTHER_PASSWORD);
    sandbox.expireAllTokens();
    expect((await getClients(sandbox, first)).status).toBe(401);
    expect((await getClients(sandbox, second)).status).toBe(401);
    expect((await getClients(sandbox, await loginToken(sandbox))).status).toBe(200);
  });
});

describe('connections', () => {
  it('keeps connections alive between requests', async () => {
    const agent = new HttpAgent({ keepAlive: true, maxSockets: 1 });
    try {
      const headers = { authorization: `Bearer ${await loginToken(sandbox)}` };
      const first = await rawRequest(`${sandbox.baseUrl}/api/Client`, { headers, agent });
      const second = await rawRequest(`${sandbox.baseUrl}/api/Client`, { headers, agent });
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(second.reusedSocket).toBe(true);
    } finally {
      agent.destroy();
    }
  });

  it('serves an undici keep-alive pool', async () => {
    const dispatcher = new UndiciAgent({ keepAliveTimeout: 2_000, connections: 1 });
    try {
      const token = await loginToken(sandbox);
      for (let i = 0; i < 3; i++) {
        const res = await undiciRequest(`${sandbox.baseUrl}/api/Client`, {
          dispatcher,
          headers: { authorization: `Bearer ${token}` },
        });
        expect(res.statusCode).toBe(200);
        expect(await res.body.json()).toHaveLength(seedClients().length);
      }
    } finally {
      await dispatcher.close();
    }
  });
});

describe('stats', () => {
  it('counts every attempt, per lowercased email, and resets in place', async () => {
    const stats = sandbox.stats;
    sandbox.resetStats();
    const token = await loginToken(sandbox, DEMO_EMAIL.toUpperCase());
    await loginToken(sandbox, OTHER_EMAIL, OTHER_PASSWORD);
    await fetch(`${sandbox.baseUrl}/api/account/login`, {
      method: 'POST',
      body: JSON.stringify({ emailAddress: DEMO_EMAIL, password: 'x' }),
    });
    await getClients(sandbox, token);
    await getClients(sandbox, token);
    await getClients(sandbox, undefined);
    sandbox.injectFault('clients', { kind: 'status', status: 503 });
    await getClients(sandbox, token);

    expect(stats).toEqual({
      logins: 3,
      listRequests: 4,
      loginsByAccount: { [DEMO_EMAIL]: 2, [OTHER_EMAIL.toLowerCase()]: 1 },
      listRequestsByAccount: { [DEMO_EMAIL]: 3 },
    });
    sandbox.resetStats();
    expect(sandbox.stats).toBe(stats);
    expect(stats).toEqual({ logins: 0, listRequests: 0, loginsByAccount: {}, listRequestsByAccount: {} });
  });
});

describe('a large tenant', () => {
  it('serves 10,000 clients with a matching content-length, the same bytes each time', async () => {
    const clients = generateClients(10_000, 4);
    const big = await startSandbox({
      accounts: [{ emailAddress: 'big@jobdesk.example', password: 'pw', clients }],
      listShape: 'items',
    });
    try {
      const headers = { authorization: `Bearer ${await loginToken(big, 'big@jobdesk.example', 'pw')}` };
      const first = await rawRequest(`${big.baseUrl}/api/Client`, { headers });
      const second = await rawRequest(`${big.baseUrl}/api/Client`, { headers });
      expect(Number(first.headers['content-length'])).toBe(first.body.length);
      expect(second.body.equals(first.body)).toBe(true);
      const parsed = JSON.parse(first.body.toString('utf8')) as { items: unknown[]; totalCount: number };
      expect(parsed.totalCount).toBe(10_000);
      expect(parsed.items).toHaveLength(clients.length);
      expect(parsed.items.at(-1)).toEqual(clients.at(-1));
    } finally {
      await big.close();
    }
  });
});
