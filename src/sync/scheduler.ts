// When to sync. Triggers (start, coming online, becoming visible, a timer, the server's
// long-poll event, a local change) request a run; runs never overlap (a trigger during a
// run queues exactly one more); failures are retried with backoff and jitter, never sooner
// than a Retry-After; a revoked or unknown device stops the schedule. Timers and the clock
// are injected, so tests drive time by hand. Independent of Background Sync.
import { backoffDelay, DEFAULT_BACKOFF, retryDelay, type BackoffOptions } from './backoff';
import type { SyncRunResult } from './engine';
import { isRetryable } from './transport';

export type SyncTrigger =
  'start' | 'online' | 'visible' | 'timer' | 'server-event' | 'local-change';

export type Timers = {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

/** Runs `task` under a lock; 'busy' when another tab holds it (see sync-lock.ts). */
export type WithLock = <T>(task: () => Promise<T>) => Promise<T | 'busy'>;

export type SchedulerOptions = {
  run: () => Promise<SyncRunResult>;
  timers?: Timers;
  now?: () => number;
  random?: () => number;
  /** Periodic sync while nothing else happens. */
  intervalMs?: number;
  backoff?: BackoffOptions;
  withLock?: WithLock;
  /** 'failed': the run threw (a bug, or storage failing where no code was expected). */
  onResult?: (result: SyncRunResult | 'busy' | 'failed', trigger: SyncTrigger) => void;
};

export type SyncScheduler = {
  trigger(reason: SyncTrigger): void;
  stop(): void;
  /** Resolves once no run is in progress or queued (tests, shutdown). */
  idle(): Promise<void>;
  /** Retries in a row that failed; 0 after a success. */
  failures(): number;
  isHalted(): boolean;
};

const defaultTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Triggers that show the network or the server is back: they skip the backoff wait. */
const FRESH_CHANCE: ReadonlySet<SyncTrigger> = new Set([
  'start',
  'online',
  'visible',
  'server-event',
]);

export function createSyncScheduler(options: SchedulerOptions): SyncScheduler {
  const timers = options.timers ?? defaultTimers;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const intervalMs = options.intervalMs ?? 5 * 60_000;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const withLock: WithLock = options.withLock ?? ((task) => task());

  let running: Promise<void> | null = null;
  let queued: SyncTrigger | null = null;
  let timer: unknown = null;
  let retrying = false;
  let notBefore = 0; // Retry-After deadline
  let failures = 0;
  let halted = false;

  const schedule = (ms: number, isRetry: boolean) => {
    if (timer !== null) timers.clearTimeout(timer);
    retrying = isRetry;
    timer = timers.setTimeout(() => {
      timer = null;
      retrying = false;
      trigger('timer');
    }, ms);
  };

  async function runOnce(reason: SyncTrigger): Promise<void> {
    let result: SyncRunResult | 'busy';
    try {
      result = await withLock(options.run);
    } catch (error) {
      // Never an unhandled rejection that silently ends syncing: retried with backoff.
      console.error('sync run failed', error);
      notBefore = 0;
      schedule(backoffDelay(failures, backoff, random), true);
      failures += 1;
      options.onResult?.('failed', reason);
      return;
    }
    if (result === 'busy') {
      schedule(intervalMs, false); // another tab syncs; look again later
    } else if (result.ok) {
      failures = 0;
      notBefore = 0;
      schedule(intervalMs, false);
    } else if (isRetryable(result.failure)) {
      const delay = retryDelay(result.failure, failures, backoff, random);
      const asked = 'retryAfterMs' in result.failure ? (result.failure.retryAfterMs ?? 0) : 0;
      notBefore = asked > 0 ? now() + asked : 0;
      failures += 1;
      schedule(delay, true);
    } else {
      halted = true; // revoked, unknown token, refused: retrying cannot help
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
    }
    options.onResult?.(result, reason);
  }

  function trigger(reason: SyncTrigger): void {
    if (halted) return;
    if (running) {
      queued = reason;
      return;
    }
    if (retrying && !(FRESH_CHANCE.has(reason) && now() >= notBefore)) return;
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    retrying = false;
    running = runOnce(reason).finally(() => {
      running = null;
      const next = queued;
      queued = null;
      if (next) trigger(next);
    });
  }

  return {
    trigger,
    stop() {
      halted = true;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
    },
    async idle() {
      while (running) await running;
    },
    failures: () => failures,
    isHalted: () => halted,
  };
}
