import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobdeskCredentials } from '../../src/config.js';
import { JobdeskCredentialsRejectedError } from '../../src/jobdesk/errors.js';
import { openSignInPage, type SignInPage } from '../../src/sign-in/sign-in-page.js';

const GOOD = { emailAddress: 'anna@acme.ch', password: 'correct horse battery' };

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so tests can send the Host and Origin headers an attacker would. */
function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const outgoing = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: false,
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

function formToken(html: string): string {
  return /name="formToken" value="([^"]+)"/.exec(html)?.[1] ?? '';
}

async function post(
  page: SignInPage,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const origin = new URL(page.url).origin;
  return send(page.url, {
    method: 'POST',
    headers: {
      origin,
      'content-type': 'application/x-www-form-urlencoded',
      'sec-fetch-site': 'same-origin',
      ...headers,
    },
    body: new URLSearchParams(fields).toString(),
  });
}

async function freshToken(page: SignInPage): Promise<string> {
  return formToken((await send(page.url)).body);
}

let page: SignInPage | undefined;
const attempts: JobdeskCredentials[] = [];
afterEach(async () => {
  await page?.close();
  page = undefined;
  attempts.length = 0;
});

async function open(options: { lifetimeMs?: number; maxAttempts?: number } = {}): Promise<SignInPage> {
  page = await openSignInPage({
    jobdeskHost: 'acme.jobdesk.ch',
    signIn: async (credentials) => {
      attempts.push(credentials);
      if (credentials.password !== GOOD.password)
        throw new JobdeskCredentialsRejectedError(credentials.emailAddress, 401);
      return { emailAddress: credentials.emailAddress, expiresAt: null };
    },
    ...options,
  });
  return page;
}

describe('the sign-in page', () => {
  it('lives on 127.0.0.1 at a path of at least 128 random bits, different each time', async () => {
    const first = await open();
    const second = await openSignInPage({
      jobdeskHost: 'x',
      signIn: async () => ({ emailAddress: 'x@y.ch', expiresAt: null }),
    });
    try {
      for (const candidate of [first, second]) {
        const url = new URL(candidate.url);
        expect(url.hostname).toBe('127.0.0.1');
        const secret = url.pathname.split('/').pop() ?? '';
        expect(Buffer.from(secret, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
      }
      expect(first.url).not.toBe(second.url);
    } finally {
      await second.close();
    }
  });

  it('shows the jobdesk host, with a strict CSP and no external resource', async () => {
    const reply = await send((await open()).url);
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('acme.jobdesk.ch');
    const csp = String(reply.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(reply.headers['x-frame-options']).toBe('DENY');
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.body).not.toMatch(/(src|href)=|<script|https?:\/\//i);
    expect(reply.body).toMatch(/<form method="post"/);
  });

  it('answers 404 on any other path, and does not reveal the page', async () => {
    const current = await open();
    const reply = await send(`${new URL(current.url).origin}/sign-in/guess`);
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain('acme.jobdesk.ch');
  });

  it.each(['evil.example', 'evil.example:80', '127.0.0.1', 'localhost.evil.example'])(
    'refuses the Host header %s (DNS rebinding)',
    async (host) => {
      const current = await open();
      const reply = await send(current.url, { headers: { host } });
      expect(reply.status).toBe(421);
      expect(reply.body).not.toContain('acme.jobdesk.ch');
    },
  );

  it.each([
    ['another origin', { origin: 'http://evil.example' }],
    ['an opaque origin', { origin: 'null' }],
    ['a cross-site fetch', { 'sec-fetch-site': 'cross-site' }],
  ])('refuses a post from %s', async (_case, headers) => {
    const current = await open();
    const reply = await post(current, { ...GOOD, formToken: await freshToken(current) }, headers);
    expect(reply.status).toBe(403);
    expect(attempts).toHaveLength(0);
  });

  it('refuses a post without an Origin header', async () => {
    const current = await open();
    const reply = await send(current.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...GOOD, formToken: await freshToken(current) }).toString(),
    });
    expect(reply.status).toBe(403);
    expect(attempts).toHaveLength(0);
  });

  it('refuses a post without the form token of a page it served', async () => {
    const current = await open();
    const reply = await post(current, { ...GOOD, formToken: 'forged' });
    expect(reply.status).toBe(403);
    expect(attempts).toHaveLength(0);
  });

  it('shows the jobdesk error on a wrong password, keeps the page, never echoes the password', async () => {
    const current = await open();
    const reply = await post(current, {
      emailAddress: GOOD.emailAddress,
      password: 'typo-pa55word',
      formToken: await freshToken(current),
    });
    expect(reply.status).toBe(401);
    expect(reply.body).toContain('jobdesk rejected the email address or password');
    expect(reply.body).not.toContain('typo-pa55word');
    expect(reply.body).toContain(GOOD.emailAddress);
    expect(current.isOpen).toBe(true);
  });

  it('signs in once, then closes its listener (single use)', async () => {
    const current = await open();
    const reply = await post(current, { ...GOOD, formToken: await freshToken(current) });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('Signed in');
    expect(reply.body).not.toContain(GOOD.password);
    await expect(current.outcome).resolves.toEqual({
      status: 'signed-in',
      emailAddress: GOOD.emailAddress,
      expiresAt: null,
    });
    expect(current.isOpen).toBe(false);
    await expect(send(current.url)).rejects.toThrow(/ECONNREFUSED/);
    expect(attempts).toEqual([GOOD]);
  });

  it('closes after too many failed attempts', async () => {
    const current = await open({ maxAttempts: 2 });
    await post(current, { emailAddress: GOOD.emailAddress, password: 'wrong-1', formToken: await freshToken(current) });
    const last = await post(current, {
      emailAddress: GOOD.emailAddress,
      password: 'wrong-2',
      formToken: await freshToken(current),
    });
    expect(last.body).toContain('last attempt');
    await expect(current.outcome).resolves.toEqual({ status: 'too-many-attempts' });
    await expect(send(current.url)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('expires, and closes its listener', async () => {
    const current = await open({ lifetimeMs: 150 });
    expect(current.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(150);
    await expect(current.outcome).resolves.toEqual({ status: 'expired' });
    await expect(send(current.url)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('expires after ten minutes by default', async () => {
    const current = await open();
    const minutes = (current.expiresAt.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(9.9);
    expect(minutes).toBeLessThanOrEqual(10);
  });

  it('refuses a form body that is too large', async () => {
    const current = await open();
    const reply = await post(current, {
      ...GOOD,
      formToken: await freshToken(current),
      padding: 'x'.repeat(20_000),
    }).catch((error: Error) => ({ status: -1, body: error.message, headers: {} }));
    expect([413, -1]).toContain(reply.status);
    expect(attempts).toHaveLength(0);
  });
});
