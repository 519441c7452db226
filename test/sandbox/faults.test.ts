import { Agent, request } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAIL, DEMO_PASSWORD, startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { getClients, loginToken, postLogin, rawRequest } from './sandbox-http.js';

let sandbox: Sandbox;
let token: string;
beforeAll(async () => {
  sandbox = await startSandbox();
  token = await loginToken(sandbox);
});
afterAll(async () => {
  await sandbox.close();
});
afterEach(() => {
  sandbox.clearFaults();
});

const clientsUrl = (): string => `${sandbox.baseUrl}/api/Client`;
const authorized = (): Record<string, string> => ({ authorization: `Bearer ${token}` });

describe('status faults', () => {
  it('answers with the status, headers and JSON body given, then normally', async () => {
    sandbox.injectFault('clients', {
      kind: 'status',
      status: 503,
      headers: { 'Retry-After': '2' },
      body: '{"message":"busy"}',
    });
    const faulted = await getClients(sandbox, token);
    expect(faulted.status).toBe(503);
    expect(faulted.headers.get('retry-after')).toBe('2');
    expect(faulted.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await faulted.json()).toEqual({ message: 'busy' });
    expect((await getClients(sandbox, token)).status).toBe(200);
  });

  it('repeats for `times` requests and labels a non-JSON body as text', async () => {
    sandbox.injectFault('clients', { kind: 'status', status: 429, body: 'slow down' }, 2);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await getClients(sandbox, token);
      statuses.push(res.status);
      if (res.status === 429) expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      await res.arrayBuffer();
    }
    expect(statuses).toEqual([429, 429, 200]);
  });

  it('applies to the login route independently, in injection order', async () => {
    sandbox.injectFault('login', { kind: 'status', status: 500 });
    sandbox.injectFault('login', { kind: 'status', status: 502 });
    const credentials = { emailAddress: DEMO_EMAIL, password: DEMO_PASSWORD };
    expect((await postLogin(sandbox, credentials)).status).toBe(500);
    expect((await getClients(sandbox, token)).status).toBe(200);
    expect((await postLogin(sandbox, credentials)).status).toBe(502);
    expect((await postLogin(sandbox, credentials)).status).toBe(200);
  });

  it('forgets pending faults on clearFaults', async () => {
    sandbox.injectFault('clients', { kind: 'status', status: 500 }, 5);
    sandbox.clearFaults();
    expect((await getClients(sandbox, token)).status).toBe(200);
  });

  it.each([
    ['times 0', () => sandbox.injectFault('clients', { kind: 'status', status: 500 }, 0)],
    ['an informational status', () => sandbox.injectFault('clients', { kind: 'status', status: 101 })],
    ['a negative delay', () => sandbox.injectFault('clients', { kind: 'delay', ms: -1 })],
    ['a 1-byte oversized body', () => sandbox.injectFault('clients', { kind: 'oversized-body', bytes: 1 })],
  ])('rejects %s at injection', (_name, inject) => {
    expect(inject).toThrow(RangeError);
  });
});

