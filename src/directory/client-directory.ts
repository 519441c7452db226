import { setImmediate as nextTurn } from 'node:timers/promises';
import type { JobdeskClientEntry } from '../jobdesk/answers.js';
import type { JobdeskClient, ListProgress } from '../jobdesk/client.js';
import { JobdeskAbortedError, JobdeskNotLoggedInError } from '../jobdesk/errors.js';
import type { JobdeskSession } from '../jobdesk/session.js';
import { buildClientIndexInSteps, type ClientIndex } from '../search/index.js';

/** One fetched client list, indexed, and whose it is. */
export interface DirectorySnapshot {
  accountKey: string;
  /** Over the clients as jobdesk sent them; they are compacted only when shown. */
  index: ClientIndex<JobdeskClientEntry>;
  fetchedAt: number;
}

export type DirectoryProgress = ({ stage: 'download' } & ListProgress) | { stage: 'indexed'; clients: number };

export interface LoadOptions {
  /** Fetch anew even when a cached list is still fresh. */
  refresh?: boolean | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: DirectoryProgress) => void) | undefined;
}

interface InFlight {
  accountKey: string | undefined;
  promise: Promise<DirectorySnapshot>;
  progressListeners: Set<(progress: DirectoryProgress) => void>;
}

/**
 * The tenant's client list, fetched once and kept for the cache lifetime. Concurrent searches share
 * one fetch; a list belongs to the account that fetched it and is never shown to another.
 */
export class ClientDirectory {
  private snapshot: DirectorySnapshot | undefined;
  private expiry: NodeJS.Timeout | undefined;
  private inFlight: InFlight | undefined;
  // Shared fetches outlive any one caller's cancellation; only closing the server aborts them.
  private readonly lifetime = new AbortController();

  constructor(
    private readonly session: JobdeskSession,
    private readonly client: JobdeskClient,
    private readonly cacheTtlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    session.onAccountChange(() => this.forget());
  }

  /** Drops the cached list, and detaches any fetch under way from the cache. */
  forget(): void {
    this.drop();
    this.inFlight = undefined;
  }

  /** Aborts fetches under way; for shutdown. */
  close(): void {
    this.lifetime.abort();
    this.forget();
  }

  async load(options: LoadOptions = {}): Promise<DirectorySnapshot> {
    const accountKey = this.session.accountKey;
    // Checked before any fetch is shared, so that no request goes out when none could succeed.
    if (accountKey === undefined) throw new JobdeskNotLoggedInError();
    const cached = this.snapshot;
    if (!options.refresh && cached && cached.accountKey === accountKey && this.isFresh(cached)) return cached;

    let flight = this.inFlight;
    if (!flight || flight.accountKey !== accountKey) flight = this.startFetch(accountKey);
    const listener = options.onProgress;
    if (listener) flight.progressListeners.add(listener);
    try {
      return await abortable(flight.promise, options.signal);
    } finally {
      if (listener) flight.progressListeners.delete(listener);
    }
  }

  /**
   * Caches a list for the cache lifetime and no longer: an indexed tenant can take hundreds of MB, which
   * an idle server should give back rather than hold until the next search happens to replace it.
   */
  private keep(snapshot: DirectorySnapshot): void {
    this.drop();
    if (this.cacheTtlMs <= 0) return;
    this.snapshot = snapshot;
    this.expiry = setTimeout(() => {
      if (this.snapshot === snapshot) this.drop();
    }, this.cacheTtlMs);
    // A cached list is no reason to keep the process alive.
    this.expiry.unref();
  }

  private drop(): void {
    clearTimeout(this.expiry);
    this.expiry = undefined;
    this.snapshot = undefined;
  }

  private isFresh(snapshot: DirectorySnapshot): boolean {
    return this.cacheTtlMs > 0 && this.now() - snapshot.fetchedAt < this.cacheTtlMs;
  }

  private startFetch(expectedAccount: string): InFlight {
    const progressListeners = new Set<(progress: DirectoryProgress) => void>();
    const report = (progress: DirectoryProgress): void => {
      for (const listener of progressListeners) listener(progress);
    };
    const promise = this.session.withToken(async (token, accountKey) => {
      const records = await this.client.listClients(token, {
        signal: this.lifetime.signal,
        onProgress: (progress) => report({ stage: 'download', ...progress }),
      });
      const index = await indexBetweenRequests(records, this.lifetime.signal);
      report({ stage: 'indexed', clients: index.size });
      return { accountKey, index, fetchedAt: this.now() };
    });
    const flight: InFlight = { accountKey: expectedAccount, promise, progressListeners };
    this.inFlight = flight;
    promise.then(
      (snapshot) => {
        // A login as another account while this fetch ran detached it: its list must not be cached.
        if (this.inFlight === flight) {
          this.inFlight = undefined;
          if (snapshot.accountKey === this.session.accountKey) this.keep(snapshot);
        }
      },
      () => {
        if (this.inFlight === flight) this.inFlight = undefined;
      },
    );
    return flight;
  }
}

/**
 * Indexes a field at a time and lets the event loop turn in between, so that other requests (a tools/list, a ping, a
 * cancellation) are answered while a large list is indexed: the longest pause is then the JSON.parse of the list.
 */
async function indexBetweenRequests(
  records: readonly JobdeskClientEntry[],
  signal: AbortSignal,
): Promise<ClientIndex<JobdeskClientEntry>> {
  const steps = buildClientIndexInSteps(records);
  for (;;) {
    await nextTurn();
    if (signal.aborted) throw new JobdeskAbortedError('GET', '/api/Client');
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/** Lets one caller stop waiting for a shared promise without cancelling it for the others. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new JobdeskAbortedError('GET', '/api/Client'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new JobdeskAbortedError('GET', '/api/Client'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
