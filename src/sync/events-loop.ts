// Listens for the server's change events by long-poll and triggers a sync when another
// device pushed something. Waits out failures with backoff; stops for good when the
// device is revoked or unknown. A server seq below the one we know means the server's data
// was restored from a backup: a sync (which starts over, see rollback.ts) and a pause, since
// the server answers at once while our cursor is ahead of it.
import { DEFAULT_BACKOFF, retryDelay, type BackoffOptions } from './backoff';
import type { Timers } from './scheduler';
import { isRetryable, type Transport } from './transport';

export type EventsLoopOptions = {
  transport: Transport;
  /** The device's pull cursor. */
  cursor: () => Promise<number>;
  onChange: () => void;
  timers: Timers;
  random?: () => number;
  timeoutSeconds?: number;
  backoff?: BackoffOptions;
};

export type EventsLoop = {
  stop(): void;
  /** Ends a backoff wait at once (the network came back). */
  wake(): void;
  done: Promise<void>;
};

/** Pause after the server's seq went back, before asking again. */
export const ROLLBACK_PAUSE_MS = 2_000;

export function startEventsLoop(options: EventsLoopOptions): EventsLoop {
  const controller = new AbortController();
  let stopped = false;
  let wake: (() => void) | null = null;
  let handle: unknown = null;
  let failures = 0;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      handle = options.timers.setTimeout(resolve, ms);
    });

  const endSleep = () => {
    if (handle !== null) options.timers.clearTimeout(handle);
    handle = null;
    wake?.();
    wake = null;
  };

  async function loop(): Promise<void> {
    let known = 0;
    while (!stopped) {
      // The highest seq we know of: a change already announced is not announced again.
      known = Math.max(known, await options.cursor());
      const result = await options.transport.events(
        known,
        options.timeoutSeconds ?? 25,
        controller.signal,
      );
      if (stopped) return;
      if (result.ok) {
        failures = 0;
        const wentBack = result.value.seq < known;
        if (result.value.changed || wentBack) options.onChange();
        if (wentBack) {
          known = result.value.seq;
          await sleep(ROLLBACK_PAUSE_MS);
          continue;
        }
        known = Math.max(known, result.value.seq);
        continue;
      }
      if (!isRetryable(result.failure)) return;
      await sleep(
        retryDelay(result.failure, failures, options.backoff ?? DEFAULT_BACKOFF, options.random),
      );
      failures += 1;
    }
  }

  return {
    stop() {
      stopped = true;
      controller.abort();
      endSleep();
    },
    wake() {
      failures = 0;
      endSleep();
    },
    done: loop(),
  };
}
