import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { SignInOutcome, SignInPage } from '../sign-in/sign-in-page.js';
import { ConfigurationError, toolErrorResult } from './error-result.js';
import type { JobdeskServices, ToolDependencies } from './tool-dependencies.js';

const loginInput = {
  emailAddress: z
    .email({ error: 'emailAddress must be an email address, like anna@example.ch' })
    .max(254, { error: 'emailAddress is longer than any email address can be' })
    .optional()
    .describe('Only if the user typed it for this purpose; otherwise leave out and let the user sign in on the page.'),
  password: z
    .string({ error: 'password must be a string' })
    .min(1, { error: 'password must not be empty' })
    .max(1024, { error: 'password is longer than 1024 characters' })
    .optional()
    .describe(
      'Only if the user typed it into the chat themselves. Never ask for it: call login without arguments instead.',
    ),
};

const loginOutput = {
  authenticated: z.boolean().describe('True once the server holds a token.'),
  emailAddress: z.string().nullable().describe('The account logged in, or null while sign-in is pending.'),
  baseUrl: z.string().describe('The jobdesk address the credentials go to.'),
  expiresAt: z.string().nullable().describe('When the token expires (ISO 8601), or null if unknown or not logged in.'),
  signInUrl: z
    .string()
    .optional()
    .describe('While sign-in is pending: the one-time page on this computer where the user signs in.'),
};

// Hosts time a tool call out after about a minute; the page itself stays open for ten.
const SIGN_IN_WAIT_MS = 45_000;

function pendingResult(services: JobdeskServices, page: SignInPage, text: string): CallToolResult {
  return {
    structuredContent: {
      authenticated: false,
      emailAddress: null,
      baseUrl: baseUrlText(services),
      expiresAt: null,
      signInUrl: page.url,
    },
    content: [{ type: 'text', text }],
  };
}

function baseUrlText(services: JobdeskServices): string {
  return services.config.baseUrl.href.replace(/\/$/, '');
}

function signedInResult(services: JobdeskServices, emailAddress: string, expiresAt: Date | null): CallToolResult {
  const structuredContent = {
    authenticated: true,
    emailAddress,
    baseUrl: baseUrlText(services),
    expiresAt: expiresAt ? expiresAt.toISOString() : null,
  };
  const until = structuredContent.expiresAt ? ` The session lasts until ${structuredContent.expiresAt}.` : '';
  return {
    structuredContent,
    content: [
      {
        type: 'text',
        text: `Logged in to jobdesk at ${structuredContent.baseUrl} as ${emailAddress}.${until} search_clients is ready.`,
      },
    ],
  };
}

function inputError(field: string, text: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: `Input error at ${field}: ${text}` }] };
}

/** The page's outcome, or 'waited' once the host's patience or the call itself runs out. */
function outcomeWithin(page: SignInPage, ms: number, signal: AbortSignal): Promise<SignInOutcome | 'waited'> {
  return new Promise((resolve) => {
    const stop = (): void => {
      clearTimeout(timer);
      resolve('waited');
    };
    const timer = setTimeout(stop, ms);
    signal.addEventListener('abort', stop, { once: true });
    void page.outcome.then((outcome) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', stop);
      resolve(outcome);
    });
  });
}

function failedSignIn(outcome: Exclude<SignInOutcome, { status: 'signed-in' }>): CallToolResult {
  const why =
    outcome.status === 'expired'
      ? 'The sign-in page expired before the user signed in.'
      : outcome.status === 'too-many-attempts'
        ? 'jobdesk rejected the email address or password too many times on the sign-in page.'
        : 'The sign-in page was closed before the user signed in.';
  return { isError: true, content: [{ type: 'text', text: `${why} Call login again for a new sign-in page.` }] };
}

export function registerLoginTool(server: McpServer, dependencies: ToolDependencies): void {
  /**
   * No credentials anywhere: the user signs in on a page served by this process, so the password goes
   * from the browser to jobdesk and never through the model (MCP URL-mode elicitation where the host
   * has it, a link in the result where it does not).
   */
  async function signInThroughPage(services: JobdeskServices, signal: AbortSignal): Promise<CallToolResult> {
    const page = await services.signInPages.current();
    const host = services.config.baseUrl.host;
    const supportsUrlElicitation = server.server.getClientCapabilities()?.elicitation?.url !== undefined;
    if (!supportsUrlElicitation) {
      return pendingResult(
        services,
        page,
        `Ask the user to open ${page.url} and sign in to jobdesk (${host}) there; the page is on their own computer ` +
          'and keeps the password out of this chat. Then call search_clients. The link works once and expires in 10 minutes.',
      );
    }
    const elicitation = await server.server.elicitInput(
      {
        mode: 'url',
        elicitationId: page.id,
        url: page.url,
        message: `Sign in to jobdesk (${host}). The page runs on this computer; your password goes to jobdesk, not to the assistant.`,
      },
      { signal },
    );
    if (elicitation.action !== 'accept') {
      return {
        isError: true,
        content: [
          {
            type: 'text',
            text: `The user ${elicitation.action === 'decline' ? 'declined' : 'cancelled'} the jobdesk sign-in. Do not retry unless the user asks to.`,
          },
        ],
      };
    }
    // The host learns that the out-of-band step is over, whether or not this call is still waiting.
    const notifyComplete = server.server.createElicitationCompletionNotifier(page.id);
    void page.outcome
      .then((outcome) => (outcome.status === 'signed-in' ? notifyComplete() : undefined))
      .catch(() => undefined);
    const outcome = await outcomeWithin(page, SIGN_IN_WAIT_MS, signal);
    if (outcome === 'waited') {
      return pendingResult(
        services,
        page,
        `The sign-in page is open at ${page.url} and the user has not finished yet. Once they have, call search_clients.`,
      );
    }
    if (outcome.status === 'signed-in') return signedInResult(services, outcome.emailAddress, outcome.expiresAt);
    return failedSignIn(outcome);
  }

  server.registerTool(
    'login',
    {
      title: 'Log in to jobdesk',
      description:
        'Logs in to jobdesk Enterprise. Usually unnecessary: search_clients logs in by itself when the server has ' +
        'configured credentials. Without arguments it uses the configured account, or else opens a secure sign-in ' +
        "page on the user's computer so the password never passes through the chat. Pass emailAddress and password " +
        'only if the user typed them for this purpose. The token stays inside the server.',
      inputSchema: loginInput,
      outputSchema: loginOutput,
      annotations: { idempotentHint: true, readOnlyHint: false, destructiveHint: false, openWorldHint: true },
    },
    async ({ emailAddress, password }, extra) => {
      try {
        if (!dependencies.ready) throw new ConfigurationError(dependencies.configurationProblem);
        const services = dependencies.services;
        if (emailAddress !== undefined && password === undefined) {
          return inputError('password', 'give password together with emailAddress, or neither to sign in on a page.');
        }
        if (password !== undefined && emailAddress === undefined) {
          return inputError(
            'emailAddress',
            'give emailAddress together with password, or neither to sign in on a page.',
          );
        }
        if (emailAddress === undefined || password === undefined) {
          if (!services.session.hasEnvironmentCredentials) return await signInThroughPage(services, extra.signal);
          const account = await services.session.login(undefined, extra.signal);
          return signedInResult(services, account.emailAddress, account.expiresAt);
        }
        const account = await services.session.login({ emailAddress, password }, extra.signal);
        return signedInResult(services, account.emailAddress, account.expiresAt);
      } catch (error) {
        return toolErrorResult(error);
      }
    },
  );
}
