import type { JobdeskCredentials } from '../config.js';
import type { LoginGrant } from './answers.js';
import { type JobdeskClient, JobdeskUnauthorizedError } from './client.js';
import { JobdeskCredentialsRejectedError, JobdeskNotLoggedInError, JobdeskSessionExpiredError } from './errors.js';

/** Who is logged in, as the login tool reports it. */
export interface SessionAccount {
  emailAddress: string;
  expiresAt: Date | null;
}

interface ActiveGrant extends LoginGrant {
  emailAddress: string;
}

// A token this close to its expiry is renewed before use, so a request does not die on the way.
const EXPIRY_MARGIN_MS = 30_000;

/**
 * The token and the credentials that renew it, in memory only. Concurrent callers share one login;
 * a refused token is renewed once with the kept credentials.
 */
export class JobdeskSession {
  private credentials: JobdeskCredentials | undefined;
  private grant: ActiveGrant | undefined;
  private pendingLogin: Promise<ActiveGrant> | undefined;
  // Bumped by every explicit login, so a slower, older login cannot overwrite a newer account's token.
  private generation = 0;
  private readonly accountChangeListeners = new Set<() => void>();

  constructor(
    private readonly client: JobdeskClient,
    private readonly environmentCredentials: JobdeskCredentials | undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.credentials = environmentCredentials;
  }

  /** The account whose data the next request will see, lowercased; undefined when none can be had. */
  get accountKey(): string | undefined {
    return this.credentials?.emailAddress.toLowerCase();
  }

  get hasEnvironmentCredentials(): boolean {
    return this.environmentCredentials !== undefined;
  }

  /** Called when a login switches to another account, so data of the old one can be dropped at once. */
  onAccountChange(listener: () => void): () => void {
    this.accountChangeListeners.add(listener);
    return () => this.accountChangeListeners.delete(listener);
  }

  /**
   * Logs in now: with the given credentials, or with JOBDESK_EMAIL / JOBDESK_PASSWORD when none are
   * given. On success these credentials are kept to renew the token.
   */
  async login(credentials?: JobdeskCredentials, signal?: AbortSignal): Promise<SessionAccount> {
    const chosen = credentials ?? this.environmentCredentials;
    if (!chosen) throw new JobdeskNotLoggedInError();
    const generation = ++this.generation;
    const grant = await this.client.login(chosen, signal);
    if (generation === this.generation) {
      this.install(chosen, { ...grant, emailAddress: chosen.emailAddress });
      this.pendingLogin = undefined;
    }
    return { emailAddress: chosen.emailAddress, expiresAt: grant.expiresAt };
  }

  /**
   * Runs `request` with a valid token, logging in first if needed. If jobdesk refuses the token, logs
   * in once more with the kept credentials and runs `request` once more.
   */
  async withToken<T>(request: (token: string, accountKey: string) => Promise<T>): Promise<T> {
    const grant = await this.validGrant();
    try {
      return await request(grant.token, grant.emailAddress.toLowerCase());
    } catch (error) {
      if (!(error instanceof JobdeskUnauthorizedError)) throw error;
      let renewed: ActiveGrant;
      try {
        renewed = await this.renewAfterRefusal(grant);
      } catch (loginError) {
        // Only a refused login means the session is over; an outage or a timeout while renewing is
        // reported as what it is, so the model waits and retries instead of asking for a new login.
        if (loginError instanceof JobdeskCredentialsRejectedError)
          throw new JobdeskSessionExpiredError({ cause: loginError });
        throw loginError;
      }
      try {
        return await request(renewed.token, renewed.emailAddress.toLowerCase());
      } catch (retryError) {
        if (retryError instanceof JobdeskUnauthorizedError) throw new JobdeskSessionExpiredError({ cause: retryError });
        throw retryError;
      }
    }
  }

  private install(credentials: JobdeskCredentials, grant: ActiveGrant): void {
    const previous = this.credentials?.emailAddress.toLowerCase();
    this.credentials = credentials;
    this.grant = grant;
    if (previous !== credentials.emailAddress.toLowerCase()) {
      for (const listener of this.accountChangeListeners) listener();
    }
  }

  private isFresh(grant: ActiveGrant): boolean {
    return grant.expiresAt === null || grant.expiresAt.getTime() - EXPIRY_MARGIN_MS > this.now();
  }

  private async validGrant(): Promise<ActiveGrant> {
    if (this.grant && this.isFresh(this.grant)) return this.grant;
    return this.sharedLogin();
  }

  private async renewAfterRefusal(refused: ActiveGrant): Promise<ActiveGrant> {
    // Another caller may have renewed the token while this request was under way.
    if (this.grant && this.grant !== refused && this.isFresh(this.grant)) return this.grant;
    if (this.grant === refused) this.grant = undefined;
    return this.sharedLogin();
  }

  /** One login for every caller that needs a token at the same time. */
  private sharedLogin(): Promise<ActiveGrant> {
    if (this.pendingLogin) return this.pendingLogin;
    const credentials = this.credentials;
    if (!credentials) return Promise.reject(new JobdeskNotLoggedInError());
    const generation = this.generation;
    const pending = this.client.login(credentials).then((grant) => {
      const active = { ...grant, emailAddress: credentials.emailAddress };
      if (generation === this.generation) this.install(credentials, active);
      return active;
    });
    this.pendingLogin = pending;
    const clear = (): void => {
      if (this.pendingLogin === pending) this.pendingLogin = undefined;
    };
    pending.then(clear, clear);
    return pending;
  }
}
