// An autosaving editor loads its record once; sync may change the stored record while the
// editor is open (a colleague's edit, a conflict found or resolved on another device). This
// hook watches the stored record and, while the editor has nothing to write, takes the stored
// version, so the editor shows what is stored and its next write does not bring back an older
// value. While something waits to be written the editor's own value wins (as before); the next
// change of the stored record (that write) brings them together again.
import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { StorageErrorCode } from '../../db/storage-error';
import type { Result } from '../../shared/result';
import { deepEqual } from '../../sync/merge';
import { useWatch } from './use-watch';

type Stored = { updatedAt: string };

/**
 * Whether the editor takes the stored record: only while it has nothing to write, never a
 * read older than its own last write (`savedAt`), and only when the record differs.
 */
export function takesStored(
  stored: Stored | null,
  edited: object | null,
  isIdle: boolean,
  savedAt: string,
): stored is Stored {
  if (!stored || !edited || !isIdle) return false;
  if (stored.updatedAt < savedAt) return false;
  return !deepEqual(stored, edited);
}

export type StoredRefresh<T> = {
  /** The stored record as it is now (null while loading, missing or failing). */
  stored: T | null;
  /** Call with every record this editor wrote: a read older than it is never taken. */
  savedRef: RefObject<string>;
};

/** `read` must only read (it runs as a live query); `take` replaces the edited value. */
export function useStoredRefresh<T extends Stored>(options: {
  id: string;
  read: (id: string) => Promise<Result<T, StorageErrorCode>>;
  current: () => object | null;
  isIdle: () => boolean;
  take: (stored: T) => void;
}): StoredRefresh<T> {
  const { id, read } = options;
  const watched = useWatch(() => read(id), [read, id]);
  const savedRef = useRef('');
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const stored = watched.status === 'ready' && watched.value.ok ? watched.value.value : null;

  useEffect(() => {
    const { current, isIdle, take } = optionsRef.current;
    if (takesStored(stored, current(), isIdle(), savedRef.current)) take(stored);
  }, [stored]);

  return { stored, savedRef };
}
