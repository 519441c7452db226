import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { JobdeskCredentials } from '../config.js';
import { JobdeskCredentialsRejectedError, JobdeskError } from '../jobdesk/errors.js';
import { type PageState, renderSignInPage } from './sign-in-page-html.js';

export type SignInOutcome =
  | { status: 'signed-in'; emailAddress: string; expiresAt: Date | null }
  | { status: 'expired' }
  | { status: 'too-many-attempts' }
  | { status: 'closed' };

export interface SignInPageOptions {
  /** The jobdesk host the credentials go to, shown on the page. */
  jobdeskHost: string;
  /** Logs in to jobdesk; throws a JobdeskError when it cannot. */
  signIn: (credentials: JobdeskCredentials) => Promise<{ emailAddress: string; expiresAt: Date | null }>;
  lifetimeMs?: number;
  maxAttempts?: number;
}

/** A sign-in page waiting for the user: its one-time URL, and how it ended. */
export interface SignInPage {
  readonly url: string;
  /** Unique per page; the MCP elicitation id. */
  readonly id: string;
  readonly expiresAt: Date;
  readonly outcome: Promise<SignInOutcome>;
  readonly isOpen: boolean;
  close(): Promise<void>;
}

export const SIGN_IN_LIFETIME_MS = 10 * 60 * 1000;
// A typo should not cost a new page; a guessing loop should.
const DEFAULT_MAX_ATTEMPTS = 5;
const MAX_FORM_BYTES = 8 * 1024;

function secret(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Serves a one-time sign-in page on 127.0.0.1, so that the password goes from the user's browser to
 * this process and on to jobdesk, and never through the model. The page lives at an unguessable path
 * (256 bits), refuses other Host headers (DNS rebinding) and cross-origin posts, and closes its
 * listener after a successful sign-in, too many failed ones, or its lifetime.
 */
export async function openSignInPage(options: SignInPageOptions): Promise<SignInPage> {
  const lifetimeMs = options.lifetimeMs ?? SIGN_IN_LIFETIME_MS;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const path = `/sign-in/${secret(32)}`;
  const id = secret(16);
  let formToken = secret(24);
  let attempts = 0;
  let busy = false;
  let open = true;
  let settle: (outcome: SignInOutcome) => void = () => {};
  const outcome = new Promise<SignInOutcome>((resolve) => {
    settle = resolve;
  });
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  const url = `http://127.0.0.1:${port}${path}`;
  const expiresAt = new Date(Date.now() + lifetimeMs);
  const expiryTimer = setTimeout(() => void finish({ status: 'expired' }), lifetimeMs);
  expiryTimer.unref();

  async function finish(result: SignInOutcome): Promise<void> {
    if (!open) return;
    open = false;
    clearTimeout(expiryTimer);
    settle(result);
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Keep-alive sockets would hold the listener open; the last page has been written by now.
      setImmediate(() => {
        for (const socket of sockets) socket.destroy();
      });
    });
  }

  function send(response: ServerResponse, status: number, state: PageState): void {
    const styleNonce = secret(16);
    const html = renderSignInPage(state, { jobdeskHost: options.jobdeskHost, formAction: path, formToken, styleNonce });
    response.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'none'; style-src 'nonce-${styleNonce}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      // same-origin, not no-referrer: with no-referrer Chromium sends "Origin: null" on the form post, which the origin check must refuse.
      'referrer-policy': 'same-origin',
      'cache-control': 'no-store',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
    });
    response.end(html);
  }

  function refuse(response: ServerResponse, status: number, text: string): void {
    response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    response.end(`${text}\n`);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // A page reached through another host name is a DNS-rebinding attempt, whatever the path.
    if (!allowedHosts.has((request.headers.host ?? '').toLowerCase())) return refuse(response, 421, 'Wrong host.');
    const requestPath = (request.url ?? '').split('?')[0] ?? '';
    if (!open || !sameSecret(requestPath, path)) return refuse(response, 404, 'Not found.');
    if (request.method === 'GET') return send(response, 200, { kind: 'form' });
    if (request.method !== 'POST') return refuse(response, 405, 'Method not allowed.');

    const origin = request.headers.origin;
    const fetchSite = request.headers['sec-fetch-site'];
    if (!origin || !allowedOrigins.has(origin) || (fetchSite !== undefined && fetchSite !== 'same-origin')) {
      return refuse(response, 403, 'Cross-origin sign-in refused.');
    }
    if (!(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      return refuse(response, 415, 'Unsupported form encoding.');
    }
    const body = await readBody(request);
    if (body === undefined) return refuse(response, 413, 'Form too large.');
    const form = new URLSearchParams(body);
    const emailAddress = (form.get('emailAddress') ?? '').trim();
    const password = form.get('password') ?? '';
    if (!sameSecret(form.get('formToken') ?? '', formToken)) {
      return send(response, 403, { kind: 'form', error: 'This form has expired. Please sign in again.', emailAddress });
    }
    if (busy) return send(response, 409, { kind: 'form', error: 'A sign-in is already under way.', emailAddress });
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(emailAddress) || emailAddress.length > 254) {
      return send(response, 400, { kind: 'form', error: 'Please enter a valid email address.', emailAddress });
    }
    if (password.length === 0 || password.length > 1024) {
      return send(response, 400, { kind: 'form', error: 'Please enter your password.', emailAddress });
    }

    busy = true;
    formToken = secret(24);
    try {
      const account = await options.signIn({ emailAddress, password });
      send(response, 200, { kind: 'signed-in', emailAddress: account.emailAddress });
      response.on('finish', () => void finish({ status: 'signed-in', ...account }));
    } catch (error) {
      attempts++;
      const message =
        error instanceof JobdeskCredentialsRejectedError
          ? 'jobdesk rejected the email address or password.'
          : error instanceof JobdeskError
            ? `${error.message} ${error.advice}`
            : 'Signing in failed unexpectedly.';
      if (attempts >= maxAttempts) {
        send(response, 403, { kind: 'closed', reason: `${message} That was the last attempt this page allows.` });
        response.on('finish', () => void finish({ status: 'too-many-attempts' }));
      } else {
        send(response, 401, { kind: 'form', error: message, emailAddress });
      }
    } finally {
      busy = false;
    }
  }

  return {
    url,
    id,
    expiresAt,
    outcome,
    get isOpen() {
      return open;
    },
    close: () => finish({ status: 'closed' }),
  };
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) {
      request.destroy();
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
