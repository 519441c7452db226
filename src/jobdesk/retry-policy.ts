/**
 * When a request to jobdesk is tried again, in one place. Reads are retried on network errors and on
 * the statuses that say "later"; the login POST only when the connection failed before anything was
 * sent, because a login that reached jobdesk may have counted against a lock-out limit. An attempt
 * that ran out of time is not repeated at all (see decideAfterTimeout).
 */
export const RETRY_POLICY = {
  /** Retries after the first attempt. */
  retries: 2,
  statuses: new Set([408, 429, 500, 502, 503, 504]),
  methodsRetriedOnStatus: new Set(['GET']),
  /** Codes that mean nothing reached jobdesk, so even a POST is safe to repeat. */
  connectPhaseCodes: new Set(['ECONNREFUSED', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']),
  backoffBaseMs: 250,
  backoffMaxMs: 4_000,
  /** A Retry-After longer than this is not waited for: the call fails and says how long to wait. */
  maxRetryAfterMs: 30_000,
} as const;

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; retryAfterMs?: number };

/** Parses Retry-After, in seconds or as an HTTP date, into milliseconds from now. */
export function parseRetryAfter(header: string | undefined, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Full-jitter exponential backoff: spreads the retries of many clients after a jobdesk restart. */
export function backoffDelayMs(retryNumber: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RETRY_POLICY.backoffMaxMs, RETRY_POLICY.backoffBaseMs * 2 ** retryNumber);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Decides whether to retry after an answer with a status. `attempt` counts from 1. */
export function decideAfterStatus(
  method: string,
  status: number,
  attempt: number,
  retryAfterHeader: string | undefined,
  random: () => number = Math.random,
): RetryDecision {
  if (!RETRY_POLICY.statuses.has(status) || !RETRY_POLICY.methodsRetriedOnStatus.has(method)) {
    return { retry: false };
  }
  const retryAfterMs = parseRetryAfter(retryAfterHeader);
  if (retryAfterMs !== undefined && retryAfterMs > RETRY_POLICY.maxRetryAfterMs) return { retry: false, retryAfterMs };
  if (attempt > RETRY_POLICY.retries)
    return retryAfterMs === undefined ? { retry: false } : { retry: false, retryAfterMs };
  return { retry: true, delayMs: retryAfterMs ?? backoffDelayMs(attempt - 1, random) };
}

/** Decides whether to retry after a request that got no answer at all. */
export function decideAfterNetworkError(
  method: string,
  code: string | undefined,
  attempt: number,
  random: () => number = Math.random,
): RetryDecision {
  if (attempt > RETRY_POLICY.retries) return { retry: false };
  const safeToRepeat = method === 'GET' || (code !== undefined && RETRY_POLICY.connectPhaseCodes.has(code));
  return safeToRepeat ? { retry: true, delayMs: backoffDelayMs(attempt - 1, random) } : { retry: false };
}

/**
 * Decides whether to retry after an attempt ran past JOBDESK_TIMEOUT_MS: never. The user has already
 * waited the whole timeout, a tenant too slow once is most likely too slow again at once, and repeating
 * would stretch one call to three timeouts plus backoff, past the minute hosts wait for a tool.
 */
export function decideAfterTimeout(): RetryDecision {
  return { retry: false };
}
