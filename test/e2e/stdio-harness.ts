import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult, ClientCapabilities } from '@modelcontextprotocol/sdk/types.js';

/** The built entry, exactly as a host starts it. `npm test` builds before vitest runs. */
export const BUILT_ENTRY = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

export interface RunningServer {
  client: Client;
  /** Everything the server wrote to stderr so far. */
  stderr(): string;
  /** Every tool result text so far, to search for secrets. */
  resultTexts(): string[];
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  close(): Promise<void>;
}

/**
 * Spawns the real server over stdio with an SDK client, as Claude Desktop or VS Code would.
 * The child gets only the variables a host passes, plus `env`.
 */
export async function startStdioServer(
  env: Record<string, string>,
  options: { capabilities?: ClientCapabilities; prepare?: (client: Client) => void } = {},
): Promise<RunningServer> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BUILT_ENTRY],
    env,
    stderr: 'pipe',
  });
  let stderrText = '';
  transport.stderr?.on('data', (chunk: Buffer) => {
    stderrText += chunk.toString('utf8');
  });
  const client = new Client(
    { name: 'jobdesk-mcp-e2e', version: '1.0.0' },
    { capabilities: options.capabilities ?? {} },
  );
  options.prepare?.(client);
  await client.connect(transport);
  // Listing first makes the SDK client check every structuredContent against the tool's outputSchema, as hosts do.
  await client.listTools();
  const texts: string[] = [];
  return {
    client,
    stderr: () => stderrText,
    resultTexts: () => texts,
    async call(name, args = {}) {
      const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
      for (const block of result.content) if (block.type === 'text') texts.push(block.text);
      if (result.structuredContent) texts.push(JSON.stringify(result.structuredContent));
      return result;
    },
    async close() {
      await client.close();
    },
  };
}

/** The text of a tool result's first block, for assertions on messages. */
export function firstText(result: CallToolResult): string {
  const block = result.content[0];
  return block && block.type === 'text' ? block.text : '';
}

export interface SearchPage {
  total: number;
  offset: number;
  limit: number;
  nextOffset: number | null;
  clients: Array<
    Record<string, unknown> & { id?: number; firstName?: string; lastName?: string; companyName?: string }
  >;
}

/** The structured content of a successful search, failing loudly when the call did not succeed. */
export function searchPage(result: CallToolResult): SearchPage {
  if (result.isError) throw new Error(`search failed: ${firstText(result)}`);
  return result.structuredContent as unknown as SearchPage;
}
