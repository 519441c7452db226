import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { frameClientList, JSON_CONTENT_TYPE, shapeLoginAnswer, tokenIsJwt } from './answer-shapes.js';
import { demoAccount } from './demo-account.js';
import { FaultQueue, playFault, type SandboxFault, type SandboxRoute } from './faults.js';
import type { SandboxAccount, SandboxBehaviour, SandboxOptions } from './sandbox-options.js';
import { TokenIssuer, type TokenCheck } from './token-issuer.js';

/**
 * Request counters. Every request that reaches a route counts, whatever its outcome and even
 * when a fault answers it, because retry and single-flight tests count attempts.
 */
export interface SandboxStats {
  logins: number;
  listRequests: number;
  /** Login attempts per email given in the body, lowercased; unknown emails count too. */
  loginsByAccount: Record<string, number>;
  /** List requests per account whose token (valid or expired) the sandbox issued; lowercased email. */
  listRequestsByAccount: Record<string, number>;
}

export interface Sandbox {
  /** e.g. http://127.0.0.1:43123, without a trailing slash. */
  readonly baseUrl: string;
  /** Live counters; the same object for the sandbox's life. */
  readonly stats: SandboxStats;
  resetStats(): void;
  /** Changes how later logins and list requests are answered; issued tokens keep their expiry. */
  setOptions(patch: Partial<Pick<SandboxOptions, 'tokenShape' | 'expiryHint' | 'tokenTtlSeconds' | 'listShape'>>): void;
  /** Every token issued so far gets 401 from now on; new logins work as before. */
  expireAllTokens(): void;
  /** Every token the sandbox has issued, expired or not, oldest first: for tests that hunt for leaked secrets. */
  issuedTokens(): string[];
  /** TCP connections open right now, idle keep-alive ones included: for tests that check nothing is left open. */
  openConnections(): number;
  /** The next `times` (default 1) requests on the route get the fault instead of the normal answer. */
  injectFault(route: SandboxRoute, fault: SandboxFault, times?: number): void;
  clearFaults(): void;
  /** Closes the server and destroys every open socket, pending or idle; safe to call twice. */
  close(): Promise<void>;
}

const MAX_REQUEST_BODY_BYTES = 1024 * 1024;
const INVALID_CREDENTIALS = JSON.stringify({ message: 'Invalid email address or password' });

/** Starts a loopback jobdesk that speaks the documented login and client-list endpoints. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const accounts = indexAccounts(options.accounts ?? [demoAccount()]);
  const behaviour: SandboxBehaviour = {
    tokenShape: options.tokenShape ?? 'token',
    expiryHint: options.expiryHint ?? 'jwt-exp',
    tokenTtlSeconds: checkTtl(options.tokenTtlSeconds ?? 3600),
    listShape: options.listShape ?? 'array',
  };
  const tokens = new TokenIssuer();
  const faults = new FaultQueue();
  const stats: SandboxStats = { logins: 0, listRequests: 0, loginsByAccount: {}, listRequestsByAccount: {} };
  // Serialized once per account on first request: a 100k-client tenant is ~60 MB of JSON.
  const serializedLists = new Map<string, Buffer>();

  const answerLogin = (res: ServerResponse, attempt: LoginAttempt): void => {
    if (attempt.kind === 'malformed') {
      sendJson(res, 400, validationProblem(attempt.errors), 'application/problem+json; charset=utf-8');
      return;
    }
    const account = accounts.get(attempt.emailKey);
    if (account === undefined || account.password !== attempt.password) {
      sendJson(res, 401, INVALID_CREDENTIALS);
      return;
    }
    const { tokenShape, expiryHint, tokenTtlSeconds } = behaviour;
    const issued = tokens.issue(attempt.emailKey, tokenTtlSeconds, tokenIsJwt(expiryHint));
    const answer = shapeLoginAnswer(tokenShape, expiryHint, issued.token, tokenTtlSeconds, issued.expiresAtMs);
    sendJson(res, 200, answer.body, answer.contentType);
  };

  const answerClientList = (res: ServerResponse, check: BearerCheck): void => {
    if (check.kind !== 'valid') {
      res.writeHead(401, { 'www-authenticate': bearerChallenge(check), 'content-length': '0' });
      res.end();
      return;
    }
    const account = accounts.get(check.emailKey);
    if (account === undefined) throw new Error(`token issued for unknown account ${check.emailKey}`);
    let list = serializedLists.get(check.emailKey);
    if (list === undefined) {
      list = Buffer.from(JSON.stringify(account.clients));
      serializedLists.set(check.emailKey, list);
    }
    const frame = frameClientList(behaviour.listShape, account.clients.length);
    res.writeHead(200, {
      'content-type': JSON_CONTENT_TYPE,
      'content-length': String(frame.prefix.length + list.length + frame.suffix.length),
    });
    res.write(frame.prefix);
    res.write(list);
    res.end(frame.suffix);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const route = routeOf(req);
    const body = await readBody(req);
    if (route === undefined) {
      sendEmpty(res, 404);
      return;
    }
    if (body === undefined) {
      res.writeHead(413, { connection: 'close', 'content-length': '0' });
      res.end();
      return;
    }

    let answerNormally: () => void;
    if (route === 'login') {
      const attempt = parseLogin(body);
      stats.logins += 1;
      if (attempt.kind === 'credentials') countFor(stats.loginsByAccount, attempt.emailKey);
      answerNormally = () => answerLogin(res, attempt);
    } else {
      const check = checkBearer(tokens, req.headers.authorization);
      stats.listRequests += 1;
      if (check.kind === 'valid' || check.kind === 'expired') countFor(stats.listRequestsByAccount, check.emailKey);
      // Re-checked at answer time, so a delay fault can outlast the token.
      answerNormally = () => answerClientList(res, checkBearer(tokens, req.headers.authorization));
    }

    const fault = faults.take(route);
    if (fault !== undefined && (await playFault(fault, route, res)) === 'answered') return;
    if (res.destroyed) return;
    answerNormally();
  };

  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendJson(res, 500, JSON.stringify({ message: `sandbox failure: ${String(error)}` }));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  let closing: Promise<void> | undefined;
  return {
    baseUrl: `http://${host}:${address.port}`,
    stats,
    resetStats() {
      stats.logins = 0;
      stats.listRequests = 0;
      clearCounts(stats.loginsByAccount);
      clearCounts(stats.listRequestsByAccount);
    },
    setOptions(patch) {
      if (patch.tokenShape !== undefined) behaviour.tokenShape = patch.tokenShape;
      if (patch.expiryHint !== undefined) behaviour.expiryHint = patch.expiryHint;
      if (patch.tokenTtlSeconds !== undefined) behaviour.tokenTtlSeconds = checkTtl(patch.tokenTtlSeconds);
      if (patch.listShape !== undefined) behaviour.listShape = patch.listShape;
    },
    expireAllTokens() {
      tokens.expireAll();
    },
    issuedTokens() {
      return tokens.issued();
    },
    openConnections() {
      return sockets.size;
    },
    injectFault(route, fault, times = 1) {
      faults.add(route, fault, times);
    },
    clearFaults() {
      faults.clear();
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive sockets and silenced or endless requests would otherwise hold close open.
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}

function indexAccounts(accounts: readonly SandboxAccount[]): Map<string, SandboxAccount> {
  const byEmail = new Map<string, SandboxAccount>();
  for (const account of accounts) {
    const key = account.emailAddress.toLowerCase();
    if (byEmail.has(key)) throw new Error(`two sandbox accounts share the email ${key}`);
    byEmail.set(key, account);
  }
  return byEmail;
}

function checkTtl(seconds: number): number {
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new RangeError(`tokenTtlSeconds must be positive, got ${seconds}`);
  return seconds;
}

// ASP.NET routing ignores case and a trailing slash; so does the sandbox.
function routeOf(req: IncomingMessage): SandboxRoute | undefined {
  const path = new URL(req.url ?? '/', 'http://sandbox').pathname.toLowerCase().replace(/\/+$/, '');
  if (req.method === 'POST' && path === '/api/account/login') return 'login';
  if (req.method === 'GET' && path === '/api/client') return 'clients';
  return undefined;
}

/** The whole body, or undefined when it exceeds the cap. */
async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_REQUEST_BODY_BYTES) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

