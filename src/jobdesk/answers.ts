import { z } from 'zod';

/** A token and when it stops working, as far as jobdesk told us. */
export interface LoginGrant {
  token: string;
  /** null when jobdesk gave no expiry: the token is used until it is refused. */
  expiresAt: Date | null;
}

/**
 * A client as jobdesk sent it, with null and empty fields dropped and the documented text fields as
 * strings. Fields the docs do not name (an `id`, say) are kept as they came.
 */
export type JobdeskClientRecord = Record<string, unknown> & {
  contactType?: number;
  companyName?: string;
  firstName?: string;
  lastName?: string;
  salutation?: string;
  website?: string;
  position?: string;
  phone?: string;
  mobile?: string;
  email?: string;
  department?: string;
  gender?: number;
  telMobile?: string;
  fax?: string;
  contactAddress?: JobdeskAddress;
};

/** A client exactly as jobdesk sent it: any object; fields may be null, missing or of another type than documented. */
export type JobdeskClientEntry = Record<string, unknown>;

/** Whether an entry of the client list is an object, the least a client record must be. */
export function isClientEntry(entry: unknown): entry is JobdeskClientEntry {
  return isRecord(entry);
}

export type JobdeskAddress = Record<string, unknown> & {
  street?: string;
  number?: string;
  poBox?: string;
  city?: string;
  zip?: string;
  state?: string;
  country?: number;
  type?: number;
};

const TOKEN_KEYS = ['token', 'accesstoken', 'access_token', 'jwt'];
const LIST_KEYS = ['items', 'data', 'clients', 'results', 'value'];

// RFC 6750's b64token: what may follow "Bearer " in a header. Anything else is not a token but prose or markup.
const tokenText = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9\-._~+/]{8,8192}=*$/);

/** Key lookup that ignores case, since ASP.NET serializers may write `Token` or `AccessToken`. */
function pick(record: Record<string, unknown>, keys: readonly string[]): unknown {
  for (const [key, value] of Object.entries(record)) {
    if (keys.includes(key.toLowerCase())) return value;
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the `exp` claim of a JWT without verifying it: we only need to know when to log in again. */
export function jwtExpiry(token: string): Date | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    if (isRecord(payload) && typeof payload.exp === 'number' && Number.isFinite(payload.exp)) {
      return new Date(payload.exp * 1000);
    }
  } catch {
    // Not a JWT after all: an opaque token has no expiry we can read.
  }
  return null;
}

function expiryFromFields(record: Record<string, unknown>, now: Date): Date | null {
  const expiresIn = pick(record, ['expires_in', 'expiresin']);
  const seconds = typeof expiresIn === 'string' ? Number(expiresIn) : expiresIn;
  if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0) {
    return new Date(now.getTime() + seconds * 1000);
  }
  const expiration = pick(record, ['expiration', 'expires', 'expiresat', 'expires_at', 'expiry']);
  if (typeof expiration === 'string' || typeof expiration === 'number') {
    // A number here is a Unix time; seconds and milliseconds are told apart by size.
    const date =
      typeof expiration === 'number'
        ? new Date(expiration < 1e12 ? expiration * 1000 : expiration)
        : new Date(expiration);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return null;
}

/**
 * Finds the token in a login answer, whatever form jobdesk chose: `token`, `accessToken`,
 * `access_token` or `jwt` at the top or under `data`, a bare JSON string, or a plain-text body.
 * Returns null when the answer holds no usable token.
 */
