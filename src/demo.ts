import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { DEMO_EMAIL, DEMO_PASSWORD, startSandbox } from './sandbox/index.js';

/**
 * The main job, end to end, with no jobdesk account: a loopback sandbox jobdesk, the real server
 * spawned over stdio as a host would, a login and a search, printed as a table.
 * Usage: npm run demo -- "müller zürich"
 */

interface DemoClient {
  contactType?: number;
  firstName?: string;
  lastName?: string;
  companyName?: string;
  position?: string;
  phone?: string;
  mobile?: string;
  email?: string;
  contactAddress?: { street?: string; number?: string; zip?: string; city?: string };
}

const COLUMNS: Array<[string, (client: DemoClient) => string, number]> = [
  ['Name', (client) => [client.firstName, client.lastName].filter(Boolean).join(' ') || '-', 22],
  ['Company', (client) => client.companyName ?? '-', 24],
  ['Phone', (client) => client.phone ?? client.mobile ?? '-', 20],
  ['Email', (client) => client.email ?? '-', 28],
  [
    'Address',
    (client) => {
      const address = client.contactAddress;
      if (!address) return '-';
      const street = [address.street, address.number].filter(Boolean).join(' ');
      const place = [address.zip, address.city].filter(Boolean).join(' ');
      return [street, place].filter(Boolean).join(', ') || '-';
    },
    34,
  ],
];

function fit(text: string, width: number): string {
  const chars = [...text];
  return chars.length > width ? `${chars.slice(0, width - 1).join('')}…` : text + ' '.repeat(width - chars.length);
}

function table(clients: DemoClient[]): string {
  const header = COLUMNS.map(([title, , width]) => fit(title, width)).join('  ');
  const rule = COLUMNS.map(([, , width]) => '─'.repeat(width)).join('  ');
  const rows = clients.map((client) => COLUMNS.map(([, cell, width]) => fit(cell(client), width)).join('  '));
  return [header, rule, ...rows].join('\n');
}

function textOf(result: CallToolResult): string {
  const block = result.content[0];
  return block?.type === 'text' ? block.text : '';
}

async function main(): Promise<void> {
  const query = process.argv.slice(2).join(' ').trim() || 'müller zürich';
  const sandbox = await startSandbox();
  const entry = fileURLToPath(new URL('./index.js', import.meta.url));
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [entry],
    // The credentials go to the server's environment, as in a host's config: they never pass through a tool call.
    env: { JOBDESK_BASE_URL: sandbox.baseUrl, JOBDESK_EMAIL: DEMO_EMAIL, JOBDESK_PASSWORD: DEMO_PASSWORD },
    stderr: 'ignore',
  });
  const client = new Client({ name: 'jobdesk-mcp-demo', version: '1.0.0' });
  try {
    await client.connect(transport);
    await client.listTools();
    console.log(`jobdesk sandbox at ${sandbox.baseUrl}; jobdesk-mcp started over stdio.\n`);

    const login = (await client.callTool({ name: 'login', arguments: {} })) as CallToolResult;
    console.log(`login → ${textOf(login)}\n`);
    if (login.isError) process.exitCode = 1;

    const started = performance.now();
    const result = (await client.callTool({
      name: 'search_clients',
      arguments: { query, limit: 10 },
    })) as CallToolResult;
    const elapsed = performance.now() - started;
    if (result.isError) {
      console.log(`search_clients → error: ${textOf(result)}`);
      process.exitCode = 1;
      return;
    }
    const page = result.structuredContent as { total: number; clients: DemoClient[] };
    console.log(
      `search_clients { query: ${JSON.stringify(query)} } → ${page.total} match(es) in ${elapsed.toFixed(0)} ms\n`,
    );
    if (page.clients.length > 0) console.log(table(page.clients));
    if (page.total > page.clients.length) console.log(`… and ${page.total - page.clients.length} more.`);
    console.log('\nTry: npm run demo -- "mueller"   npm run demo -- "044 123 45 67"   npm run demo -- "acme-bau.ch"');
  } finally {
    await client.close();
    await sandbox.close();
  }
}

main().catch((error: unknown) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
