// Edits under a deleted case. Deleting a case deletes the persons, appointments and notes
// the deleting device knew of. An edit another device made meanwhile to one of them survives
// the merge (kept and flagged `edit-after-delete`, merge.ts), and a record added there was
// never deleted at all — either way it would live on under a deleted case, where no screen
// shows it. So after each push and pull the engine looks at the cases involved: a deleted
// case with a living record under it is brought back, flagged `edit-after-delete` itself,
// and pushed, so every device shows it under "needs review" and the volunteer keeps the
// case or deletes it after all (with everything in it).
import { EMPTY_SHADOW, type LocalStore, type RecordUpdate, type SyncRecord } from './local-store';
import { CONFLICTS_FIELD, conflictId, conflictsOf, type RecordConflict } from './merge';

/** The record kinds that live under a case (their `caseId`). */
export const CASE_CONTENT_KINDS: readonly string[] = ['person', 'appointment', 'note'];

const keptAfterDelete = (record: SyncRecord): boolean =>
  conflictsOf(record).some((conflict) => conflict.kind === 'edit-after-delete');

/** Adds the ids of the cases worth a look after `updates` were stored. */
export function noteCasesToCheck(updates: readonly RecordUpdate[], into: Set<string>): void {
  for (const { kind, id, record } of updates) {
    if (!record) continue;
    if (kind === 'case') {
      if (record.deleted === true) into.add(id);
    } else if (CASE_CONTENT_KINDS.includes(kind) && typeof record.caseId === 'string') {
      if (record.deleted !== true && keptAfterDelete(record)) into.add(record.caseId);
    }
  }
}

/** The case brought back, with the flag the volunteer answers. */
function revived(found: SyncRecord): SyncRecord {
  const flag: RecordConflict = {
    id: conflictId('deleted', true),
    path: 'deleted',
    kind: 'edit-after-delete',
    shown: false,
    kept: true,
  };
  const conflicts = conflictsOf(found).filter((conflict) => conflict.id !== flag.id);
  return { ...found, deleted: false, [CONFLICTS_FIELD]: [...conflicts, flag] };
}

/**
 * Brings back every deleted case among `caseIds` that still has a living person,
 * appointment or note, and queues it for the push. Resolves to the number brought back.
 */
export async function reviveOrphanedCases(
  store: LocalStore,
  caseIds: Iterable<string>,
): Promise<number> {
  let count = 0;
  for (const id of caseIds) {
    const found = await store.getRecord('case', id);
    if (found?.deleted !== true || (await store.aliveInCase(id)) === 0) continue;
    // Queued first (unchanged): if the app stops in between, pushing the unchanged tombstone
    // again is harmless, and the next look finds the case deleted and brings it back then.
    await store.enqueue([{ kind: 'case', id }]);
    const shadow = (await store.getShadow('case', id)) ?? EMPTY_SHADOW;
    const expectedOutboxSeq = await store.outboxSeqOf('case', id);
    const applied = await store.apply({
      updates: [{ kind: 'case', id, shadow, record: revived(found), expectedOutboxSeq }],
    });
    if (applied.ok) count += 1;
  }
  return count;
}
