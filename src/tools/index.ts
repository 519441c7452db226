import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { registerLoginTool } from './login.js';
import { registerSearchClientsTool } from './search-clients.js';
import type { ToolDependencies } from './tool-dependencies.js';

/** The only list of the server's tools. */
export function registerTools(server: McpServer, dependencies: ToolDependencies): void {
  registerLoginTool(server, dependencies);
  registerSearchClientsTool(server, dependencies);
}
