import { STATUS_CODES } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { default as Undici, Dispatcher } from 'undici';
import type { JobdeskCredentials } from '../config.js';
import {
  findClientArray,
  isClientEntry,
  type JobdeskClientEntry,
  type LoginGrant,
  parseLoginAnswer,
} from './answers.js';
import {
  JobdeskAbortedError,
  JobdeskCredentialsRejectedError,
  JobdeskError,
  JobdeskHttpError,
  JobdeskNetworkError,
  JobdeskResponseError,
  JobdeskTimeoutError,
} from './errors.js';
import { decideAfterNetworkError, decideAfterStatus, decideAfterTimeout, type RetryDecision } from './retry-policy.js';
import { quotableUpstreamText } from './upstream-text.js';

export const LOGIN_PATH = '/api/account/login';
export const CLIENTS_PATH = '/api/Client';

export interface JobdeskClientOptions {
  baseUrl: URL;
  timeoutMs: number;
  maxResponseBytes: number;
  /** Tests pass a dispatcher of their own; by default one keep-alive agent serves every request. */
  dispatcher?: Dispatcher;
  random?: () => number;
}

/** How far a long download has got, for hosts that show progress. */
export interface ListProgress {
  bytesRead: number;
  /** From Content-Length, when jobdesk sent one. */
  bytesTotal: number | undefined;
}

export interface ListClientsOptions {
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: ListProgress) => void) | undefined;
}

/** jobdesk's answer: the token was refused. Kept apart from JobdeskHttpError so the session can re-login. */
export class JobdeskUnauthorizedError extends JobdeskHttpError {}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** Set when jobdesk asked for a longer wait than the retry policy grants. */
  retryAfterMs?: number;
}

const ERROR_BODY_BYTES = 16 * 1024;
const UPSTREAM_MESSAGE_CHARS = 200;
const REDIRECT_TARGET_CHARS = 120;
const MAX_SAME_ORIGIN_REDIRECTS = 3;

/** Speaks HTTP to one jobdesk tenant: login and the client list, with timeouts, retries and a size cap. */
export class JobdeskClient {
  private dispatcher: Dispatcher | undefined;
  private readonly ownsDispatcher: boolean;
  private readonly random: () => number;
  // undici is most of the server's code; loading it with the first request keeps start-up short.
  private undici: Promise<typeof Undici> | undefined;

  constructor(private readonly options: JobdeskClientOptions) {
    this.ownsDispatcher = options.dispatcher === undefined;
    this.dispatcher = options.dispatcher;
    this.random = options.random ?? Math.random;
  }

  private async http(): Promise<{ request: typeof Undici.request; dispatcher: Dispatcher }> {
    // undici is CommonJS: its default export is module.exports, both under Node and in the esbuild bundle.
    const undici = await (this.undici ??= import('undici').then((module) => module.default));
    this.dispatcher ??= new undici.Agent({
      keepAliveTimeout: 30_000,
      connections: 8,
      // The whole-attempt deadline below governs; these only stop undici's own 300 s defaults winning.
      headersTimeout: this.options.timeoutMs,
      bodyTimeout: this.options.timeoutMs,
    });
    return { request: undici.request, dispatcher: this.dispatcher };
  }

  get baseUrl(): URL {
    return this.options.baseUrl;
  }

  /** Exchanges credentials for a token. Throws JobdeskCredentialsRejectedError on 401 or 403. */
  async login(credentials: JobdeskCredentials, signal?: AbortSignal): Promise<LoginGrant> {
    const body = JSON.stringify({ emailAddress: credentials.emailAddress, password: credentials.password });
    const { answer, attempts } = await this.send(
      'POST',
      LOGIN_PATH,
      { 'content-type': 'application/json', accept: 'application/json, text/plain' },
      body,
      [credentials.password],
      signal,
    );
    if (answer.status === 401 || answer.status === 403) {
      throw new JobdeskCredentialsRejectedError(credentials.emailAddress, answer.status);
    }
    // jobdesk may echo what it was sent; the password must not reach the model that way.
    throwUnlessOk('POST', LOGIN_PATH, answer, attempts, [credentials.password]);
    const text = answer.body.toString('utf8');
    if (looksLikeHtml(answer, text)) {
      throw new JobdeskResponseError('POST', LOGIN_PATH, 'not-json', 'was a web page, not a token');
    }
    const grant = parseLoginAnswer(text);
    if (!grant) {
      throw new JobdeskResponseError('POST', LOGIN_PATH, 'wrong-shape', 'held no token');
    }
    return grant;
  }

