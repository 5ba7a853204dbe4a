// The sync client running in the app (a lazy chunk, started after the first render by
// hooks/use-sync.ts): the Dexie store, the HTTP transport, the browser triggers (online,
// visible), Web Locks (one tab syncs), local changes (a new outbox entry), and the status
// published to the UI. A revoked device wipes its team data; a wiped database is noticed
// through the note outside IndexedDB (db/sync-marker.ts).
import type { LotseDb } from '../../../db/database';
import { watchQuery } from '../../../db/live';
import { checkForWipe, clearSyncMarker, writeSyncMarker } from '../../../db/sync-marker';
import { createDexieBlobStore } from '../../../db/sync-blob-store';
import { createDexieLocalStore } from '../../../db/sync-local-store';
import { createTeamRepository, type TeamMembership } from '../../../db/team-repository';
import { createHttpBlobTransport } from '../../../sync/blob-transport';
import { attachBrowserTriggers } from '../../../sync/browser-triggers';
import { createHttpTransport } from '../../../sync/http-transport';
import { createRecordCodec } from '../../../sync/record-codec';
import { createSyncClient, type SyncClient } from '../../../sync/sync-client';
import type { SyncStatus } from '../../../sync/status';
import { publishSyncView } from '../../hooks/use-sync';
import { refreshSyncKeys } from './key-refresh';
import { forgetUnlocked } from './team-service';

type Running = { client: SyncClient; stop: () => void; membership: TeamMembership };

let running: Running | null = null;
let starting: Promise<void> | null = null;

const CONFLICT_CACHE_MS = 5_000;

/** Counts records with conflicts at most every CONFLICT_CACHE_MS (it scans the tables). A
 * count served from the cache is checked again once it expires, and `onChanged` runs when the
 * figure moved (a conflict resolved or synced in meanwhile), so the status does not keep an old
 * "needs attention" (or miss a new one) until the next sync run. */
function conflictCounter(db: LotseDb, onChanged: () => void) {
  const store = createDexieLocalStore(db);
  let value = 0;
  let at = -Infinity;
  let recheck: ReturnType<typeof setTimeout> | null = null;
  const count = async () => {
    value = await store.countConflicted();
    at = Date.now();
    return value;
  };
  const counter = async () => {
    const age = Date.now() - at;
    if (age > CONFLICT_CACHE_MS) return count();
    recheck ??= setTimeout(
      () => {
        recheck = null;
        const served = value;
        void count().then(
          (fresh) => {
            if (fresh !== served) onChanged();
          },
          () => undefined,
        );
      },
      CONFLICT_CACHE_MS - age + 1,
    );
    return value;
  };
  counter.stop = () => {
    if (recheck !== null) clearTimeout(recheck);
    recheck = null;
  };
  return counter;
}

function run(db: LotseDb, membership: TeamMembership): Running {
  const store = createDexieLocalStore(db);
  const blobStore = createDexieBlobStore(db);
  const server = {
    baseUrl: membership.serverUrl || location.origin,
    deviceToken: membership.deviceToken,
  };
  const transport = createHttpTransport(server);
  const publish = (status: SyncStatus) => {
    const storageFailure = store.storageFailure() ?? blobStore.storageFailure();
    publishSyncView({ status, storageFailure });
    void store.outboxCount().then((pending) => writeSyncMarker(localStorage, membership, pending));
  };
  const countConflicts = conflictCounter(db, () => void client.status().then(publish));
  const client = createSyncClient({
    store,
    transport,
    // Read on every call: a new key epoch (key-refresh.ts) takes effect at once.
    codec: createRecordCodec(() => membership.syncKeys),
    refreshKeys: () => refreshSyncKeys(db, membership, transport),
    // Form PDFs and filled outputs travel as encrypted blobs, uploaded before their records.
    blobs: {
      store: blobStore,
      transport: createHttpBlobTransport(server),
      keyring: () => membership.syncKeys,
    },
    countConflicts,
    onStatus: publish,
    onRevoked: (wipe) => void revoked(db, wipe),
  });
  const detach = attachBrowserTriggers((reason) => client.trigger(reason));
  // A new outbox entry (its seq only grows) is a local change; sync removing entries is not.
  let lastSeq: number | null = null;
  const unwatch = watchQuery(
    () => db.outbox.orderBy('seq').last(),
    (entry) => {
      const seq = entry?.seq ?? 0;
      if (lastSeq !== null && seq > lastSeq) client.localChange();
      lastSeq = Math.max(lastSeq ?? 0, seq);
    },
    (error) => console.error('outbox watch failed', error),
  );
  client.start();
  return {
    client,
    membership,
    stop: () => {
      unwatch();
      detach();
      countConflicts.stop();
      client.stop();
    },
  };
}

async function revoked(db: LotseDb, wipe: boolean): Promise<void> {
  stopSyncRuntime();
  if (wipe) {
    await createTeamRepository(db).wipe();
    clearSyncMarker(localStorage);
    forgetUnlocked();
  }
  publishSyncView({ membership: 'none', role: null, status: null, revoked: true });
}

/** Starts syncing if this device is in a team; publishes what it found either way. */
export function startSyncRuntime(db: LotseDb): Promise<void> {
  starting ??= (async () => {
    if (running) return;
    const membership = await createTeamRepository(db).get();
    if (!membership.ok) return;
    const check = checkForWipe(localStorage, membership.value);
    if (check.state === 'wiped') {
      publishSyncView({ membership: 'none', wiped: { lostChanges: check.lostChanges } });
      return;
    }
    if (!membership.value) {
      publishSyncView({ membership: 'none', role: null });
      return;
    }
    running = run(db, membership.value);
    publishSyncView({ membership: 'member', role: membership.value.role, wiped: null });
  })().finally(() => {
    starting = null;
  });
  return starting;
}

export function stopSyncRuntime(): void {
  running?.stop();
  running = null;
}

/** After joining, creating or restoring: (re)start with the stored membership. */
export async function restartSyncRuntime(db: LotseDb): Promise<void> {
  stopSyncRuntime();
  publishSyncView({ revoked: false });
  await startSyncRuntime(db);
}

export function syncNow(): void {
  running?.client.trigger('visible');
}
