// Maps IndexedDB / Dexie failures to the reason codes the UI knows how to explain.
import { err, type Err } from '../shared/result';

export type StorageErrorCode =
  'quota-exceeded' | 'storage-unavailable' | 'not-found' | 'storage-failed';

function namesOf(error: unknown): string[] {
  const names: string[] = [];
  let current: unknown = error;
  // Dexie wraps the DOMException: walk the chain (name, inner, cause).
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const e = current as { name?: unknown; inner?: unknown; cause?: unknown; message?: unknown };
    if (typeof e.name === 'string') names.push(e.name);
    if (typeof e.message === 'string' && /quota/i.test(e.message)) names.push('QuotaExceededError');
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