  /**
   * Fetches every client the token may see, as jobdesk sent them: `toClientRecord` compacts the few that are shown,
   * which spares a second copy of the whole list. Throws JobdeskUnauthorizedError on 401.
   */
  async listClients(token: string, options: ListClientsOptions = {}): Promise<JobdeskClientEntry[]> {
    const { answer, attempts } = await this.send(
      'GET',
      CLIENTS_PATH,
      { authorization: `Bearer ${token}`, accept: 'application/json' },
      undefined,
      [token],
      options.signal,
      options.onProgress,
    );
    throwUnlessOk('GET', CLIENTS_PATH, answer, attempts, [token]);
    const text = answer.body.toString('utf8');
    releaseNow(answer.body);
    if (looksLikeHtml(answer, text)) {
      throw new JobdeskResponseError('GET', CLIENTS_PATH, 'not-json', 'was a web page (HTML), not a client list');
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch {
      const problem = /^\s*[[{]/.test(text) ? 'truncated' : 'not-json';
      throw new JobdeskResponseError(
        'GET',
        CLIENTS_PATH,
        problem,
        problem === 'truncated' ? 'was cut off before the end of the JSON' : 'was not JSON',
      );
    }
    const entries = findClientArray(parsed);
    if (!entries) {
      throw new JobdeskResponseError('GET', CLIENTS_PATH, 'wrong-shape', 'was JSON but held no list of clients');
    }
    const clients = entries.filter(isClientEntry);
    if (entries.length > 0 && clients.length === 0) {
      throw new JobdeskResponseError('GET', CLIENTS_PATH, 'wrong-shape', 'held a list, but not of client records');
    }
    return clients;
  }

  /** Closes the keep-alive connections; in-flight requests are aborted by their own signals first. */
  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher?.destroy();
  }

  /**
   * One request under the retry policy, redirects limited to the same origin. Resolves with the last
   * answer, whatever its status, and how many attempts it took; rejects only when no answer came.
   * `secrets` (what the request carries) are kept out of any error message built from jobdesk's answer.
   */
  private async send(
    method: 'GET' | 'POST',
    path: string,
    headers: Record<string, string>,
    body: string | undefined,
    secrets: readonly string[],
    signal: AbortSignal | undefined,
    onProgress?: (progress: ListProgress) => void,
  ): Promise<{ answer: Answer; attempts: number }> {
    let url = joinUrl(this.options.baseUrl, path);
    let redirects = 0;
    for (let attempt = 1; ; attempt++) {
      let answer: Answer;
      try {
        answer = await this.attempt(method, url, path, headers, body, signal, onProgress);
      } catch (error) {
        let decision: RetryDecision;
        if (error instanceof JobdeskNetworkError)
          decision = decideAfterNetworkError(method, error.code, attempt, this.random);
        else if (error instanceof JobdeskTimeoutError) decision = decideAfterTimeout();
        else throw error;
        if (!decision.retry) {
          if (error instanceof JobdeskTimeoutError) throw error;
          throw new JobdeskNetworkError(method, path, error.host, error.code, attempt, { cause: error.cause });
        }
        await this.pause(decision.delayMs, method, path, signal);
        continue;
      }
      if (isRedirect(answer.status)) {
        const target = redirectTarget(answer, url);
        // Following a redirect to another origin would hand it the bearer token or the password.
        if (!target || target.origin !== url.origin || method !== 'GET' || ++redirects > MAX_SAME_ORIGIN_REDIRECTS) {
          throw new JobdeskResponseError(
            method,
            path,
            'redirect',
            `was a redirect (${answer.status}) to ${describeTarget(target, secrets)}, which is not followed`,
            'Set JOBDESK_BASE_URL to the address jobdesk redirects to, if you trust it.',
          );
        }
        url = target;
        attempt--;
        continue;
      }
      const retryAfter = headerValue(answer.headers['retry-after']);
      const decision = decideAfterStatus(method, answer.status, attempt, retryAfter, this.random);
      if (!decision.retry) {
        if (decision.retryAfterMs !== undefined) answer.retryAfterMs = decision.retryAfterMs;
        return { answer, attempts: attempt };
      }
      await this.pause(decision.delayMs, method, path, signal);
    }
  }

  private async pause(delayMs: number, method: string, path: string, signal: AbortSignal | undefined): Promise<void> {
    try {
      await sleep(delayMs, undefined, signal ? { signal } : undefined);
    } catch {
      throw new JobdeskAbortedError(method, path);
    }
  }

  /** One attempt, bounded as a whole (headers and body) by the timeout, and in size by the cap. */
  private async attempt(
    method: 'GET' | 'POST',
    url: URL,
    path: string,
    headers: Record<string, string>,
    body: string | undefined,
    signal: AbortSignal | undefined,
    onProgress: ((progress: ListProgress) => void) | undefined,
  ): Promise<Answer> {
    const { timeoutMs, maxResponseBytes } = this.options;
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), timeoutMs);
    const onCallerAbort = (): void => deadline.abort();
    signal?.addEventListener('abort', onCallerAbort, { once: true });
    const failed = (error: unknown): JobdeskError => {
      if (error instanceof JobdeskError) return error;
      if (signal?.aborted) return new JobdeskAbortedError(method, path);
      if (deadline.signal.aborted || isTimeoutCode(errorCode(error))) {
        return new JobdeskTimeoutError(method, path, timeoutMs, 1);
      }
      return new JobdeskNetworkError(method, path, url.host, errorCode(error), 1, { cause: error });
    };
    try {
      if (signal?.aborted) throw new JobdeskAbortedError(method, path);
      const { request, dispatcher } = await this.http();
      const response = await request(url, {
        method,
        headers,
        body: body ?? null,
        dispatcher,
        signal: deadline.signal,
      }).catch((error: unknown) => {
        throw failed(error);
      });
      const ok = response.statusCode >= 200 && response.statusCode < 300;
      // Error pages are read only far enough to quote jobdesk's message.
      const cap = ok ? maxResponseBytes : ERROR_BODY_BYTES;
      const declared = Number(headerValue(response.headers['content-length']));
      if (ok && Number.isFinite(declared) && declared > maxResponseBytes) {
        response.body.destroy();
        throw tooLarge(method, path, maxResponseBytes);
      }
      // With its length declared, a list goes straight into one buffer as it arrives, instead of into chunks that are
      // joined at the end: half the memory at the peak, and none left behind in the allocator's free lists.
      // Not from Buffer's shared pool, so that releaseNow may hand its memory back.
      const whole = ok && Number.isFinite(declared) && declared > 0 ? Buffer.allocUnsafeSlow(declared) : undefined;
      let filled = 0;
      const chunks: Buffer[] = [];
      let bytesRead = 0;
      try {
        for await (const chunk of response.body as AsyncIterable<Buffer>) {
          bytesRead += chunk.length;
          if (bytesRead > cap) {
            response.body.destroy();
            if (ok) throw tooLarge(method, path, maxResponseBytes);
            chunks.push(chunk.subarray(0, Math.max(0, chunk.length - (bytesRead - cap))));
            break;
          }
          if (whole !== undefined && chunks.length === 0 && filled + chunk.length <= whole.length) {
            chunk.copy(whole, filled);
            filled += chunk.length;
          } else {
            chunks.push(chunk);
          }
          onProgress?.({ bytesRead, bytesTotal: Number.isFinite(declared) ? declared : undefined });
        }
      } catch (error) {
        throw failed(error);
      }
      const received = whole?.subarray(0, filled);
      const answerBody =
        received === undefined
          ? Buffer.concat(chunks)
          : chunks.length === 0
            ? received
            : Buffer.concat([received, ...chunks]);
      return { status: response.statusCode, headers: response.headers, body: answerBody };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onCallerAbort);
    }
  }
}

