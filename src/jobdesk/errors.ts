/**
 * The errors jobdesk/ throws. Each message says what happened in one sentence a model can read; `advice`
 * says what to do next. No message ever holds a token, a password or a raw stack.
 */
export abstract class JobdeskError extends Error {
  abstract readonly advice: string;
  /** Whether the same call may succeed a little later without anything being changed. */
  readonly transient: boolean = false;
}

/** jobdesk refused the email address or password on login. */
export class JobdeskCredentialsRejectedError extends JobdeskError {
  override readonly name = 'JobdeskCredentialsRejectedError';
  readonly advice =
    'Check the email address and password and call login again (or fix JOBDESK_EMAIL / JOBDESK_PASSWORD).';
  constructor(
    readonly emailAddress: string,
    readonly status: number,
  ) {
    super(`jobdesk rejected the email address or password for ${emailAddress} (HTTP ${status}).`);
  }
}

/** No token, and no credentials to get one with. */
export class JobdeskNotLoggedInError extends JobdeskError {
  override readonly name = 'JobdeskNotLoggedInError';
  readonly advice =
    'Call the login tool without arguments (it gives the user a sign-in page), or set JOBDESK_EMAIL and JOBDESK_PASSWORD in the server configuration.';
  constructor() {
    super('Not logged in to jobdesk.');
  }
}

/** The token was refused and logging in again with the kept credentials did not help. */
export class JobdeskSessionExpiredError extends JobdeskError {
  override readonly name = 'JobdeskSessionExpiredError';
  readonly advice = 'Call the login tool again to start a new session.';
  constructor(options?: ErrorOptions) {
    super('The jobdesk session expired and logging in again did not restore it.', options);
  }
}

/** jobdesk answered with a status the call cannot use. */
export class JobdeskHttpError extends JobdeskError {
  override readonly name = 'JobdeskHttpError';
  override readonly transient: boolean;
  readonly advice: string;
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly statusText: string,
    readonly attempts: number,
    /** A short, control-character-free excerpt of jobdesk's own message, if it sent one. */
    readonly upstreamMessage: string | undefined,
    /** How long jobdesk asked us to wait (Retry-After), when that was longer than the retry policy waits. */
    readonly retryAfterMs?: number,
  ) {
    const times = attempts > 1 ? ` ${spellTimes(attempts)}` : '';
    const quoted = upstreamMessage ? ` Its message: "${upstreamMessage}".` : '';
    super(`jobdesk answered ${status} ${statusText} to ${method} ${path}${times}.${quoted}`.replace(/ +\./g, '.'));
    this.transient = status === 408 || status === 429 || status >= 500;
    this.advice =
      retryAfterMs === undefined
        ? adviceForStatus(status)
        : `jobdesk asked to wait ${Math.ceil(retryAfterMs / 1000)} seconds: try again after that.`;
  }
}

/** The request never got an answer: refused, reset, DNS, TLS. */
export class JobdeskNetworkError extends JobdeskError {
  override readonly name = 'JobdeskNetworkError';
  override readonly transient = true;
  readonly advice: string;
  constructor(
    readonly method: string,
    readonly path: string,
    readonly host: string,
    readonly code: string | undefined,
    readonly attempts: number,
    options?: ErrorOptions,
  ) {
    const times = attempts > 1 ? ` (tried ${spellTimes(attempts)})` : '';
    super(`Could not reach jobdesk at ${host} for ${method} ${path}: ${describeNetworkCode(code)}${times}.`, options);
    this.advice =
      code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? 'Check JOBDESK_BASE_URL and the network connection.'
        : code?.startsWith('ERR_TLS') || code?.includes('CERT')
          ? 'The TLS certificate was not accepted; check JOBDESK_BASE_URL.'
          : 'Check the network connection and try again in a minute.';
  }
}

/** An attempt ran past JOBDESK_TIMEOUT_MS. */
export class JobdeskTimeoutError extends JobdeskError {
  override readonly name = 'JobdeskTimeoutError';
  override readonly transient = true;
  readonly advice = 'jobdesk may be overloaded: try again in a minute, or raise JOBDESK_TIMEOUT_MS.';
  constructor(
    readonly method: string,
    readonly path: string,
    readonly timeoutMs: number,
    readonly attempts: number,
  ) {
    const times = attempts > 1 ? ` on each of ${attempts} attempts` : '';
    super(`jobdesk timed out: ${method} ${path} got no complete answer within ${timeoutMs} ms${times}.`);
  }
}

/** The answer arrived but cannot be used: not JSON, cut off, the wrong shape, or too large. */
export class JobdeskResponseError extends JobdeskError {
  override readonly name = 'JobdeskResponseError';
  readonly advice: string;
  constructor(
    readonly method: string,
    readonly path: string,
    readonly problem: 'not-json' | 'truncated' | 'wrong-shape' | 'too-large' | 'redirect',
    detail: string,
    advice?: string,
  ) {
    super(`jobdesk's answer to ${method} ${path} ${detail}.`);
    this.advice =
      advice ??
      (problem === 'not-json'
        ? 'jobdesk may be down for maintenance, or JOBDESK_BASE_URL may point at a web page rather than the API: check it, then try again later.'
        : problem === 'truncated'
          ? 'The connection was probably cut: try again.'
          : 'Check that JOBDESK_BASE_URL points at a jobdesk Enterprise API.');
  }
}

/** The caller gave up (the host cancelled the tool call, or the server is shutting down). */
export class JobdeskAbortedError extends JobdeskError {
  override readonly name = 'JobdeskAbortedError';
  readonly advice = 'The request was cancelled; call the tool again if the answer is still needed.';
  constructor(method: string, path: string) {
    super(`The request ${method} ${path} was cancelled before jobdesk answered.`);
  }
}

function spellTimes(count: number): string {
  return count === 2 ? 'twice' : count === 3 ? 'three times' : `${count} times`;
}

function adviceForStatus(status: number): string {
  if (status === 401 || status === 403) return 'Call the login tool again; the account may lack access to clients.';
  if (status === 404) return 'Check that JOBDESK_BASE_URL is the root of your jobdesk Enterprise address.';
  if (status === 429) return 'jobdesk is rate-limiting requests: wait a minute before searching again.';
  if (status >= 500 || status === 408) return 'jobdesk is having trouble: try again in a minute.';
  return 'This looks like a problem between this server and jobdesk; check JOBDESK_BASE_URL.';
}

function describeNetworkCode(code: string | undefined): string {
  switch (code) {
    case 'ECONNREFUSED':
      return 'the connection was refused';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'the connection was reset';
    case 'ENOTFOUND':
      return 'the host name was not found';
    case 'EAI_AGAIN':
      return 'the host name could not be looked up';
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'the connection timed out';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'the network is unreachable';
    default:
      return code ? `network error ${code}` : 'network error';
  }
}
