import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { JSON_CONTENT_TYPE } from './answer-shapes.js';
import { iterateClients } from './generate-clients.js';
import { seedClients } from './seed-clients.js';

export type SandboxRoute = 'login' | 'clients';

/** A way for the sandbox to misbehave on the next request(s) of a route. */
export type SandboxFault =
  /** Answer with this status; content-type defaults to JSON if the body parses as JSON, else text. */
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  /** Wait, then answer normally. */
  | { kind: 'delay'; ms: number }
  /** Accept the request and never answer, until the sandbox closes. */
  | { kind: 'silence' }
  /** An HTML maintenance page, as a reverse proxy serves it (default status 200). */
  | { kind: 'html'; status?: number }
  /** 200 application/json whose body stops mid-value; content-length matches what is sent. */
  | { kind: 'truncated-json' }
  /** 200 JSON of a shape no client expects: `{"foo":1}`. */
  | { kind: 'wrong-shape-json' }
  /** Reset the TCP connection without answering. */
  | { kind: 'reset' }
  /** 200 JSON, headers sent, then a client array that grows slowly forever (until close). */
  | { kind: 'endless-body' }
  /**
   * 200 with a valid JSON array of generated clients, exactly this many bytes, streamed. With
   * `chunked`, no content-length is sent, so only a client that counts while it reads can stop it.
   */
  | { kind: 'oversized-body'; bytes: number; chunked?: boolean };

interface QueuedFault {
  fault: SandboxFault;
  remaining: number;
}

/** The faults waiting for each route, played in the order they were injected. */
export class FaultQueue {
  readonly #queues: Record<SandboxRoute, QueuedFault[]> = { login: [], clients: [] };

  add(route: SandboxRoute, fault: SandboxFault, times: number): void {
    if (!Number.isInteger(times) || times < 1) throw new RangeError(`times must be a positive integer, got ${times}`);
    checkFault(fault);
    this.#queues[route].push({ fault, remaining: times });
  }

  take(route: SandboxRoute): SandboxFault | undefined {
    const queue = this.#queues[route];
    const head = queue[0];
    if (head === undefined) return undefined;
    head.remaining -= 1;
    if (head.remaining === 0) queue.shift();
    return head.fault;
  }

  clear(): void {
    this.#queues.login = [];
    this.#queues.clients = [];
  }
}

// Fail at injection, in the test that made the mistake, not later inside a request handler.
function checkFault(fault: SandboxFault): void {
  switch (fault.kind) {
    case 'status':
      if (!Number.isInteger(fault.status) || fault.status < 200 || fault.status > 599) {
        throw new RangeError(`status fault needs a final status 200..599, got ${fault.status}`);
      }
      return;
    case 'html':
      if (fault.status !== undefined && (!Number.isInteger(fault.status) || fault.status < 200 || fault.status > 599)) {
        throw new RangeError(`html fault needs a final status 200..599, got ${fault.status}`);
      }
      return;
    case 'delay':
      if (!Number.isFinite(fault.ms) || fault.ms < 0)
        throw new RangeError(`delay must be a non-negative number of ms, got ${fault.ms}`);
      return;
    case 'oversized-body':
      if (!Number.isInteger(fault.bytes) || fault.bytes < 2)
        throw new RangeError(`oversized body needs at least 2 bytes, got ${fault.bytes}`);
      return;
    default:
      return;
  }
}

export type FaultOutcome = 'answered' | 'answer-normally';

/**
 * Plays a fault on a response. Long-running faults end when the response closes, which
 * `Sandbox.close()` forces by destroying every socket, so nothing outlives the sandbox.
 */
