// Plain HTTP against a running sandbox. node:http rather than fetch where a test needs the
// socket-level truth (reset codes, exact bytes, reused connections).
import { request, type Agent, type IncomingHttpHeaders } from 'node:http';
import { DEMO_EMAIL, DEMO_PASSWORD, type Sandbox } from '../../src/sandbox/index.js';

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  reusedSocket: boolean;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  agent?: Agent;
  signal?: AbortSignal;
}

export function rawRequest(url: string, init: RawRequest = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: init.method ?? 'GET',
      headers: init.headers ?? {},
      // A fresh connection per request unless the test brings an agent: no sockets leak between tests.
      agent: init.agent ?? false,
      ...(init.signal === undefined ? {} : { signal: init.signal }),
    });
    req.once('error', reject);
    req.once('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('error', reject);
      res.once('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks),
          reusedSocket: req.reusedSocket,
        }),
      );
    });
    req.end(init.body);
  });
}

export function postLogin(sandbox: Sandbox, body: unknown): Promise<Response> {
  return fetch(`${sandbox.baseUrl}/api/account/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Logs in with the default 'token' shape and returns the token. */
export async function loginToken(
  sandbox: Sandbox,
  emailAddress = DEMO_EMAIL,
  password = DEMO_PASSWORD,
): Promise<string> {
  const res = await postLogin(sandbox, { emailAddress, password });
  if (res.status !== 200) throw new Error(`login failed with ${res.status}`);
  const answer = (await res.json()) as { token: string };
  return answer.token;
}

export function getClients(sandbox: Sandbox, token: string | undefined, path = '/api/Client'): Promise<Response> {
  return fetch(
    `${sandbox.baseUrl}${path}`,
    token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } },
  );
}
