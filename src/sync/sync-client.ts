// The sync client as the app uses it: engine + scheduler + long-poll events + single-tab
// lock + the status model, put together. The UI calls start()/stop(), tells it about
// local changes, and renders `status` (codes only; ui/ translates).
import { createSyncEngine, type SyncEngineOptions, type SyncRunResult } from './engine';
import { startEventsLoop, type EventsLoop } from './events-loop';
import { createSyncScheduler, type SyncTrigger, type Timers, type WithLock } from './scheduler';
import { deriveSyncStatus, type SyncStatus } from './status';
import { createSyncLock } from './sync-lock';
import type { TransportFailureCode } from './transport';

export type SyncClientOptions = SyncEngineOptions & {
  timers?: Timers;
  clock?: () => number;
  random?: () => number;
  intervalMs?: number;
  withLock?: WithLock;
  isOnline?: () => boolean;
  /** Records with open conflicts (the app counts them from its records). */
  countConflicts?: () => Promise<number>;
  onStatus?: (status: SyncStatus) => void;
  /** Called once when the server says this device was revoked and must wipe its data. */
  onRevoked?: (wipe: boolean) => void;
  /** Long-poll for the server's change events (default true). */
  listen?: boolean;
  /** Quiet time after the last local change before syncing it (autosave bursts). */
  localChangeDelayMs?: number;
};

/** Started once; after stop() a new client is made (e.g. after signing in again). */
export type SyncClient = {
  start(): void;
  stop(): void;
  trigger(reason: SyncTrigger): void;
  /** The app wrote something: refresh the status and sync soon. */
  localChange(): void;
  status(): Promise<SyncStatus>;
  /** Resolves when no run is in progress (tests, shutdown). */
  idle(): Promise<void>;
};

const defaultTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createSyncClient(options: SyncClientOptions): SyncClient {
  const engine = createSyncEngine(options);
  const timers = options.timers ?? defaultTimers;
  const isOnline = options.isOnline ?? (() => globalThis.navigator?.onLine ?? true);
  let lastFailure: TransportFailureCode | null = null;
  let events: EventsLoop | null = null;
  let localTimer: unknown = null;

  async function status(): Promise<SyncStatus> {
    const { store } = options;
    const [pending, meta, problems, conflictedRecords] = await Promise.all([
      store.outboxCount(),
      store.getMeta(),
      store.problems(),
      options.countConflicts?.() ?? Promise.resolve(0),
    ]);
    return deriveSyncStatus({
      online: isOnline(),
      pending,
      lastSyncedAt: meta.lastSyncedAt,
      lastFailure,
      problems,
      conflictedRecords,
    });
  }

  const publish = () => {
    if (options.onStatus) void status().then(options.onStatus);
  };

  const onResult = (result: SyncRunResult | 'busy' | 'failed') => {
    if (result === 'busy') return;
    if (result === 'failed') return publish(); // retried with backoff; the status from facts
    lastFailure = result.ok ? null : result.code;
    if (!result.ok && result.failure.code === 'device-revoked') {
      options.onRevoked?.(result.failure.wipe);
    }
    publish();
  };

  const scheduler = createSyncScheduler({
    run: () => engine.syncOnce(),
    timers,
    now: options.clock,
    random: options.random,
    intervalMs: options.intervalMs,
    withLock: options.withLock ?? createSyncLock(),
    onResult,
  });

  return {
    start() {
      scheduler.trigger('start');
      if (options.listen !== false && !events) {
        events = startEventsLoop({
          transport: options.transport,
          cursor: async () => (await options.store.getMeta()).cursor,
          onChange: () => scheduler.trigger('server-event'),
          timers,
          random: options.random,
        });
      }
      publish();
    },
    stop() {
      if (localTimer !== null) timers.clearTimeout(localTimer);
      scheduler.stop();
      events?.stop();
      events = null;
    },
    trigger(reason) {
      if (reason === 'online' || reason === 'visible') events?.wake();
      scheduler.trigger(reason);
    },
    localChange() {
      publish();
      if (localTimer !== null) timers.clearTimeout(localTimer);
      localTimer = timers.setTimeout(() => {
        localTimer = null;
        scheduler.trigger('local-change');
      }, options.localChangeDelayMs ?? 2_000);
    },
    status,
    idle: () => scheduler.idle(),
  };
}
