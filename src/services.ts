import type { JobdeskConfig } from './config.js';
import { ClientDirectory } from './directory/client-directory.js';
import { JobdeskClient } from './jobdesk/client.js';
import { JobdeskSession } from './jobdesk/session.js';
import { SignInPages } from './sign-in/sign-in-pages.js';
import type { JobdeskServices } from './tools/tool-dependencies.js';

/** Wires the HTTP client, the session and the cached directory for one configuration. */
export function createJobdeskServices(config: JobdeskConfig): JobdeskServices & { close(): Promise<void> } {
  const client = new JobdeskClient({
    baseUrl: config.baseUrl,
    timeoutMs: config.timeoutMs,
    maxResponseBytes: config.maxResponseBytes,
  });
  const session = new JobdeskSession(client, config.credentials);
  const directory = new ClientDirectory(session, client, config.cacheTtlSeconds * 1000);
  const signInPages = new SignInPages(session, config.baseUrl.host);
  return {
    config,
    session,
    directory,
    signInPages,
    async close() {
      directory.close();
      await Promise.all([signInPages.close(), client.close()]);
    },
  };
}
