// Progressive re-encryption after a key rotation (crypto/key-epochs.ts): records whose
// server copy is still under an older epoch are put back into the outbox unchanged, a
// batch at a time; the ordinary push then encrypts them with the current key (a
// compare-and-swap like any edit, so a record someone changed meanwhile just merges).
// A form or output takes its attachment along: blob-sync.ts seals the file again under the
// current epoch as a new blob and uploads it before the record (blob-reseal.ts).
import type { LocalStore } from './local-store';

/** Queues up to `limit` records of older epochs; returns how many were queued. */
export async function queueReencryption(
  store: LocalStore,
  currentEpoch: number,
  limit: number,
): Promise<number> {
  if (limit <= 0) return 0;
  const stale = await store.staleEpochRecords(currentEpoch, limit);
  if (stale.length > 0) await store.enqueue(stale);
  return stale.length;
}
