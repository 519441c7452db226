import { describe, expect, it } from 'vitest';
import {
  backoffDelayMs,
  decideAfterNetworkError,
  decideAfterStatus,
  decideAfterTimeout,
  parseRetryAfter,
  RETRY_POLICY,
} from '../../src/jobdesk/retry-policy.js';

const half = () => 0.5;

describe('decideAfterStatus', () => {
  it.each([408, 429, 500, 502, 503, 504])('retries GET on %i', (status) => {
    expect(decideAfterStatus('GET', status, 1, undefined, half).retry).toBe(true);
  });
  it.each([400, 401, 403, 404, 409, 422, 501, 505])('does not retry GET on %i', (status) => {
    expect(decideAfterStatus('GET', status, 1, undefined, half).retry).toBe(false);
  });
  it.each([429, 500, 503])('never retries the login POST on %i', (status) => {
    expect(decideAfterStatus('POST', status, 1, undefined, half).retry).toBe(false);
  });
  it('stops after the configured number of retries', () => {
    expect(decideAfterStatus('GET', 503, RETRY_POLICY.retries, undefined, half).retry).toBe(true);
    expect(decideAfterStatus('GET', 503, RETRY_POLICY.retries + 1, undefined, half).retry).toBe(false);
  });
  it('honours Retry-After up to the cap, and reports a longer one instead of waiting', () => {
    expect(decideAfterStatus('GET', 429, 1, '3', half)).toEqual({ retry: true, delayMs: 3000 });
    expect(decideAfterStatus('GET', 503, 1, '120', half)).toEqual({ retry: false, retryAfterMs: 120_000 });
  });
});

describe('decideAfterNetworkError', () => {
  it('retries a GET on any network error', () => {
    expect(decideAfterNetworkError('GET', 'ECONNRESET', 1, half).retry).toBe(true);
  });
  it('retries a POST only when nothing can have been sent', () => {
    expect(decideAfterNetworkError('POST', 'ECONNREFUSED', 1, half).retry).toBe(true);
    expect(decideAfterNetworkError('POST', 'ECONNRESET', 1, half).retry).toBe(false);
    expect(decideAfterNetworkError('POST', undefined, 1, half).retry).toBe(false);
  });
  it('gives up after the retries', () => {
    expect(decideAfterNetworkError('GET', 'ECONNRESET', RETRY_POLICY.retries + 1, half).retry).toBe(false);
  });
});

describe('decideAfterTimeout', () => {
  it('never repeats an attempt that ran out of time, so a call lasts at most one timeout', () => {
    expect(decideAfterTimeout()).toEqual({ retry: false });
  });
});

describe('parseRetryAfter and backoff', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-12-03T12:00:00Z');
    expect(parseRetryAfter('5', now)).toBe(5000);
    expect(parseRetryAfter('Thu, 03 Dec 2026 12:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Thu, 03 Dec 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
  it('grows exponentially with jitter inside [ceiling/2, ceiling], capped', () => {
    expect(backoffDelayMs(0, () => 0)).toBe(RETRY_POLICY.backoffBaseMs / 2);
    expect(backoffDelayMs(0, () => 1)).toBe(RETRY_POLICY.backoffBaseMs);
    expect(backoffDelayMs(1, () => 1)).toBe(RETRY_POLICY.backoffBaseMs * 2);
    expect(backoffDelayMs(20, () => 1)).toBe(RETRY_POLICY.backoffMaxMs);
  });
});
