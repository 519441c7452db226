import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from '../../src/config.js';
import { DEMO_EMAIL, DEMO_PASSWORD, type Sandbox, startSandbox } from '../../src/sandbox/index.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  engines: { node: string };
};
const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));

let sandbox: Sandbox;
let workspace: string;
beforeAll(async () => {
  sandbox = await startSandbox();
  workspace = mkdtempSync(join(tmpdir(), 'jobdesk-mcp-pack-'));
});
afterAll(async () => {
  await sandbox.close();
  rmSync(workspace, { recursive: true, force: true });
});

/** Starts a server the way a host does, logs in from its environment and searches. */
async function searchThrough(command: string, args: string[], env: Record<string, string>): Promise<CallToolResult> {
  const client = new Client({ name: 'packaging-test', version: '1.0.0' });
  await client.connect(new StdioClientTransport({ command, args, env, stderr: 'ignore' }));
  try {
    return (await client.callTool({
      name: 'search_clients',
      arguments: { query: 'mueller zuerich' },
    })) as CallToolResult;
  } finally {
    await client.close();
  }
}

describe('the npm package', () => {
  let tarball: string;
  let files: string[];

  beforeAll(async () => {
    // --ignore-scripts: npm test has built dist already, and a rebuild here would race the other tests that run it.
    const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', workspace], {
      cwd: root,
      maxBuffer: 16 * 1024 * 1024,
    });
    const report = JSON.parse(stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const packed = report[0];
    if (!packed) throw new Error('npm pack reported nothing');
    tarball = join(workspace, packed.filename);
    files = packed.files.map((file) => file.path).sort();
  }, 180_000);

  it('holds only the built files, README, LICENSE, server.json and package.json', () => {
    for (const file of files) {
      // dist/server.cjs is the bundled server and dist/server.cjs.cache its V8 code cache (scripts/build-entry.mjs).
      expect(file).toMatch(
        /^(dist\/.+\.js|dist\/server\.cjs(\.cache)?|README\.md|LICENSE|server\.json|package\.json)$/,
      );
    }
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/server.cjs');
    expect(files).toContain('README.md');
    expect(files).toContain('LICENSE');
    expect(files).toContain('server.json');
    expect(files.some((file) => /test|\.ts$|\.map$|bench/.test(file))).toBe(false);
  });

  it('installs into an empty folder and its bin answers over stdio against the sandbox', async () => {
    const project = join(workspace, 'consumer');
    await run('mkdir', ['-p', project]);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], {
      cwd: project,
      maxBuffer: 16 * 1024 * 1024,
    });
    const bin = join(project, 'node_modules', '.bin', 'jobdesk-mcp');
    const result = await searchThrough(bin, [], {
      JOBDESK_BASE_URL: sandbox.baseUrl,
      JOBDESK_EMAIL: DEMO_EMAIL,
      JOBDESK_PASSWORD: DEMO_PASSWORD,
    });
    expect(result.isError).toBeFalsy();
    expect((result.structuredContent as { total: number }).total).toBeGreaterThan(0);
  }, 180_000);

  it('declares the Node versions it is tested on', () => {
    expect(packageJson.engines.node).toBe('>=20.18');
    const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
    expect(major > 20 || (major === 20 && minor >= 18)).toBe(true);
  });
});

describe('the MCP Bundle for Claude Desktop', () => {
  const mcpbCli = join(root, 'node_modules', '@anthropic-ai', 'mcpb', 'dist', 'cli', 'cli.js');

  it('has a manifest that mcpb validates', async () => {
    const { stdout } = await run(process.execPath, [mcpbCli, 'validate', join(root, 'manifest.json')]);
    expect(stdout).toMatch(/validation passes/i);
  });

  it('matches package.json and keeps the password in the keychain', () => {
    expect(manifest.version).toBe(packageJson.version);
    expect(manifest.name).toBe(packageJson.name);
    expect(manifest.user_config.password).toMatchObject({ type: 'string', sensitive: true });
    expect(manifest.user_config.base_url).toMatchObject({ required: true });
    const variables = Object.keys(manifest.server.mcp_config.env);
    for (const variable of variables) expect(CONFIG_VARIABLES).toContain(variable);
    expect(variables).toEqual(['JOBDESK_BASE_URL', 'JOBDESK_EMAIL', 'JOBDESK_PASSWORD']);
  });

  it('builds with npm run bundle, unpacks, and the bundled server searches', async () => {
    const bundle = join(workspace, 'jobdesk-mcp.mcpb');
    await run('npm', ['run', 'bundle', '--', bundle], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
    const unpacked = join(workspace, 'unpacked');
    await run(process.execPath, [mcpbCli, 'unpack', bundle, unpacked]);
    const entry = join(unpacked, 'dist', 'index.js');
    // As Claude Desktop starts it: node, the entry, and user_config substituted into the environment.
    const result = await searchThrough(process.execPath, [entry], {
      JOBDESK_BASE_URL: sandbox.baseUrl,
      JOBDESK_EMAIL: DEMO_EMAIL,
      JOBDESK_PASSWORD: DEMO_PASSWORD,
    });
    expect(result.isError).toBeFalsy();
    expect((result.structuredContent as { total: number }).total).toBeGreaterThan(0);
  }, 180_000);
});
