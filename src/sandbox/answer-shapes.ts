import type { ExpiryHint, ListShape, TokenShape } from './sandbox-options.js';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export interface ShapedBody {
  contentType: string;
  body: string;
}

/** Whether the token itself must be a JWT, given how the answer is shaped. */
export function tokenIsJwt(hint: ExpiryHint): boolean {
  return hint === 'jwt-exp';
}

/** Builds the login answer body for a freshly issued token. */
export function shapeLoginAnswer(
  shape: TokenShape,
  hint: ExpiryHint,
  token: string,
  ttlSeconds: number,
  expiresAtMs: number,
): ShapedBody {
  if (shape === 'plain-text') return { contentType: 'text/plain; charset=utf-8', body: token };
  if (shape === 'bare-json-string') return { contentType: JSON_CONTENT_TYPE, body: JSON.stringify(token) };

  const [outer, inner] = shape.startsWith('data.') ? ['data', shape.slice('data.'.length)] : [undefined, shape];
  const tokenObject: Record<string, unknown> = { [inner]: token };
  if (hint === 'expiration') tokenObject['expiration'] = new Date(expiresAtMs).toISOString();
  if (hint === 'expires_in') tokenObject['expires_in'] = ttlSeconds;
  const answer = outer === undefined ? tokenObject : { [outer]: tokenObject };
  return { contentType: JSON_CONTENT_TYPE, body: JSON.stringify(answer) };
}

export interface ListFrame {
  prefix: Buffer;
  suffix: Buffer;
}

/** The bytes that go around the serialized client array for a list shape. */
export function frameClientList(shape: ListShape, clientCount: number): ListFrame {
  const around = (prefix: string, suffix: string): ListFrame => ({
    prefix: Buffer.from(prefix),
    suffix: Buffer.from(suffix),
  });
  switch (shape) {
    case 'array':
      return around('', '');
    case 'items':
      return around('{"items":', `,"totalCount":${clientCount}}`);
    case 'value':
      return around(`{"@odata.count":${clientCount},"value":`, '}');
    case 'data':
    case 'clients':
    case 'results':
      return around(`{"${shape}":`, '}');
  }
}
