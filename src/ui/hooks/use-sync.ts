// Team sync as the UI sees it: a small shared state (membership, status, warnings) that
// the sync runtime publishes into. This file is on the first screen and stays tiny: the
// runtime itself (crypto, engine, HTTP) is a lazy chunk started after the first render.
import { useEffect, useState } from 'preact/hooks';
import type { LotseDb } from '../../db/database';
import type { SyncStatus } from '../../sync/status';
import type * as SyncRuntime from '../screens/team/sync-runtime';

export type SyncView = {
  /** 'unknown' until the runtime has looked at the database. */
  membership: 'unknown' | 'none' | 'member';
  role: 'admin' | 'member' | null;
  status: SyncStatus | null;
  /** A storage failure while applying pulled data (quota-exceeded, …). */
  storageFailure: string | null;
  /** This device's database was wiped; `lostChanges` had not been uploaded. */
  wiped: { lostChanges: number } | null;
  /** This device was removed from the team and its team data deleted. */
  revoked: boolean;
};

const INITIAL: SyncView = {
  membership: 'unknown',
  role: null,
  status: null,
  storageFailure: null,
  wiped: null,
  revoked: false,
};

let view: SyncView = INITIAL;
const listeners = new Set<(view: SyncView) => void>();

export function publishSyncView(patch: Partial<SyncView>): void {
  view = { ...view, ...patch };
  for (const listener of listeners) listener(view);
}

export const currentSyncView = (): SyncView => view;

export function useSyncView(): SyncView {
  const [value, setValue] = useState(view);
  useEffect(() => {
    listeners.add(setValue);
    setValue(view);
    return () => void listeners.delete(setValue);
  }, []);
  return value;
}

type Runtime = typeof SyncRuntime;
let runtime: Promise<Runtime> | null = null;

/** The sync runtime chunk (loaded once). */
export function loadSyncRuntime(): Promise<Runtime> {
  runtime ??= import('../screens/team/sync-runtime');
  return runtime;
}

/** Starts syncing once the first screen is up (idle time), if this device is in a team. */
export function startSyncLater(db: LotseDb): void {
  const start = () => void loadSyncRuntime().then((m) => m.startSyncRuntime(db));
  if ('requestIdleCallback' in window) window.requestIdleCallback(start, { timeout: 2_000 });
  else setTimeout(start, 500);
}