type LoginAttempt =
  { kind: 'credentials'; emailKey: string; password: string } | { kind: 'malformed'; errors: Record<string, string[]> };

// Mirrors ASP.NET model binding: property names match case-insensitively, values must be
// non-empty strings ([Required]), and any failure is a 400 ValidationProblemDetails.
function parseLogin(body: Buffer): LoginAttempt {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return { kind: 'malformed', errors: { $: ['The JSON value could not be parsed.'] } };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { kind: 'malformed', errors: { $: ['The JSON value could not be converted to LoginModel.'] } };
  }
  const fields = new Map(Object.entries(parsed).map(([key, value]) => [key.toLowerCase(), value] as const));
  const errors: Record<string, string[]> = {};
  const required = (name: 'EmailAddress' | 'Password'): string | undefined => {
    const value = fields.get(name.toLowerCase());
    if (value !== undefined && value !== null && typeof value !== 'string') {
      errors[`$.${name.charAt(0).toLowerCase()}${name.slice(1)}`] = [
        'The JSON value could not be converted to System.String.',
      ];
      return undefined;
    }
    if (value === undefined || value === null || value.trim() === '') {
      errors[name] = [`The ${name} field is required.`];
      return undefined;
    }
    return value;
  };
  const emailAddress = required('EmailAddress');
  const password = required('Password');
  if (emailAddress === undefined || password === undefined) return { kind: 'malformed', errors };
  return { kind: 'credentials', emailKey: emailAddress.trim().toLowerCase(), password };
}

function validationProblem(errors: Record<string, string[]>): string {
  return JSON.stringify({
    type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
    title: 'One or more validation errors occurred.',
    status: 400,
    errors,
  });
}

type BearerCheck = TokenCheck | { kind: 'missing' };

function checkBearer(tokens: TokenIssuer, authorization: string | undefined): BearerCheck {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? '');
  const token = match?.[1];
  return token === undefined ? { kind: 'missing' } : tokens.check(token);
}

// The challenges ASP.NET's JwtBearer handler sends, so clients can tell "log in" from "log in again".
function bearerChallenge(check: Exclude<BearerCheck, { kind: 'valid' }>): string {
  switch (check.kind) {
    case 'missing':
      return 'Bearer';
    case 'unknown':
      return 'Bearer error="invalid_token"';
    case 'expired':
      return `Bearer error="invalid_token", error_description="The token expired at '${new Date(check.expiredAtMs).toISOString()}'"`;
  }
}

function countFor(counts: Record<string, number>, emailKey: string): void {
  counts[emailKey] = (counts[emailKey] ?? 0) + 1;
}

function clearCounts(counts: Record<string, number>): void {
  for (const key of Object.keys(counts)) delete counts[key];
}

function sendJson(res: ServerResponse, status: number, body: string, contentType: string = JSON_CONTENT_TYPE): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
}

function sendEmpty(res: ServerResponse, status: number): void {
  res.writeHead(status, { 'content-length': '0' });
  res.end();
}
