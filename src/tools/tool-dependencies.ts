import type { JobdeskConfig } from '../config.js';
import type { ClientDirectory } from '../directory/client-directory.js';
import type { JobdeskSession } from '../jobdesk/session.js';
import type { SignInPages } from '../sign-in/sign-in-pages.js';

/** What the tools work with once the configuration is good. */
export interface JobdeskServices {
  config: JobdeskConfig;
  session: JobdeskSession;
  directory: ClientDirectory;
  signInPages: SignInPages;
}

/**
 * A bad configuration does not stop the server: hosts often hide stderr and show only
 * "disconnected", so every tool call answers with the problem instead.
 */
export type ToolDependencies =
  { ready: true; services: JobdeskServices } | { ready: false; configurationProblem: string };
