// Only one tab syncs at a time: the Web Locks API with `ifAvailable`, so a second tab
// skips its run instead of queueing behind the first. Without Web Locks (old browsers,
// Node) every run simply goes ahead.
import type { WithLock } from './scheduler';

export const SYNC_LOCK_NAME = 'lotse-sync';

/** The part of `navigator.locks` used here. */
export type LockManagerLike = {
  request<T>(
    name: string,
    options: { ifAvailable: boolean },
    callback: (lock: unknown) => Promise<T>,
  ): Promise<T>;
};

function browserLocks(): LockManagerLike | undefined {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks;
}

export function createSyncLock(locks: LockManagerLike | undefined = browserLocks()): WithLock {
  if (!locks) return (task) => task();
  return <T>(task: () => Promise<T>) =>
    locks.request<T | 'busy'>(SYNC_LOCK_NAME, { ifAvailable: true }, async (lock) =>
      lock === null ? 'busy' : task(),
    );
}
