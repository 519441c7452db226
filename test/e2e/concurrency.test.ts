import { readFileSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateClients, type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { connectHeapInspector, type HeapInspector } from './heap-inspector.js';
import { BUILT_ENTRY, searchPage } from './stdio-harness.js';

const CLIENTS = 10_000;
const CONCURRENT_CALLS = 200;
const MB = 1024 * 1024;
const EMAIL = 'load@jobdesk.example';
const PASSWORD = 'load-password-321';

interface InspectedServer {
  call(args: Record<string, unknown>): Promise<CallToolResult>;
  login(): Promise<CallToolResult>;
  inspector: HeapInspector;
  /** The child's resident set now, or its peak, from /proc (Linux). */
  resident(field?: 'VmRSS' | 'VmHWM'): number;
  close(): Promise<void>;
}

/** The built server over stdio, as the harness starts it, plus the V8 inspector to weigh its heap. */
async function startInspectedServer(env: Record<string, string>): Promise<InspectedServer> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ['--inspect=127.0.0.1:0', BUILT_ENTRY],
    env: { JOBDESK_BASE_URL: sandbox.baseUrl, JOBDESK_EMAIL: EMAIL, JOBDESK_PASSWORD: PASSWORD, ...env },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const client = new Client({ name: 'jobdesk-mcp-load', version: '1.0.0' });
  await client.connect(transport);
  await client.listTools();
  const inspector = await connectHeapInspector(() => stderr);
  return {
    call: async (args) => (await client.callTool({ name: 'search_clients', arguments: args })) as CallToolResult,
    login: async () => (await client.callTool({ name: 'login', arguments: {} })) as CallToolResult,
    inspector,
    resident(field = 'VmRSS') {
      const status = readFileSync(`/proc/${transport.pid}/status`, 'utf8');
      const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
      if (!match?.[1]) throw new Error(`no ${field} in /proc/${transport.pid}/status`);
      return Number(match[1]) * 1024;
    },
    async close() {
      inspector.close();
      await client.close();
    },
  };
}

let sandbox: Sandbox;
let server: InspectedServer | undefined;

beforeAll(async () => {
  sandbox = await startSandbox({
    accounts: [{ emailAddress: EMAIL, password: PASSWORD, clients: generateClients(CLIENTS, 7) }],
  });
});
afterAll(async () => {
  await sandbox.close();
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  sandbox.resetStats();
});

const QUERIES = [
  'müller',
  'zürich',
  'meier',
  'bern',
  'genève',
  'gmbh',
  'ag',
  '044',
  'schmid',
  'basel',
  'anna',
  'lugano',
];

/** CONCURRENT_CALLS searches at once, all of which must succeed. */
async function burst(target: InspectedServer, round: number): Promise<void> {
  const results = await Promise.all(
    Array.from({ length: CONCURRENT_CALLS }, (_, index) =>
      target.call({ query: QUERIES[(index + round) % QUERIES.length], offset: index % 5, limit: 20 }),
    ),
  );
  for (const result of results) searchPage(result);
}

const inMb = (bytes: number): number => Math.round((bytes / MB) * 10) / 10;

describe(`${CONCURRENT_CALLS} concurrent searches on ${CLIENTS.toLocaleString('en')} clients`, () => {
  it('all succeed with one login and one list fetch, and leave nothing behind', async () => {
    const target = (server = await startInspectedServer({}));
    const idleHeap = await target.inspector.liveHeapBytes();
    const idleRss = target.resident();

    await burst(target, 0);
    expect(sandbox.stats.logins).toBe(1);
    expect(sandbox.stats.listRequests).toBe(1);
    // The baseline from here on: the server holding the cached, indexed list, as it does by design.
    const cachedHeap = await target.inspector.liveHeapBytes();

    for (let round = 1; round <= 5; round++) await burst(target, round);
    const afterHeap = await target.inspector.liveHeapBytes();
    console.info(
      `[figures] live heap idle ${inMb(idleHeap)} MB, with the list cached ${inMb(cachedHeap)} MB, after 1,000 more calls ` +
        `${inMb(afterHeap)} MB; RSS idle ${inMb(idleRss)} MB, now ${inMb(target.resident())} MB, peak ${inMb(target.resident('VmHWM'))} MB`,
    );
    // 1,200 calls, still one login and one fetch: the session and the cache are shared.
    expect(sandbox.stats.logins).toBe(1);
    expect(sandbox.stats.listRequests).toBe(1);
    // Each call's page is ~25 KB as structured content plus text; keeping them would add ~25 MB here.
    expect(afterHeap - cachedHeap).toBeLessThan(4 * MB);
  });

  it('gives the list back after the cache lifetime: the heap returns to its idle baseline', async () => {
    // Long enough that a burst on a loaded machine ends well inside it, so the cached weight can be measured.
    const ttlSeconds = 4;
    const target = (server = await startInspectedServer({ JOBDESK_CACHE_TTL_SECONDS: String(ttlSeconds) }));
    // The baseline: logged in (the HTTP client loaded, a token held) but no list. The HTTP client is loaded
    // with the first request, and its code is no list memory.
    expect((await target.login()).isError).toBeFalsy();
    const idleHeap = await target.inspector.liveHeapBytes();
    await burst(target, 0);
    expect(sandbox.stats.logins).toBe(1);
    expect(sandbox.stats.listRequests).toBe(1);
    const cachedHeap = await target.inspector.liveHeapBytes();
    await new Promise((resolve) => setTimeout(resolve, ttlSeconds * 1000 + 500));
    const laterHeap = await target.inspector.liveHeapBytes();
    console.info(
      `[figures] live heap logged in ${inMb(idleHeap)} MB, cached ${inMb(cachedHeap)} MB, after the cache lifetime ${inMb(laterHeap)} MB`,
    );
    // The list weighs enough (about 9 MB) for the comparison to mean something...
    expect(cachedHeap - idleHeap).toBeGreaterThan(5 * MB);
    // ...and once it expired, nothing of it, nor of the 200 calls, is held.
    expect(laterHeap - idleHeap).toBeLessThan(4 * MB);
  });
});
