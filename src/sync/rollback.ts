// When the server's data was restored from an older backup ("rolled back"), it no longer
// holds everything it acknowledged. The pull notices (the server says its history does not
// reach this device's cursor, PullResponse.cursorKnown) and the store restarts the sync:
// cursor 0, and every record the server had acknowledged goes back into the outbox with its
// shadow marked `rolledBackFrom` (LocalStore.restartAfterRollback). The re-pull and the next
// push then merge each record with what the server has now, choosing the merge base here:
//
// - the server's revision is below the one it acknowledged to us and its change is one this
//   device saw of the record (RecordShadow.seen): an older state of our own history, so our
//   version wins entirely (base = the server's version). Revision numbers are reused after
//   a restore: a lower revision whose change we never saw is new content (next rule);
// - the server holds exactly what it acknowledged: the usual base;
// - anything else was written after the restore by a device that had not seen our version:
//   no common base is known, so every differing field is kept as a conflict ("needs
//   review") rather than decided silently.
//
// The same first rule also covers a push whose compare-and-swap meets a revision below the
// one we based on — the rollback seen by a push before the pull.
import type { RecordShadow, SyncRecord } from './local-store';
import { deepEqual } from './merge';

/** How many server changes a shadow remembers as seen. */
const MAX_SEEN = 20;

/** The shadow's `seen` list with `changeId` added (the last MAX_SEEN). */
export function seenWith(shadow: RecordShadow, changeId: string): string[] {
  const seen = (shadow.seen ?? []).filter((seenId) => seenId !== changeId);
  return [...seen, changeId].slice(-MAX_SEEN);
}

/**
 * The base for merging `local` with the server's version `remote` at revision `remoteRev`,
 * written by the change `remoteChange`.
 */
export function mergeBaseFor(
  shadow: RecordShadow,
  remote: SyncRecord,
  remoteRev: number,
  remoteChange: string,
): SyncRecord | null {
  const acknowledged = shadow.rolledBackFrom ?? shadow.rev;
  if (remoteRev < acknowledged) return shadow.seen?.includes(remoteChange) ? remote : null;
  if (shadow.rolledBackFrom === undefined) return shadow.base;
  return remoteRev === acknowledged && deepEqual(remote, shadow.base) ? shadow.base : null;
}

/** A shadow after the restart: unacknowledged again, remembering what was acknowledged. */
export function rolledBackShadow(shadow: RecordShadow): RecordShadow | null {
  const acknowledged = shadow.rolledBackFrom ?? shadow.rev;
  if (acknowledged === 0) return null; // never acknowledged: nothing to restart
  return { ...shadow, rev: 0, rolledBackFrom: acknowledged };
}