export function parseLoginAnswer(bodyText: string, now: Date = new Date()): LoginGrant | null {
  const text = bodyText.replace(/^\uFEFF/, '').trim();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined) {
    // Plain text: the body itself is the token, possibly quoted by a careless serializer.
    const candidate = tokenText.safeParse(text.replace(/^"(.*)"$/s, '$1'));
    return candidate.success ? { token: candidate.data, expiresAt: jwtExpiry(candidate.data) } : null;
  }
  if (typeof parsed === 'string') {
    const candidate = tokenText.safeParse(parsed);
    return candidate.success ? { token: candidate.data, expiresAt: jwtExpiry(candidate.data) } : null;
  }
  if (!isRecord(parsed)) return null;
  const data = pick(parsed, ['data']);
  const holders = [parsed, ...(isRecord(data) ? [data] : [])];
  for (const holder of holders) {
    const candidate = tokenText.safeParse(pick(holder, TOKEN_KEYS));
    if (candidate.success) {
      const expiresAt = jwtExpiry(candidate.data) ?? expiryFromFields(holder, now) ?? expiryFromFields(parsed, now);
      return { token: candidate.data, expiresAt };
    }
  }
  if (typeof data === 'string') {
    const candidate = tokenText.safeParse(data);
    if (candidate.success)
      return { token: candidate.data, expiresAt: jwtExpiry(candidate.data) ?? expiryFromFields(parsed, now) };
  }
  return null;
}

/**
 * Finds the client array in a list answer: a bare array as the docs show, or an object holding it
 * under `items`, `data`, `clients`, `results` or `value` (one level of nesting allowed, as in
 * `{ data: { items: [...] } }`). Returns null when there is no such array.
 */
export function findClientArray(answer: unknown): unknown[] | null {
  if (Array.isArray(answer)) return answer;
  if (!isRecord(answer)) return null;
  const inner = pick(answer, LIST_KEYS);
  if (Array.isArray(inner)) return inner;
  if (isRecord(inner)) {
    const nested = pick(inner, LIST_KEYS);
    if (Array.isArray(nested)) return nested;
  }
  return null;
}

const TEXT_FIELDS = new Set([
  'companyName',
  'firstName',
  'lastName',
  'salutation',
  'website',
  'position',
  'phone',
  'mobile',
  'email',
  'department',
  'telMobile',
  'fax',
]);
const ADDRESS_TEXT_FIELDS = new Set(['street', 'number', 'poBox', 'city', 'zip', 'state']);
const NUMBER_FIELDS = new Set(['contactType', 'gender', 'country', 'type']);

/**
 * Drops what carries no information (null, empty or blank strings, empty arrays and objects), so the
 * model's context holds only data. Returns undefined when nothing is left.
 */
function compactValue(value: unknown, depth: number): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'boolean') return value;
  // Deeper than any real client record: a hostile or broken answer must not cost unbounded work.
  if (depth > 6) return undefined;
  if (Array.isArray(value)) {
    const items = value.map((item) => compactValue(item, depth + 1)).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (typeof value === 'object') {
    const result: Record<string, unknown> = {};
    let kept = 0;
    for (const [key, inner] of Object.entries(value)) {
      const compacted = compactValue(inner, depth + 1);
      if (compacted !== undefined) {
        result[key] = compacted;
        kept++;
      }
    }
    return kept > 0 ? result : undefined;
  }
  return undefined;
}

function coerceKnownFields(record: Record<string, unknown>, textFields: Set<string>): void {
  for (const [key, value] of Object.entries(record)) {
    if (textFields.has(key)) {
      // jobdesk may send a zip or a phone as a number; the tools promise text for these fields.
      if (typeof value === 'number' || typeof value === 'boolean') record[key] = String(value);
      else if (typeof value !== 'string') delete record[key];
    } else if (NUMBER_FIELDS.has(key) && typeof value !== 'number') {
      const number = typeof value === 'string' ? Number(value) : Number.NaN;
      if (Number.isFinite(number)) record[key] = number;
      else delete record[key];
    }
  }
}

/**
 * Turns one entry of jobdesk's client list into a compact record. Returns null for entries that are
 * not objects at all, which no search could match anyway.
 */
export function toClientRecord(entry: unknown): JobdeskClientRecord | null {
  if (!isRecord(entry)) return null;
  const compacted = compactValue(entry, 0);
  if (!isRecord(compacted)) return {};
  coerceKnownFields(compacted, TEXT_FIELDS);
  const address = compacted.contactAddress;
  if (isRecord(address)) coerceKnownFields(address, ADDRESS_TEXT_FIELDS);
  else if (address !== undefined) delete compacted.contactAddress;
  return compacted as JobdeskClientRecord;
}
