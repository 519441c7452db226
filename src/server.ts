import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { registerTools } from './tools/index.js';
import type { ToolDependencies } from './tools/tool-dependencies.js';

export const SERVER_NAME = 'jobdesk-mcp';
export const SERVER_VERSION = '0.1.0';

const INSTRUCTIONS =
  'Looks up the clients (people and companies) of a jobdesk Enterprise tenant. Use search_clients for any ' +
  'question about a client, contact, phone number, email or address; it logs in by itself when the server ' +
  'has credentials. Call login only when search_clients says to. Never ask the user to type a password into ' +
  'the chat unless they choose to.';

/** Builds the MCP server with its tools. It does not connect: the entry point owns transports. */
export function createServer(dependencies: ToolDependencies): McpServer {
  const server = new McpServer(
    { name: SERVER_NAME, version: SERVER_VERSION, title: 'jobdesk' },
    { capabilities: { tools: {} }, instructions: INSTRUCTIONS },
  );
  registerTools(server, dependencies);
  return server;
}
