import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The built entry, as hosts start it. */
export const OUR_ENTRY = `${root}dist/index.js`;
/** server-everything, the reference for start-up and for the stdio floor. */
export const EVERYTHING_ENTRY = createRequire(import.meta.url).resolve(
  '@modelcontextprotocol/server-everything/dist/index.js',
);
export const BARE_FIRST_SEARCH = `${root}dist-bench/bare-first-search.js`;

export interface StartedServer {
  client: Client;
  /** From spawn to the `initialize` answer, measured at the client. */
  startupMs: number;
  pid: number;
  stderr(): string;
  close(): Promise<void>;
}

/** Spawns a stdio server and connects an SDK client to it, as a host does; times spawn to `initialize` answered. */
export async function startServer(args: readonly string[], env: Record<string, string>): Promise<StartedServer> {
  const started = performance.now();
  const transport = new StdioClientTransport({ command: process.execPath, args: [...args], env, stderr: 'pipe' });
  let stderrText = '';
  transport.stderr?.on('data', (chunk: Buffer) => {
    if (stderrText.length < 64 * 1024) stderrText += chunk.toString('utf8');
  });
  const client = new Client({ name: 'jobdesk-bench', version: '1.0.0' });
  await client.connect(transport, { timeout: 30_000 });
  const startupMs = performance.now() - started;
  return {
    client,
    startupMs,
    pid: transport.pid ?? -1,
    stderr: () => stderrText,
    close: () => client.close(),
  };
}

export function ourServerEnv(baseUrl: string, emailAddress: string, password: string): Record<string, string> {
  return {
    JOBDESK_BASE_URL: baseUrl,
    JOBDESK_EMAIL: emailAddress,
    JOBDESK_PASSWORD: password,
    // The warm figures are about searches on a cached list; the default minute would refetch in the middle of them.
    JOBDESK_CACHE_TTL_SECONDS: '3600',
  };
}

export function startOurs(env: Record<string, string>): Promise<StartedServer> {
  return startServer([OUR_ENTRY], env);
}

export function startEverything(): Promise<StartedServer> {
  return startServer([EVERYTHING_ENTRY, 'stdio'], {});
}

/** Resident set of a running process, from /proc (Linux), in bytes; NaN elsewhere. */
export function residentSetBytes(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] === undefined ? Number.NaN : Number(match[1]) * 1024;
  } catch {
    return Number.NaN;
  }
}

export interface BareRun {
  ms: number;
  clients: number;
  hits: number;
  parseMs: number;
  rssAfterParse: number;
}

/** Runs the bare reference process once; times spawn to its answer line. */
export function runBareFirstSearch(
  baseUrl: string,
  emailAddress: string,
  password: string,
  substring: string,
  timeoutMs: number,
): Promise<BareRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BARE_FIRST_SEARCH, baseUrl, emailAddress, password, substring], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env['PATH'] ?? '' },
    });
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the bare process took longer than ${timeoutMs} ms`));
    }, timeoutMs);
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (!out.includes('\n')) return;
      const ms = performance.now() - started;
      clearTimeout(timer);
      resolve({ ms, ...(JSON.parse(out) as Omit<BareRun, 'ms'>) });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!out.includes('\n')) reject(new Error(`the bare process exited with ${code}: ${err.slice(0, 500)}`));
    });
  });
}
