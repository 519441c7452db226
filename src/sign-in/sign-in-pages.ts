import type { JobdeskSession } from '../jobdesk/session.js';
import { openSignInPage, type SignInPage } from './sign-in-page.js';

/**
 * Keeps at most one sign-in page open: asking twice while the user is still on the page hands out the
 * same link instead of a second listener.
 */
export class SignInPages {
  private page: SignInPage | undefined;
  private opening: Promise<SignInPage> | undefined;

  constructor(
    private readonly session: JobdeskSession,
    private readonly jobdeskHost: string,
    private readonly lifetimeMs?: number,
  ) {}

  async current(): Promise<SignInPage> {
    if (this.page?.isOpen) return this.page;
    this.opening ??= openSignInPage({
      jobdeskHost: this.jobdeskHost,
      signIn: (credentials) => this.session.login(credentials),
      ...(this.lifetimeMs === undefined ? {} : { lifetimeMs: this.lifetimeMs }),
    }).finally(() => {
      this.opening = undefined;
    });
    this.page = await this.opening;
    return this.page;
  }

  async close(): Promise<void> {
    await this.page?.close();
  }
}
