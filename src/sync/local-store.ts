// What the sync engine needs from the device's storage. The Dexie implementation (in
// src/db, wired by the app) must make every `apply` one IndexedDB transaction; the
// in-memory implementation (memory-local-store.ts) is the reference used by the tests.
//
// Per record the store keeps a "shadow": the server revision this device last saw, that
// version's plaintext (the base of the next three-way merge) and the changes sent but not
// yet acknowledged (a response lost on the way leaves them there; their changeIds are
// reused by retries and recognised when the server's copy comes back).

/** A decrypted record: any JSON object with an id. Unknown fields are carried along. */
export type SyncRecord = { [field: string]: unknown; id: string };

export type OutboxItem = { seq: number; kind: string; recordId: string };

export type SentChange = {
  changeId: string;
  /** The outbox entry this change was made from. */
  outboxSeq: number;
  baseRev: number;
  /** What was sent (plaintext). */
  record: SyncRecord;
};

export type RecordShadow = {
  /** The last server revision seen (0: none yet). */
  rev: number;
  /** The plaintext of that revision (null: none yet). */
  base: SyncRecord | null;
  unacked: SentChange[];
  /** Key epoch of that revision's ciphertext (progressive re-encryption looks for old ones). */
  keyEpoch?: number;
  /**
   * Set when the server was found restored from an older backup (rollback.ts): the revision
   * it had acknowledged before (`rev` is then 0). Gone with the next server version stored.
   */
  rolledBackFrom?: number;
  /**
   * The changeIds of the server versions this device saw of the record (pulled, or its own
   * pushes acknowledged), the last few (rollback.ts: after a restore, a lower revision is
   * an older state of our own history only if its change is one of these).
   */
  seen?: string[];
};

export const EMPTY_SHADOW: RecordShadow = { rev: 0, base: null, unacked: [] };

export type RecordUpdate = {
  kind: string;
  id: string;
  shadow: RecordShadow;
  /** A new local value (merge result or pulled version); absent: local record untouched. */
  record?: SyncRecord;
  /**
   * With `record`: the outbox seq the engine saw when it computed the value (null: no
   * entry). If the store's entry differs now, the user edited meanwhile: the whole apply
   * is refused with 'local-changed' and the engine computes again.
   */
  expectedOutboxSeq?: number | null;
  /** Remove the outbox entry if (and only if) it still has this seq. */
  removeOutboxSeq?: number;
};

/** A record sync could not apply, kept until a later version of it applies. */
export type RecordProblem = { kind: string; id: string; code: string };

export type ApplyBatch = {
  updates: RecordUpdate[];
  problems?: RecordProblem[];
  /** The pull cursor after this page; absent for push results. */
  cursor?: number;
  /** The changeId of the record at `cursor` (the page's last), kept with it. */
  cursorChange?: string;
  /** A push acknowledged at this seq: kept in SyncMeta if above the stored one. */
  acked?: { seq: number; changeId: string };
};

export type SyncMeta = {
  cursor: number;
  /** The changeId of the record at the cursor: the server checks it is still in its history. */
  cursorChange?: string;
  /**
   * The highest seq (and its changeId) at which the server acknowledged a push of this
   * device. While above the cursor, a server whose seq is below it (or whose history does
   * not hold that change there) lost an acknowledged push: it was restored from a backup.
   */
  ackedSeq?: number;
  ackedChange?: string;
  lastSyncedAt: string | null;
};

export type RecordKey = { kind: string; id: string };

/** What pushing and pulling need to know about a record this device may already hold. */
export type SyncState = {
  shadow: RecordShadow | undefined;
  outboxSeq: number | null;
  record: SyncRecord | undefined;
};

export type LocalStore = {
  /** Outbox entries with seq > afterSeq, ascending, at most `limit`. */
  readOutbox(afterSeq: number, limit: number): Promise<OutboxItem[]>;
  outboxCount(): Promise<number>;
  outboxSeqOf(kind: string, id: string): Promise<number | null>;
  getRecord(kind: string, id: string): Promise<SyncRecord | undefined>;
  getShadow(kind: string, id: string): Promise<RecordShadow | undefined>;
  /**
   * For a pulled page or a batch to push: each record's shadow, outbox seq and local version,
   * in the order asked (one read transaction in the Dexie store, not three reads per record).
   * `queuedRecordsOnly`: the local version only of records in the outbox (pulling needs no
   * other; a fresh device then reads no records at all).
   */
  readSyncStates(
    keys: readonly RecordKey[],
    options?: { queuedRecordsOnly?: boolean },
  ): Promise<SyncState[]>;
  /** How many persons, appointments and notes of the case are not deleted (orphans.ts). */
  aliveInCase(caseId: string): Promise<number>;
  /** Persists shadows (the changes about to be sent) before a push goes out. */
  saveShadows(shadows: { kind: string; id: string; shadow: RecordShadow }[]): Promise<void>;
  /** All of it or nothing; 'local-changed' when an expectation failed. */
  apply(batch: ApplyBatch): Promise<{ ok: true } | { ok: false; code: 'local-changed' }>;
  /** Records whose server version is of an epoch below `epoch`, and not in the outbox. */
  staleEpochRecords(epoch: number, limit: number): Promise<{ kind: string; id: string }[]>;
  /** Puts records into the outbox unchanged (to be pushed again, re-encrypted). */
  enqueue(records: { kind: string; id: string }[]): Promise<void>;
  getMeta(): Promise<SyncMeta>;
  /**
   * The server's data was restored from an older backup: in one transaction, the cursor goes
   * back to 0 (its change and the acknowledged seq forgotten), and every record the server had acknowledged (a shadow
   * with a revision) gets `rolledBackFrom` (rollback.ts: rolledBackShadow) and is put into
   * the outbox again. Resolves to the number of records queued; false when storage failed.
   */
  restartAfterRollback(): Promise<number | false>;
  setLastSyncedAt(at: string): Promise<void>;
  problems(): Promise<RecordProblem[]>;
};