export async function playFault(fault: SandboxFault, route: SandboxRoute, res: ServerResponse): Promise<FaultOutcome> {
  switch (fault.kind) {
    case 'status':
      answerStatus(res, fault.status, fault.headers ?? {}, fault.body ?? '');
      return 'answered';
    case 'delay':
      return (await waitUnlessClosed(res, fault.ms)) ? 'answer-normally' : 'answered';
    case 'silence':
      return 'answered';
    case 'html':
      sendFixed(res, fault.status ?? 200, 'text/html; charset=utf-8', MAINTENANCE_PAGE);
      return 'answered';
    case 'truncated-json':
      sendFixed(res, 200, JSON_CONTENT_TYPE, truncatedBody(route));
      return 'answered';
    case 'wrong-shape-json':
      sendFixed(res, 200, JSON_CONTENT_TYPE, '{"foo":1}');
      return 'answered';
    case 'reset':
      // resetAndDestroy sends RST, so the client sees ECONNRESET rather than a clean EOF.
      res.socket?.resetAndDestroy();
      return 'answered';
    case 'endless-body':
      streamEndless(res);
      return 'answered';
    case 'oversized-body':
      await streamOversized(res, fault.bytes, fault.chunked ?? false);
      return 'answered';
  }
}

function answerStatus(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  const hasContentType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
  if (hasContentType || body === '') {
    res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
    res.end(body);
    return;
  }
  sendFixed(res, status, looksLikeJson(body) ? JSON_CONTENT_TYPE : 'text/plain; charset=utf-8', body, headers);
}

function looksLikeJson(body: string): boolean {
  try {
    JSON.parse(body);
    return true;
  } catch {
    return false;
  }
}

function sendFixed(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { ...headers, 'content-type': contentType, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
}

async function waitUnlessClosed(res: ServerResponse, ms: number): Promise<boolean> {
  const abandoned = new AbortController();
  const onClose = (): void => abandoned.abort();
  res.once('close', onClose);
  try {
    await sleep(ms, undefined, { signal: abandoned.signal });
    return true;
  } catch {
    return false;
  } finally {
    res.off('close', onClose);
  }
}

const MAINTENANCE_PAGE = `<!DOCTYPE html>
<html lang="de">
<head><meta charset="utf-8"><title>Wartungsarbeiten – jobdesk</title></head>
<body>
<h1>Wir sind gleich zurück</h1>
<p>jobdesk wird gerade gewartet. Bitte versuchen Sie es in einigen Minuten erneut.</p>
<p>jobdesk est en maintenance. Veuillez réessayer dans quelques minutes.</p>
</body>
</html>
`;

function truncatedBody(route: SandboxRoute): string {
  if (route === 'login') return '{"token":"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJkZW1v';
  const whole = JSON.stringify(seedClients().slice(0, 3));
  return whole.slice(0, Math.floor(whole.length / 2));
}

const ENDLESS_INTERVAL_MS = 50;

function streamEndless(res: ServerResponse): void {
  // No content-length: Node falls back to chunked encoding, so the body has no announced end.
  res.writeHead(200, { 'content-type': JSON_CONTENT_TYPE });
  res.write('[');
  const records = iterateClients(3);
  let separator = '';
  const timer = setInterval(() => {
    res.write(separator + JSON.stringify(records.next().value));
    separator = ',';
  }, ENDLESS_INTERVAL_MS);
  res.once('close', () => clearInterval(timer));
}

const STREAM_CHUNK_CHARS = 64 * 1024;

async function streamOversized(res: ServerResponse, bytes: number, chunked: boolean): Promise<void> {
  res.writeHead(
    200,
    chunked
      ? { 'content-type': JSON_CONTENT_TYPE }
      : { 'content-type': JSON_CONTENT_TYPE, 'content-length': String(bytes) },
  );
  const records = iterateClients(5);
  // Everything between '[' and ']': records while they fit, then spaces to land exactly on `bytes`.
  let budget = bytes - 2;
  let chunk = '[';
  let separator = '';
  for (;;) {
    const piece = separator + JSON.stringify(records.next().value);
    const size = Buffer.byteLength(piece);
    if (size > budget) break;
    chunk += piece;
    budget -= size;
    separator = ',';
    if (chunk.length >= STREAM_CHUNK_CHARS) {
      if (!(await writeRespectingBackpressure(res, chunk))) return;
      chunk = '';
    }
  }
  res.end(`${chunk}${' '.repeat(budget)}]`);
}

/** Resolves false when the client went away, so a size-capped client stops the stream. */
async function writeRespectingBackpressure(res: ServerResponse, chunk: string): Promise<boolean> {
  if (res.destroyed) return false;
  if (res.write(chunk)) return true;
  await new Promise<void>((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
  return !res.destroyed;
}