/**
 * Hands a large body's memory back at once instead of at V8's next full collection, which can come long after the list
 * has been parsed: transferring the memory to a throwaway ArrayBuffer leaves only a young object to collect. Only for
 * a buffer that owns all of its memory; a pooled one shares it with other buffers.
 */
function releaseNow(body: Buffer): void {
  const memory = body.buffer;
  if (!(memory instanceof ArrayBuffer) || body.byteLength < RELEASE_AT_BYTES) return;
  if (body.byteOffset !== 0 || memory.byteLength !== body.byteLength) return;
  structuredClone(memory, { transfer: [memory] });
}

const RELEASE_AT_BYTES = 1024 * 1024;

function throwUnlessOk(
  method: string,
  path: string,
  answer: Answer,
  attempts: number,
  secrets: readonly string[],
): void {
  if (answer.status >= 200 && answer.status < 300) return;
  const ErrorClass = answer.status === 401 ? JobdeskUnauthorizedError : JobdeskHttpError;
  throw new ErrorClass(
    method,
    path,
    answer.status,
    STATUS_CODES[answer.status] ?? '',
    attempts,
    upstreamMessage(answer, secrets),
    answer.retryAfterMs,
  );
}

/** Where a refused redirect pointed, as the model may read it: jobdesk chose it, so it is bounded like jobdesk's words. */
function describeTarget(target: URL | undefined, secrets: readonly string[]): string {
  if (!target) return 'an unknown place';
  // The path is kept, since it often says why (an SSO login page, say), but a hostile one may carry a
  // secret: decoded first, so that a percent-encoded password is recognised and redacted too.
  let path = target.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // Malformed escapes are quoted as they are.
  }
  return quotableUpstreamText(target.origin + path, REDIRECT_TARGET_CHARS, secrets) ?? 'an unknown place';
}

