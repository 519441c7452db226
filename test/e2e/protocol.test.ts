import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAIL, DEMO_PASSWORD, type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { BUILT_ENTRY, startStdioServer } from './stdio-harness.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

describe('the stdio protocol', () => {
  it('writes nothing but JSON-RPC to stdout, through a whole session', async () => {
    const child = spawn(process.execPath, [BUILT_ENTRY], {
      env: {
        PATH: process.env.PATH ?? '',
        JOBDESK_BASE_URL: sandbox.baseUrl,
        JOBDESK_EMAIL: DEMO_EMAIL,
        JOBDESK_PASSWORD: DEMO_PASSWORD,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const messages = [
      {
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
      },
      { jsonrpc: '2.0', method: 'notifications/initialized' },
      { jsonrpc: '2.0', id: 2, method: 'tools/list' },
      { jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'login', arguments: {} } },
      {
        jsonrpc: '2.0',
        id: 4,
        method: 'tools/call',
        params: { name: 'search_clients', arguments: { query: 'müller zürich' } },
      },
      { jsonrpc: '2.0', id: 5, method: 'tools/call', params: { name: 'search_clients', arguments: { limit: 'many' } } },
      { jsonrpc: '2.0', id: 6, method: 'tools/call', params: { name: 'no_such_tool', arguments: {} } },
    ];
    for (const message of messages) child.stdin.write(`${JSON.stringify(message)}\n`);
    const deadline = Date.now() + 15_000;
    const answered = (): number => (stdout.match(/"id":\d/g) ?? []).length;
    while (answered() < 6 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    child.stdin.end();
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);

    const lines = stdout.split('\n').filter((line) => line.length > 0);
    const ids = lines.map((line) => (JSON.parse(line) as { jsonrpc: string; id?: number }).id);
    for (const line of lines) expect((JSON.parse(line) as { jsonrpc: string }).jsonrpc).toBe('2.0');
    expect([...ids].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    // The logs went to stderr, and hold no secret.
    expect(stderr).toContain('jobdesk-mcp');
    expect(stderr + stdout).not.toContain(DEMO_PASSWORD);
  });

  it('lists the tools with their schemas and annotations, as snapshotted for review', async () => {
    const server = await startStdioServer({ JOBDESK_BASE_URL: sandbox.baseUrl });
    try {
      const { tools } = await server.client.listTools();
      const search = tools.find((tool) => tool.name === 'search_clients');
      const login = tools.find((tool) => tool.name === 'login');
      expect(search?.annotations).toMatchObject({ readOnlyHint: true, openWorldHint: true });
      expect(login?.annotations).toMatchObject({ idempotentHint: true });
      expect(search?.outputSchema).toBeDefined();
      expect(login?.outputSchema).toBeDefined();
      await expect(`${JSON.stringify(tools, null, 2)}\n`).toMatchFileSnapshot('./__snapshots__/tools.json');
    } finally {
      await server.close();
    }
  });

  it('names itself with the version in package.json', async () => {
    const { default: packageJson } = await import('../../package.json', { with: { type: 'json' } });
    const server = await startStdioServer({ JOBDESK_BASE_URL: sandbox.baseUrl });
    try {
      expect(server.client.getServerVersion()).toMatchObject({ name: 'jobdesk-mcp', version: packageJson.version });
    } finally {
      await server.close();
    }
  });
});
