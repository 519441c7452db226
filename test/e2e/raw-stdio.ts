// The built server as a bare child process, spoken to in raw JSON-RPC lines: for tests that need what the
// SDK client hides (every byte on stdout, malformed messages, signals, closing stdin, the exit itself).
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { BUILT_ENTRY } from './stdio-harness.js';

export interface JsonRpcResponse {
  jsonrpc: '2.0';
  id: number | string | null;
  result?: { isError?: boolean; content?: Array<{ type: string; text?: string }>; structuredContent?: unknown };
  error?: { code: number; message: string };
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** performance.now() when the exit was seen. */
  at: number;
}

export interface RawServer {
  child: ChildProcessWithoutNullStreams;
  pid: number;
  /** Writes one message, or a raw line exactly as given (a newline is added). */
  send(message: object | string): void;
  /** Sends a request with a fresh id and resolves with the response to it. */
  request(method: string, params?: unknown): Promise<JsonRpcResponse>;
  /** Every line the server wrote to stdout so far. */
  stdoutLines(): string[];
  /** Lines on stdout that are not a JSON-RPC 2.0 message. */
  protocolViolations(): string[];
  stderr(): string;
  exited: Promise<Exit>;
  isRunning(): boolean;
  /** Ends stdin, then kills the child if it has not gone after `ms`. */
  stop(ms?: number): Promise<Exit>;
}

let nextId = 1;

export async function startRawServer(env: Record<string, string>): Promise<RawServer> {
  const child = spawn(process.execPath, [BUILT_ENTRY], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdoutBuffer = '';
  let stderrText = '';
  const lines: string[] = [];
  const violations: string[] = [];
  const waiting = new Map<number | string, (response: JsonRpcResponse) => void>();
  let running = true;

  child.stdout.on('data', (chunk: Buffer) => {
    stdoutBuffer += chunk.toString('utf8');
    let newline = stdoutBuffer.indexOf('\n');
    while (newline !== -1) {
      const line = stdoutBuffer.slice(0, newline);
      stdoutBuffer = stdoutBuffer.slice(newline + 1);
      newline = stdoutBuffer.indexOf('\n');
      lines.push(line);
      let message: JsonRpcResponse | undefined;
      try {
        message = JSON.parse(line) as JsonRpcResponse;
      } catch {
        violations.push(line);
        continue;
      }
      if (message?.jsonrpc !== '2.0') {
        violations.push(line);
        continue;
      }
      if (message.id !== undefined && message.id !== null) waiting.get(message.id)?.(message);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderrText += chunk.toString('utf8');
  });
  // A child that died must not leave a test waiting for stdin to drain.
  child.stdin.on('error', () => undefined);
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => {
      running = false;
      resolve({ code, signal, at: performance.now() });
    });
  });

  const send = (message: object | string): void => {
    child.stdin.write(`${typeof message === 'string' ? message : JSON.stringify(message)}\n`);
  };
  const request = (method: string, params?: unknown): Promise<JsonRpcResponse> => {
    const id = nextId++;
    const answered = new Promise<JsonRpcResponse>((resolve, reject) => {
      waiting.set(id, (response) => {
        waiting.delete(id);
        resolve(response);
      });
      void exited.then(() => {
        if (waiting.delete(id)) reject(new Error(`the server exited before answering request ${id} (${method})`));
      });
    });
    send(params === undefined ? { jsonrpc: '2.0', id, method } : { jsonrpc: '2.0', id, method, params });
    return answered;
  };

  const initialized = await request('initialize', {
    protocolVersion: '2025-06-18',
    capabilities: {},
    clientInfo: { name: 'raw-e2e', version: '1' },
  });
  if (!initialized.result) throw new Error(`initialize failed: ${JSON.stringify(initialized)}`);
  send({ jsonrpc: '2.0', method: 'notifications/initialized' });

  return {
    child,
    pid: child.pid ?? -1,
    send,
    request,
    stdoutLines: () => [...lines],
    protocolViolations: () => [...violations],
    stderr: () => stderrText,
    exited,
    isRunning: () => running,
    async stop(ms = 2_000) {
      if (running) {
        child.stdin.end();
        const timer = setTimeout(() => child.kill('SIGKILL'), ms);
        const exit = await exited;
        clearTimeout(timer);
        return exit;
      }
      return exited;
    },
  };
}

/** Calls a tool and resolves with the JSON-RPC response, whatever it is. */
export function callTool(server: RawServer, name: unknown, args: unknown): Promise<JsonRpcResponse> {
  return server.request('tools/call', { name, arguments: args });
}

/** The first text block of a tool result, or the JSON-RPC error message. */
export function responseText(response: JsonRpcResponse): string {
  return response.result?.content?.[0]?.text ?? response.error?.message ?? '';
}

/** Polls until `condition` holds or `ms` pass; the caller asserts afterwards. */
export async function until(condition: () => boolean, ms = 5_000): Promise<void> {
  const deadline = performance.now() + ms;
  while (!condition() && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
}
