/**
 * Where the token sits in the login answer. Dotted names are nested (`data.token` is
 * `{"data":{"token":"…"}}`); `bare-json-string` is the token as a JSON string literal and
 * `plain-text` is the raw token as text/plain. The real jobdesk answer shape is not
 * documented, so clients must cope with all of these.
 */
export type TokenShape =
  | 'token'
  | 'accessToken'
  | 'access_token'
  | 'jwt'
  | 'data.token'
  | 'data.accessToken'
  | 'data.access_token'
  | 'data.jwt'
  | 'bare-json-string'
  | 'plain-text';

/**
 * How the login answer tells the client when the token stops working.
 * - `jwt-exp`: the token is an HS256 JWT whose payload carries `exp` (seconds since epoch).
 * - `expiration`: an opaque token with an ISO 8601 `expiration` field beside it.
 * - `expires_in`: an opaque token with an `expires_in` field (seconds) beside it.
 * - `none`: an opaque token and no hint.
 * The bare shapes have nowhere to put a field, so `expiration`/`expires_in` act as `none` there.
 */
export type ExpiryHint = 'jwt-exp' | 'expiration' | 'expires_in' | 'none';

/**
 * How the client list is framed: `array` is a bare JSON array; the others wrap it in an object
 * under that key. `items` also carries `totalCount` and `value` also carries `@odata.count`,
 * as paged ASP.NET and OData endpoints do.
 */
export type ListShape = 'array' | 'items' | 'data' | 'clients' | 'results' | 'value';

/** A jobdesk client record exactly as it goes over the wire; fields may be null or missing. */
export type SandboxClient = Record<string, unknown>;

export interface SandboxAccount {
  emailAddress: string;
  password: string;
  clients: SandboxClient[];
}

export interface SandboxOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a random free port. */
  port?: number;
  /** Default: the demo account with the seed clients. */
  accounts?: SandboxAccount[];
  /** Default 'token'. */
  tokenShape?: TokenShape;
  /** Default 'jwt-exp'. */
  expiryHint?: ExpiryHint;
  /** Default 3600; list requests with an older token get 401. */
  tokenTtlSeconds?: number;
  /** Default 'array'. */
  listShape?: ListShape;
}

/** The behaviour that can change between test steps without restarting the sandbox. */
export type SandboxBehaviour = Required<
  Pick<SandboxOptions, 'tokenShape' | 'expiryHint' | 'tokenTtlSeconds' | 'listShape'>
>;