describe('body faults', () => {
  it('delay waits, then answers normally', async () => {
    sandbox.injectFault('clients', { kind: 'delay', ms: 250 });
    const started = performance.now();
    const res = await getClients(sandbox, token);
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
    expect(res.status).toBe(200);
    expect(await res.json()).toBeInstanceOf(Array);
  });

  it('silence never answers; the next request is served', async () => {
    sandbox.injectFault('clients', { kind: 'silence' });
    await expect(getClientsWithin(300)).rejects.toThrow(/aborted|timeout/i);
    expect((await getClients(sandbox, token)).status).toBe(200);
  });

  it('html serves a maintenance page, 200 by default', async () => {
    sandbox.injectFault('clients', { kind: 'html' });
    sandbox.injectFault('login', { kind: 'html', status: 503 });
    const page = await getClients(sandbox, token);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toMatch(/^<!DOCTYPE html>/);
    expect((await postLogin(sandbox, { emailAddress: DEMO_EMAIL, password: DEMO_PASSWORD })).status).toBe(503);
  });

  it.each(['clients', 'login'] as const)(
    'truncated-json on %s is a complete response whose JSON is cut off',
    async (route) => {
      sandbox.injectFault(route, { kind: 'truncated-json' });
      const answer =
        route === 'clients'
          ? await rawRequest(clientsUrl(), { headers: authorized() })
          : await rawRequest(`${sandbox.baseUrl}/api/account/login`, {
              method: 'POST',
              body: JSON.stringify({ emailAddress: DEMO_EMAIL, password: DEMO_PASSWORD }),
            });
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
      expect(answer.body.length).toBeGreaterThan(10);
      expect(() => JSON.parse(answer.body.toString('utf8'))).toThrow(SyntaxError);
    },
  );

  it('wrong-shape-json answers {"foo":1}', async () => {
    sandbox.injectFault('clients', { kind: 'wrong-shape-json' });
    const res = await getClients(sandbox, token);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ foo: 1 });
  });

  it('reset drops the connection with ECONNRESET', async () => {
    sandbox.injectFault('clients', { kind: 'reset' });
    await expect(rawRequest(clientsUrl(), { headers: authorized() })).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect((await getClients(sandbox, token)).status).toBe(200);
  });

  it('endless-body sends headers, then keeps streaming without ever ending', async () => {
    sandbox.injectFault('clients', { kind: 'endless-body' });
    const received = await new Promise<{ status: number; bytes: number; ended: boolean }>((resolve, reject) => {
      const req = request(clientsUrl(), { headers: authorized(), agent: false });
      req.once('error', reject);
      req.once('response', (res) => {
        let bytes = 0;
        let ended = false;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.once('end', () => (ended = true));
        setTimeout(() => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, bytes, ended });
        }, 400);
      });
      req.end();
    });
    expect(received.status).toBe(200);
    expect(received.bytes).toBeGreaterThan(1_000);
    expect(received.ended).toBe(false);
  });

  it.each([2, 100, 2_500_000])('oversized-body streams exactly %i bytes of a valid client array', async (bytes) => {
    sandbox.injectFault('clients', { kind: 'oversized-body', bytes });
    const answer = await rawRequest(clientsUrl(), { headers: authorized() });
    expect(answer.status).toBe(200);
    expect(Number(answer.headers['content-length'])).toBe(bytes);
    expect(answer.body.length).toBe(bytes);
    const clients = JSON.parse(answer.body.toString('utf8')) as { id: number }[];
    expect(clients).toBeInstanceOf(Array);
    for (const client of clients) expect(Number.isInteger(client.id)).toBe(true);
    if (bytes > 1_000_000) expect(clients.length).toBeGreaterThan(1_000);
  });

  it('oversized-body with chunked sends no content-length, the same exact bytes', async () => {
    sandbox.injectFault('clients', { kind: 'oversized-body', bytes: 300_000, chunked: true });
    const answer = await rawRequest(clientsUrl(), { headers: authorized() });
    expect(answer.headers['content-length']).toBeUndefined();
    expect(answer.headers['transfer-encoding']).toBe('chunked');
    expect(answer.body.length).toBe(300_000);
    expect(JSON.parse(answer.body.toString('utf8'))).toBeInstanceOf(Array);
  });

  it('stops streaming an oversized body when the client gives up', async () => {
    sandbox.injectFault('clients', { kind: 'oversized-body', bytes: 500_000_000 });
    await expect(getClientsWithin(200, true)).rejects.toThrow(/aborted|timeout/i);
    expect((await getClients(sandbox, token)).status).toBe(200);
  });
});

/** A list request that the test abandons after `ms`, optionally while reading the body. */
async function getClientsWithin(ms: number, readBody = false): Promise<void> {
  const res = await fetch(clientsUrl(), { headers: authorized(), signal: AbortSignal.timeout(ms) });
  if (readBody) await res.arrayBuffer();
}

describe('what tests can inspect', () => {
  it('lists every token it issued, expired ones too, oldest first', async () => {
    const own = await startSandbox();
    try {
      const first = await loginToken(own);
      own.expireAllTokens();
      const second = await loginToken(own);
      expect(own.issuedTokens()).toEqual([first, second]);
    } finally {
      await own.close();
    }
  });

  it('counts open connections, idle keep-alive ones included, until they close', async () => {
    const own = await startSandbox();
    const agent = new Agent({ keepAlive: true });
    try {
      expect(own.openConnections()).toBe(0);
      const login = await rawRequest(`${own.baseUrl}/api/account/login`, {
        method: 'POST',
        body: JSON.stringify({ emailAddress: DEMO_EMAIL, password: DEMO_PASSWORD }),
        agent,
      });
      const { token } = JSON.parse(login.body.toString('utf8')) as { token: string };
      await rawRequest(`${own.baseUrl}/api/Client`, { headers: { authorization: `Bearer ${token}` }, agent });
      expect(own.openConnections()).toBe(1);
      agent.destroy();
      await until(() => own.openConnections() === 0);
      expect(own.openConnections()).toBe(0);
    } finally {
      agent.destroy();
      await own.close();
    }
  });
});

async function until(condition: () => boolean, ms = 2_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('close', () => {
  it('resolves promptly with a silent request, an endless body and an idle keep-alive socket open', async () => {
    const doomed = await startSandbox();
    const doomedToken = await loginToken(doomed);
    doomed.injectFault('clients', { kind: 'silence' });
    doomed.injectFault('clients', { kind: 'endless-body' });
    const silent = fetch(`${doomed.baseUrl}/api/Client`, { headers: { authorization: `Bearer ${doomedToken}` } });
    const endless = fetch(`${doomed.baseUrl}/api/Client`, { headers: { authorization: `Bearer ${doomedToken}` } }).then(
      (res) => res.text(),
    );
    const settled = Promise.allSettled([silent, endless]);
    await new Promise((resolve) => setTimeout(resolve, 150));

    const started = performance.now();
    await doomed.close();
    expect(performance.now() - started).toBeLessThan(500);
    const outcomes = await settled;
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    await doomed.close();
  });

  it('resolves promptly with a delay pending', async () => {
    const doomed = await startSandbox();
    doomed.injectFault('login', { kind: 'delay', ms: 60_000 });
    const pending = postLogin(doomed, { emailAddress: DEMO_EMAIL, password: DEMO_PASSWORD }).catch(
      (error: unknown) => error,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    await doomed.close();
    expect(performance.now() - started).toBeLessThan(500);
    expect(await pending).toBeInstanceOf(Error);
  });
});
