// Refreshes a value from GitHub on a timer, politely: only while someone is looking (the view is
// visible), never two requests at once, exponentially slower after failures, and not at all until a
// rate limit has reset. Timers and the clock are injected, so it is pure and tested with fake time.
import { toGitHubError, type GitHubError } from './errors';

export interface PollerTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** ms since epoch */
  now(): number;
}

export interface PollerSnapshot<T> {
  value: T | undefined;
  /** When `value` was fetched (ms since epoch). */
  updatedAt: number | undefined;
  /** The last refresh's failure; undefined after a success. */
  lastError: GitHubError | undefined;
  /** When the next refresh is due (ms since epoch); undefined while paused or running. */
  nextRunAt: number | undefined;
}

export interface StatusPollerOptions<T> {
  fetch: () => Promise<T>;
  timers: PollerTimers;
  /** Between successful refreshes (default 5 minutes). */
  intervalMs?: number;
  /** Upper bound of the error backoff (default 30 minutes). */
  maxBackoffMs?: number;
  /** Called after every refresh, successful or not. */
  onUpdate?: (snapshot: PollerSnapshot<T>) => void;
}

export const DEFAULT_POLL_INTERVAL_MS = 5 * 60_000;
export const MAX_POLL_BACKOFF_MS = 30 * 60_000;

export class StatusPoller<T> {
  private readonly intervalMs: number;
  private readonly maxBackoffMs: number;
  private active = false;
  private disposed = false;
  private timer: unknown;
  private running: Promise<void> | undefined;
  private failures = 0;
  /** When the next refresh may run (ms since epoch); 0: now. */
  private dueAt = 0;
  value: T | undefined;
  updatedAt: number | undefined;
  lastError: GitHubError | undefined;

  constructor(private readonly options: StatusPollerOptions<T>) {
    this.intervalMs = options.intervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    this.maxBackoffMs = options.maxBackoffMs ?? MAX_POLL_BACKOFF_MS;
  }

  get isActive(): boolean {
    return this.active;
  }

  /** When the next refresh is scheduled; undefined while paused or while a request runs. */
  get nextRunAt(): number | undefined {
    return this.active && !this.running && this.timer !== undefined ? this.dueAt : undefined;
  }

  snapshot(): PollerSnapshot<T> {
    return { value: this.value, updatedAt: this.updatedAt, lastError: this.lastError, nextRunAt: this.nextRunAt };
  }

  /**
   * Visible: refresh now when a refresh is due (first time, or the interval passed while hidden),
   * else at the time it is due. Hidden: no timer runs; a request already running still completes.
   */
  setActive(active: boolean): void {
    if (this.disposed || active === this.active) return;
    this.active = active;
    if (active) this.schedule();
    else this.cancelTimer();
  }

  /**
   * Refresh now (e.g. the user clicked Refresh, or signed in again). Joins a request already running;
   * waits out a rate limit instead of spending another request on it.
   */
  refresh(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    if (this.running) return this.running;
    if (this.lastError?.kind === 'rate-limit' && this.options.timers.now() < this.dueAt) return Promise.resolve();
    this.cancelTimer();
    return this.run();
  }

  dispose(): void {
    this.disposed = true;
    this.active = false;
    this.cancelTimer();
  }

  private run(): Promise<void> {
    const started = this.options.timers.now();
    this.running = (async () => {
      try {
        this.value = await this.options.fetch();
        this.updatedAt = this.options.timers.now();
        this.lastError = undefined;
        this.failures = 0;
        this.dueAt = started + this.intervalMs;
      } catch (error) {
        const e = toGitHubError(error);
        this.lastError = e;
        this.failures++;
        const backoff = Math.min(this.intervalMs * 2 ** this.failures, this.maxBackoffMs);
        const now = this.options.timers.now();
        // A rate limit lifts at a known time: wait exactly until then (and at least a second).
        this.dueAt = e.kind === 'rate-limit' && e.resetAt ? Math.max(e.resetAt.getTime() + 1000, now + 1000) : now + backoff;
      } finally {
        this.running = undefined;
      }
      if (this.disposed) return;
      if (this.active) this.schedule();
      this.options.onUpdate?.(this.snapshot());
    })();
    return this.running;
  }

  private schedule(): void {
    this.cancelTimer();
    if (this.running) return; // it reschedules itself when done
    const delay = Math.max(0, this.dueAt - this.options.timers.now());
    // Not awaited, here and in the timer: run() catches a failed fetch (kept as lastError, for the
    // snapshot) and reschedules itself; nobody is waiting for this run.
    if (delay === 0) {
      void this.run();
      return;
    }
    this.timer = this.options.timers.setTimeout(() => {
      this.timer = undefined;
      if (this.active && !this.running) void this.run();
    }, delay);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) {
      this.options.timers.clearTimeout(this.timer);
      this.timer = undefined;
    }
  }
}
