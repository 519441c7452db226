import type { Progress } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateClients, type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { type RunningServer, searchPage, startStdioServer } from './stdio-harness.js';

const CLIENTS = 20_000;
const account = {
  emailAddress: 'progress@jobdesk.example',
  password: 'progress-password',
  clients: generateClients(CLIENTS, 3),
};

describe('progress of a long first fetch', () => {
  let sandbox: Sandbox;
  let server: RunningServer;

  beforeAll(async () => {
    sandbox = await startSandbox({ accounts: [account] });
    server = await startStdioServer({
      JOBDESK_BASE_URL: sandbox.baseUrl,
      JOBDESK_EMAIL: account.emailAddress,
      JOBDESK_PASSWORD: account.password,
    });
  });
  afterAll(async () => {
    await server.close();
    await sandbox.close();
  });

  it('reports the bytes read, then the clients indexed, always growing, to a host that sent a progressToken', async () => {
    const seen: Progress[] = [];
    // onprogress makes the SDK client send a progressToken, as hosts that show a spinner do.
    const result = await server.client.callTool({ name: 'search_clients', arguments: { query: 'müller' } }, undefined, {
      onprogress: (progress) => seen.push(progress),
    });
    expect(searchPage(result as Parameters<typeof searchPage>[0]).total).toBeGreaterThan(0);

    const downloads = seen.filter((progress) => progress.message?.startsWith('Downloading the client list'));
    const indexed = seen.filter((progress) => progress.message?.startsWith('Indexed'));
    expect(downloads.length).toBeGreaterThan(0);
    expect(downloads[0]?.total).toBeGreaterThan(1_000_000);
    expect(indexed.at(-1)?.message).toBe(`Indexed ${CLIENTS} clients`);
    expect(seen.indexOf(downloads.at(-1) as Progress)).toBeLessThan(seen.indexOf(indexed[0] as Progress));
    for (let i = 1; i < seen.length; i++) expect(seen[i]?.progress).toBeGreaterThan(seen[i - 1]?.progress ?? Infinity);
  });

  it('sends none once the list is cached, since there is nothing to wait for', async () => {
    const seen: Progress[] = [];
    await server.client.callTool({ name: 'search_clients', arguments: { query: 'gasser' } }, undefined, {
      onprogress: (progress) => seen.push(progress),
    });
    expect(seen).toEqual([]);
  });
});