function tooLarge(method: string, path: string, maxResponseBytes: number): JobdeskResponseError {
  const megabytes = Math.round(maxResponseBytes / (1024 * 1024));
  return new JobdeskResponseError(
    method,
    path,
    'too-large',
    `was larger than the limit of ${megabytes} MB and was not read`,
    `Raise JOBDESK_MAX_RESPONSE_MB above ${megabytes} if this tenant really has that many clients.`,
  );
}

function joinUrl(baseUrl: URL, path: string): URL {
  const url = new URL(baseUrl.href);
  url.pathname = `${baseUrl.pathname.replace(/\/+$/, '')}${path}`;
  return url;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

function redirectTarget(answer: Answer, from: URL): URL | undefined {
  const location = headerValue(answer.headers.location);
  if (!location) return undefined;
  try {
    return new URL(location, from);
  } catch {
    return undefined;
  }
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  // undici wraps the socket's system error; the useful code may sit one or two causes down.
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR' && code !== 'UND_ERR_ABORTED') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function isTimeoutCode(code: string | undefined): boolean {
  return code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT';
}

function looksLikeHtml(answer: Answer, text: string): boolean {
  const type = headerValue(answer.headers['content-type']) ?? '';
  return type.includes('text/html') || /^\s*<(!doctype|html|head|body)/i.test(text.slice(0, 200));
}

/** jobdesk's own words from an error answer, when it sent some, made safe to quote (see quotableUpstreamText). */
function upstreamMessage(answer: Answer, secrets: readonly string[]): string | undefined {
  const text = answer.body.toString('utf8');
  if (!text.trim() || looksLikeHtml(answer, text)) return undefined;
  let message: unknown = text;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') {
      const record = parsed as Record<string, unknown>;
      message =
        record.message ?? record.Message ?? record.title ?? record.error_description ?? record.error ?? record.detail;
    } else {
      message = parsed;
    }
  } catch {
    // Plain text is quoted as it is.
  }
  if (typeof message !== 'string') return undefined;
  return quotableUpstreamText(message, UPSTREAM_MESSAGE_CHARS, secrets);
}
