import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_EMAIL,
  DEMO_PASSWORD,
  startSandbox,
  type ExpiryHint,
  type Sandbox,
  type TokenShape,
} from '../../src/sandbox/index.js';
import { getClients, postLogin } from './sandbox-http.js';

const TOKEN_SHAPES: TokenShape[] = [
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
const EXPIRY_HINTS: ExpiryHint[] = ['jwt-exp', 'expiration', 'expires_in', 'none'];
const TTL_SECONDS = 900;

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ tokenTtlSeconds: TTL_SECONDS });
});
afterAll(async () => {
  await sandbox.close();
});

/** Where the shape documents the token (and any hint beside it) to be. */
function tokenHolder(shape: TokenShape, text: string): { token: string; holder: Record<string, unknown> } {
  if (shape === 'plain-text') return { token: text, holder: {} };
  const parsed: unknown = JSON.parse(text);
  if (shape === 'bare-json-string') return { token: parsed as string, holder: {} };
  const [outer, inner] = shape.startsWith('data.') ? ['data', shape.slice(5)] : [undefined, shape];
  const holder = (outer === undefined ? parsed : (parsed as Record<string, unknown>)[outer]) as Record<string, unknown>;
  return { token: holder[inner] as string, holder };
}

function jwtParts(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [header, payload, signature] = token.split('.');
  expect(signature).toMatch(/^[A-Za-z0-9_-]{43}$/);
  const decode = (part: string | undefined): Record<string, unknown> =>
    JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  return { header: decode(header), payload: decode(payload) };
}

const combinations = TOKEN_SHAPES.flatMap((shape) => EXPIRY_HINTS.map((hint) => [shape, hint] as const));

describe('login answers', () => {
  it.each(combinations)('shape %s with hint %s carries a working token where documented', async (shape, hint) => {
    sandbox.setOptions({ tokenShape: shape, expiryHint: hint });
    const before = Math.floor(Date.now() / 1000);
    const res = await postLogin(sandbox, { emailAddress: DEMO_EMAIL, password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      shape === 'plain-text' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    );

    const { token, holder } = tokenHolder(shape, await res.text());
    expect(token).toMatch(/^[A-Za-z0-9_.-]{20,}$/);
    const bare = shape === 'plain-text' || shape === 'bare-json-string';
    const effectiveHint = bare && hint !== 'jwt-exp' ? 'none' : hint;

    if (effectiveHint === 'jwt-exp') {
      const { header, payload } = jwtParts(token);
      expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
      expect(payload['exp']).toBeGreaterThanOrEqual(before + TTL_SECONDS);
      expect(payload['exp']).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + TTL_SECONDS);
      expect(payload['email']).toBe(DEMO_EMAIL);
    } else {
      expect(token.split('.')).toHaveLength(1);
    }
    if (effectiveHint === 'expiration') {
      const expiresAt = Date.parse(holder['expiration'] as string);
      expect(expiresAt).toBeGreaterThan(Date.now() + (TTL_SECONDS - 5) * 1000);
      expect(expiresAt).toBeLessThanOrEqual(Date.now() + TTL_SECONDS * 1000);
    } else {
      expect(holder).not.toHaveProperty('expiration');
    }
    if (effectiveHint === 'expires_in') expect(holder['expires_in']).toBe(TTL_SECONDS);
    else expect(holder).not.toHaveProperty('expires_in');

    expect((await getClients(sandbox, token)).status).toBe(200);
  });
});

describe('login rules', () => {
  beforeAll(() => sandbox.setOptions({ tokenShape: 'token', expiryHint: 'jwt-exp' }));

  it('matches the email case-insensitively and ignores surrounding blanks', async () => {
    const res = await postLogin(sandbox, { emailAddress: ' Demo@JobDesk.Example ', password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
  });

  it('binds property names case-insensitively, as ASP.NET does', async () => {
    const res = await postLogin(sandbox, { EmailAddress: DEMO_EMAIL, Password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
  });

  it.each([
    ['a wrong password', { emailAddress: DEMO_EMAIL, password: 'wrong' }],
    ['a password in the wrong case', { emailAddress: DEMO_EMAIL, password: DEMO_PASSWORD.toUpperCase() }],
    ['an unknown email', { emailAddress: 'nobody@jobdesk.example', password: DEMO_PASSWORD }],
  ])('answers 401 with a JSON message for %s', async (_name, body) => {
    const res = await postLogin(sandbox, body);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toEqual({ message: 'Invalid email address or password' });
  });

  it.each([
    ['broken JSON', '{"emailAddress": '],
    ['an empty body', ''],
    ['a JSON array', '[]'],
    ['a missing password', JSON.stringify({ emailAddress: DEMO_EMAIL })],
    ['an empty email', JSON.stringify({ emailAddress: '', password: DEMO_PASSWORD })],
    ['a numeric email', JSON.stringify({ emailAddress: 42, password: DEMO_PASSWORD })],
  ])('answers 400 ValidationProblemDetails for %s', async (_name, body) => {
    const res = await postLogin(sandbox, body);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    const problem = (await res.json()) as { status: number; errors: Record<string, string[]> };
    expect(problem.status).toBe(400);
    expect(Object.keys(problem.errors).length).toBeGreaterThan(0);
  });

  it.each([
    ['GET', '/api/account/login'],
    ['POST', '/api/Client'],
    ['GET', '/api/clients'],
    ['GET', '/'],
    ['DELETE', '/api/Client'],
  ])('answers 404 to %s %s', async (method, path) => {
    const res = await fetch(`${sandbox.baseUrl}${path}`, { method });
    expect(res.status).toBe(404);
  });
});
