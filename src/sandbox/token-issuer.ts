import { createHmac, randomBytes, randomUUID } from 'node:crypto';

export interface IssuedToken {
  token: string;
  expiresAtMs: number;
}

export type TokenCheck =
  | { kind: 'valid'; emailKey: string }
  | { kind: 'expired'; emailKey: string; expiredAtMs: number }
  | { kind: 'unknown' };

interface TokenRecord {
  emailKey: string;
  expiresAtMs: number;
}

// Expired tokens are kept this long so a late request still hears "expired" rather than
// "unknown", then forgotten so a long benchmark does not grow the map without bound.
const EXPIRED_TOKEN_MEMORY_MS = 10 * 60_000;

/**
 * Mints and checks bearer tokens for one sandbox. Every token, JWT or opaque, is looked up in
 * memory rather than verified by signature, so `expireAll` can revoke JWTs whose `exp` is
 * still in the future, as a server-side logout or key rotation would.
 */
export class TokenIssuer {
  // A fresh key per sandbox: tokens from one test run never validate in another.
  readonly #signingKey = randomBytes(32);
  readonly #tokens = new Map<string, TokenRecord>();
  // Every token ever minted, for tests that search logs and results for leaked secrets; a few
  // dozen bytes per login, so even a long benchmark stays small.
  readonly #everIssued: string[] = [];

  issue(emailKey: string, ttlSeconds: number, asJwt: boolean): IssuedToken {
    this.#forgetLongExpired();
    const nowMs = Date.now();
    const expiresAtMs = nowMs + ttlSeconds * 1000;
    const token = asJwt ? this.#signJwt(emailKey, nowMs, ttlSeconds) : randomBytes(32).toString('base64url');
    this.#tokens.set(token, { emailKey, expiresAtMs });
    this.#everIssued.push(token);
    return { token, expiresAtMs };
  }

  check(token: string): TokenCheck {
    const record = this.#tokens.get(token);
    if (record === undefined) return { kind: 'unknown' };
    if (Date.now() >= record.expiresAtMs) {
      return { kind: 'expired', emailKey: record.emailKey, expiredAtMs: record.expiresAtMs };
    }
    return { kind: 'valid', emailKey: record.emailKey };
  }

  /** Every token issued so far, expired or not, oldest first. */
  issued(): string[] {
    return [...this.#everIssued];
  }

  expireAll(): void {
    const nowMs = Date.now();
    for (const record of this.#tokens.values()) {
      record.expiresAtMs = Math.min(record.expiresAtMs, nowMs);
    }
  }

  #signJwt(emailKey: string, nowMs: number, ttlSeconds: number): string {
    // exp is rounded down with iat, so the claim never promises more life than the server grants.
    const iat = Math.floor(nowMs / 1000);
    const header = { alg: 'HS256', typ: 'JWT' };
    const payload = {
      sub: emailKey,
      email: emailKey,
      jti: randomUUID(),
      iss: 'jobdesk-sandbox',
      aud: 'jobdesk-api',
      iat,
      nbf: iat,
      exp: iat + ttlSeconds,
    };
    const unsigned = `${base64UrlJson(header)}.${base64UrlJson(payload)}`;
    const signature = createHmac('sha256', this.#signingKey).update(unsigned).digest('base64url');
    return `${unsigned}.${signature}`;
  }

  #forgetLongExpired(): void {
    const cutoffMs = Date.now() - EXPIRED_TOKEN_MEMORY_MS;
    for (const [token, record] of this.#tokens) {
      if (record.expiresAtMs < cutoffMs) this.#tokens.delete(token);
    }
  }
}

function base64UrlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
