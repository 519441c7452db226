import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, describe, expect, it } from 'vitest';

// dist/index.js compiles dist/server.cjs with the V8 code cache the build wrote (scripts/entry.mjs). A cache that does
// not belong to the bundle beside it must be ignored, and a missing one must only make start-up slower.
const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const workspace = mkdtempSync(join(tmpdir(), 'jobdesk-mcp-entry-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

/** A copy of the built entry and bundle in a folder of its own, with the given cache beside them. */
function installedEntry(folderName: string, cache: 'built' | 'none' | 'other bundle' | 'other node'): string {
  const folder = join(workspace, folderName);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ type: 'module' }));
  copyFileSync(join(dist, 'index.js'), join(folder, 'index.js'));
  copyFileSync(join(dist, 'server.cjs'), join(folder, 'server.cjs'));
  if (cache === 'built') copyFileSync(join(dist, 'server.cjs.cache'), join(folder, 'server.cjs.cache'));
  const bundleHash = createHash('sha256')
    .update(readFileSync(join(dist, 'server.cjs'), 'utf8'))
    .digest();
  // What V8 would find in a cache written by another version of it: data it refuses.
  const foreign = Buffer.alloc(4096, 7);
  if (cache === 'other bundle')
    writeFileSync(join(folder, 'server.cjs.cache'), Buffer.concat([Buffer.alloc(32, 1), foreign]));
  if (cache === 'other node') writeFileSync(join(folder, 'server.cjs.cache'), Buffer.concat([bundleHash, foreign]));
  return join(folder, 'index.js');
}

async function toolNames(entry: string): Promise<string[]> {
  const client = new Client({ name: 'entry-test', version: '1.0.0' });
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [entry],
    env: { JOBDESK_BASE_URL: 'http://127.0.0.1:9' },
    stderr: 'ignore',
  });
  await client.connect(transport);
  try {
    return (await client.listTools()).tools.map((tool) => tool.name).sort();
  } finally {
    await client.close();
  }
}

describe('the entry and its code cache', () => {
  it.each([
    ['the cache the build wrote', 'built'],
    ['no cache at all', 'none'],
    ['a cache of another bundle', 'other bundle'],
    ['a cache V8 refuses', 'other node'],
  ] as const)('answers initialize and tools/list with %s', async (name, cache) => {
    const entry = installedEntry(name.replace(/\W+/g, '-'), cache);
    expect(await toolNames(entry)).toEqual(['login', 'search_clients']);
  });
});
