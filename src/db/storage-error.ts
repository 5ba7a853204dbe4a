// Maps IndexedDB / Dexie failures to the reason codes the UI knows how to explain.
//
// A full device does not always say QuotaExceededError. Chromium reports a write that hit a
// physically full disk as UnknownError "… IO error: …/000003.log: FILE_ERROR_NO_SPACE …", a
// value stored as a blob file as DataError "Failed to write blobs (IOError)", and an open that
// found the disk full as QuotaExceededError "Encountered full disk while opening backing
// store…". Dexie wraps each of them (AbortError, UnknownError, DatabaseClosedError, … with the
// browser's error as `inner`), so the whole chain is searched.
import { err, type Err } from '../shared/result';

export type StorageErrorCode =
  'quota-exceeded' | 'storage-unavailable' | 'not-found' | 'storage-failed';

const FULL_DISK_MESSAGE = /quota|FILE_ERROR_NO_SPACE|no space left|disk is full|full disk|ENOSPC/i;
const BLOB_WRITE_FAILED = /failed to write blobs/i;

function namesOf(error: unknown): string[] {
  const names: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const e = current as { name?: unknown; inner?: unknown; cause?: unknown; message?: unknown };
    if (typeof e.name === 'string') names.push(e.name);
    const message = typeof e.message === 'string' ? e.message : '';
    // A blob file that cannot be written is a full disk in practice (the only other cause,
    // a read-only profile, fails long before, when the database opens).
    if (FULL_DISK_MESSAGE.test(message) || BLOB_WRITE_FAILED.test(message)) {
      names.push('QuotaExceededError');
    }
    current = e.inner ?? e.cause;
  }
  return names;
}

export function storageErrorCode(error: unknown): StorageErrorCode {
  const names = namesOf(error);
  if (names.includes('QuotaExceededError')) return 'quota-exceeded';
  if (
    names.some((n) =>
      ['MissingAPIError', 'InvalidStateError', 'SecurityError', 'OpenFailedError'].includes(n),
    )
  ) {
    return 'storage-unavailable';
  }
  return 'storage-failed';
}

export function storageFailure(error: unknown): Err<StorageErrorCode> {
  if (!(error instanceof Error) || storageErrorCode(error) === 'storage-failed') {
    console.error('storage failure', error);
  }
  return err(storageErrorCode(error));
}
