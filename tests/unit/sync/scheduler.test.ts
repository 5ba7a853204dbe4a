import { describe, expect, it, vi } from 'vitest';
import type { SyncRunResult } from '../../../src/sync/engine';
import { createSyncScheduler, type Timers } from '../../../src/sync/scheduler';
import { createSyncLock, type LockManagerLike } from '../../../src/sync/sync-lock';
import { transportErr, type TransportFailure } from '../../../src/sync/transport';

/** Timers driven by hand: `advance(ms)` fires what is due, in order. */
function manualClock() {
  let now = 0;
  let nextId = 1;
  const pending = new Map<number, { at: number; callback: () => void }>();
  const timers: Timers = {
    setTimeout(callback, ms) {
      const id = nextId++;
      pending.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
  };
  return {
    timers,
    now: () => now,
    nextDue: () => Math.min(...[...pending.values()].map((t) => t.at)) - now,
    async advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = [...pending.entries()].sort((a, b) => a[1].at - b[1].at)[0];
        if (!due || due[1].at > until) break;
        pending.delete(due[0]);
        now = due[1].at;
        due[1].callback();
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      now = until;
    },
  };
}

const success: SyncRunResult = {
  ok: true,
  value: { pushed: 0, pulled: 0, merged: 0, problems: [], pending: 0 },
};
const failed = (failure: TransportFailure): SyncRunResult => transportErr(failure);

/** `results` in order; an Error is thrown by that run instead. */
function setup(results: (SyncRunResult | Error)[], withLock?: ReturnType<typeof createSyncLock>) {
  const clock = manualClock();
  const runs: number[] = [];
  let release: (() => void) | null = null;
  let hold = false;
  const scheduler = createSyncScheduler({
    timers: clock.timers,
    now: clock.now,
    random: () => 0,
    intervalMs: 300_000,
    backoff: { baseMs: 1000, maxMs: 60_000 },
    withLock,
    run: async () => {
      runs.push(clock.now());
      if (hold) await new Promise<void>((resolve) => (release = resolve));
      const next = results.shift() ?? success;
      if (next instanceof Error) throw next;
      return next;
    },
  });
  return {
    clock,
    runs,
    scheduler,
    holdNext: () => (hold = true),
    release: () => {
      hold = false;
      release?.();
    },
  };
}

describe('sync scheduler', () => {
  it('runs on start, and a burst of triggers during a run queues exactly one more', async () => {
    const t = setup([]);
    t.holdNext();
    t.scheduler.trigger('start');
    t.scheduler.trigger('local-change');
    t.scheduler.trigger('server-event');
    t.scheduler.trigger('visible');
    t.release();
    await t.scheduler.idle();
    expect(t.runs).toHaveLength(2);
  });

  it('retries network failures with growing, jittered delays and resets after success', async () => {
    const t = setup([
      failed({ code: 'network-error' }),
      failed({ code: 'server-unavailable', status: 503, retryAfterMs: null }),
      success,
    ]);
    t.scheduler.trigger('start');
    await t.scheduler.idle();
    expect(t.clock.nextDue()).toBe(500); // attempt 0: [500, 1000], random 0 → 500
    await t.clock.advance(500);
    await t.scheduler.idle();
    expect(t.runs).toEqual([0, 500]);
    expect(t.clock.nextDue()).toBe(1000); // attempt 1: [1000, 2000]
    await t.clock.advance(1000);
    await t.scheduler.idle();
    expect(t.runs).toEqual([0, 500, 1500]);
    expect(t.scheduler.failures()).toBe(0);
    expect(t.clock.nextDue()).toBe(300_000); // back to the periodic timer
  });

  it('waits out Retry-After even when the app becomes visible or comes online', async () => {
    const t = setup([failed({ code: 'rate-limited', retryAfterMs: 60_000 })]);
    t.scheduler.trigger('start');
    await t.scheduler.idle();
    await t.clock.advance(30_000);
    t.scheduler.trigger('online');
    t.scheduler.trigger('visible');
    t.scheduler.trigger('timer');
    await t.scheduler.idle();
    expect(t.runs).toEqual([0]);
    await t.clock.advance(30_000);
    await t.scheduler.idle();
    expect(t.runs).toEqual([0, 60_000]);
  });

  it('coming online skips a plain backoff wait; a timer tick does not', async () => {
    const t = setup([failed({ code: 'network-error' }), failed({ code: 'network-error' })]);
    t.scheduler.trigger('start');
    await t.scheduler.idle();
    await t.clock.advance(100);
    t.scheduler.trigger('local-change');
    await t.scheduler.idle();
    expect(t.runs).toEqual([0]);
    t.scheduler.trigger('online');
    await t.scheduler.idle();
    expect(t.runs).toEqual([0, 100]);
  });

  it('retries a run that threw with backoff, and never leaves a rejection unhandled', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const full = new DOMException('full', 'QuotaExceededError');
      const t = setup([full, full, success]);
      t.scheduler.trigger('start');
      await t.scheduler.idle();
      expect(t.scheduler.isHalted()).toBe(false);
      expect(t.scheduler.failures()).toBe(1);
      expect(t.clock.nextDue()).toBe(500); // backoff, attempt 0
      await t.clock.advance(500);
      await t.scheduler.idle();
      expect(t.clock.nextDue()).toBe(1000); // attempt 1
      await t.clock.advance(1000);
      await t.scheduler.idle();
      expect(t.runs).toEqual([0, 500, 1500]);
      expect(t.scheduler.failures()).toBe(0);
      expect(t.clock.nextDue()).toBe(300_000);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).toEqual([]);
      expect(logged).toHaveBeenCalledTimes(2);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      logged.mockRestore();
    }
  });

  it('stops for good when the device was revoked', async () => {
    const t = setup([failed({ code: 'device-revoked', wipe: true })]);
    t.scheduler.trigger('start');
    await t.scheduler.idle();
    expect(t.scheduler.isHalted()).toBe(true);
    t.scheduler.trigger('online');
    await t.clock.advance(3_600_000);
    expect(t.runs).toEqual([0]);
  });
});

/** The semantics of navigator.locks.request with ifAvailable, for one lock name. */
function lockManager(): LockManagerLike {
  const held = new Set<string>();
  return {
    async request(name, options, callback) {
      if (held.has(name) && options.ifAvailable) return callback(null);
      held.add(name);
      try {
        return await callback({ name });
      } finally {
        held.delete(name);
      }
    },
  };
}

describe('single-tab sync lock', () => {
  it('lets one tab sync while the other skips', async () => {
    const locks = lockManager();
    const tabA = createSyncLock(locks);
    const tabB = createSyncLock(locks);
    let finish: () => void = () => undefined;
    const a = tabA(() => new Promise<string>((resolve) => (finish = () => resolve('a ran'))));
    expect(await tabB(async () => 'b ran')).toBe('busy');
    finish();
    expect(await a).toBe('a ran');
    expect(await tabB(async () => 'b ran')).toBe('b ran');
  });

  it('runs directly where Web Locks do not exist', async () => {
    expect(await createSyncLock(undefined)(async () => 'ran')).toBe('ran');
  });
});
