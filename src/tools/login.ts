import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { ConfigurationError, toolErrorResult } from './error-result.js';
import type { ToolDependencies } from './tool-dependencies.js';

const loginInput = {
  emailAddress: z
    .email({ error: 'emailAddress must be an email address, like anna@example.ch' })
    .max(254, { error: 'emailAddress is longer than any email address can be' })
    .optional()
    .describe('The jobdesk account email. Leave out, together with password, to use the configured account.'),
  password: z
    .string({ error: 'password must be a string' })
    .min(1, { error: 'password must not be empty' })
    .max(1024, { error: 'password is longer than 1024 characters' })
    .optional()
    .describe('The jobdesk account password. Give it only if the user typed it for this purpose.'),
};

const loginOutput = {
  authenticated: z.boolean(),
  emailAddress: z.string().describe('The account now logged in.'),
  baseUrl: z.string().describe('The jobdesk address the credentials were sent to.'),
  expiresAt: z.string().nullable().describe('When the token expires (ISO 8601), or null if jobdesk did not say.'),
};

export function registerLoginTool(server: McpServer, dependencies: ToolDependencies): void {
  server.registerTool(
    'login',
    {
      title: 'Log in to jobdesk',
      description:
        'Logs in to jobdesk Enterprise. Usually unnecessary: search_clients logs in by itself when the server ' +
        'has configured credentials. Call it with no arguments to log in with the configured account, or with ' +
        'emailAddress and password (both) to switch accounts. The token stays inside the server.',
      inputSchema: loginInput,
      outputSchema: loginOutput,
      annotations: { idempotentHint: true, readOnlyHint: false, destructiveHint: false, openWorldHint: true },
    },
    async ({ emailAddress, password }, extra) => {
      try {
        if (!dependencies.ready) throw new ConfigurationError(dependencies.configurationProblem);
        const { session, config } = dependencies.services;
        if ((emailAddress === undefined) !== (password === undefined)) {
          return {
            isError: true,
            content: [
              {
                type: 'text',
                text:
                  emailAddress === undefined
                    ? 'Input error at emailAddress: give emailAddress together with password, or neither to use the configured account.'
                    : 'Input error at password: give password together with emailAddress, or neither to use the configured account.',
              },
            ],
          };
        }
        const credentials =
          emailAddress !== undefined && password !== undefined ? { emailAddress, password } : undefined;
        if (!credentials && !session.hasEnvironmentCredentials) {
          return {
            isError: true,
            content: [
              {
                type: 'text',
                text:
                  'No jobdesk account is configured on this server. Ask the user to set JOBDESK_EMAIL and JOBDESK_PASSWORD ' +
                  'in the MCP host configuration (recommended: the password then never passes through the chat), ' +
                  'or call login with emailAddress and password.',
              },
            ],
          };
        }
        const account = await session.login(credentials, extra.signal);
        const structuredContent = {
          authenticated: true,
          emailAddress: account.emailAddress,
          baseUrl: config.baseUrl.href.replace(/\/$/, ''),
          expiresAt: account.expiresAt ? account.expiresAt.toISOString() : null,
        };
        const until = structuredContent.expiresAt ? ` The session lasts until ${structuredContent.expiresAt}.` : '';
        return {
          structuredContent,
          content: [
            {
              type: 'text',
              text: `Logged in to jobdesk at ${structuredContent.baseUrl} as ${account.emailAddress}.${until} search_clients is ready.`,
            },
          ],
        };
      } catch (error) {
        return toolErrorResult(error);
      }
    },
  );
}
