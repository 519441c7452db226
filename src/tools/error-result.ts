import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { JobdeskError } from '../jobdesk/errors.js';

/** Raised by a tool when the server's own configuration is what stands in the way. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
  constructor(readonly problem: string) {
    super(problem);
  }
}

/**
 * The one place a failure becomes what the model reads: what happened and what to do next, never a
 * stack, a token or a password. Errors we did not foresee are reported as such, not swallowed.
 */
export function toolErrorResult(error: unknown): CallToolResult {
  let text: string;
  if (error instanceof JobdeskError) {
    text = `${error.message} ${error.advice}`;
  } else if (error instanceof ConfigurationError) {
    text = `${error.problem} Fix the server's environment in the MCP host configuration and restart the server.`;
  } else {
    // Our own bug: the class name helps a bug report, the message is all a model needs.
    const name = error instanceof Error ? error.name : 'Error';
    text = `The jobdesk MCP server failed unexpectedly (${name}). Try again; if it keeps failing, restart the server and report the problem.`;
  }
  return { isError: true, content: [{ type: 'text', text }] };
}
