import { describe, expect, it } from 'vitest';
import type { EventsResponse } from '../../../src/shared/sync-protocol';
import { startEventsLoop } from '../../../src/sync/events-loop';
import { transportErr, type Transport, type TransportResult } from '../../../src/sync/transport';

/** A transport whose long-poll answers come from a script, recording each `after`. */
function scripted(answers: TransportResult<EventsResponse>[]) {
  const afters: number[] = [];
  const transport: Transport = {
    push: async () => transportErr({ code: 'network-error' }),
    pull: async () => transportErr({ code: 'network-error' }),
    events: async (after) => {
      afters.push(after);
      const answer = answers.shift();
      // Out of script: wait like a long-poll that never fires.
      return answer ?? new Promise(() => undefined);
    },
  };
  return { transport, afters };
}

const immediate = {
  setTimeout: (callback: () => void) => setTimeout(callback, 0),
  clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

describe('events loop', () => {
  it('triggers on a change, then waits for newer changes only; retries after failures', async () => {
    const { transport, afters } = scripted([
      { ok: true, value: { seq: 3, changed: true } },
      { ok: true, value: { seq: 3, changed: false } },
      transportErr({ code: 'network-error' }),
      { ok: true, value: { seq: 5, changed: true } },
    ]);
    let changes = 0;
    const loop = startEventsLoop({
      transport,
      cursor: async () => 1,
      onChange: () => (changes += 1),
      timers: immediate,
      random: () => 0,
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    loop.stop();
    expect(changes).toBe(2);
    expect(afters).toEqual([1, 3, 3, 3, 5]);
  });

  it('wakes from a backoff wait when the network comes back', async () => {
    const { transport, afters } = scripted([
      transportErr({ code: 'network-error' }),
      { ok: true, value: { seq: 2, changed: true } },
    ]);
    const never = { setTimeout: () => 0, clearTimeout: () => undefined }; // waits forever
    let changes = 0;
    const loop = startEventsLoop({
      transport,
      cursor: async () => 0,
      onChange: () => (changes += 1),
      timers: never,
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(afters).toEqual([0]);
    loop.wake();
    await new Promise((resolve) => setTimeout(resolve, 10));
    loop.stop();
    expect(afters).toEqual([0, 0, 2]);
    expect(changes).toBe(1);
  });

  it('ends when the device is revoked', async () => {
    const { transport, afters } = scripted([transportErr({ code: 'device-revoked', wipe: true })]);
    const loop = startEventsLoop({
      transport,
      cursor: async () => 0,
      onChange: () => undefined,
      timers: immediate,
    });
    await loop.done;
    expect(afters).toEqual([0]);
  });
});
