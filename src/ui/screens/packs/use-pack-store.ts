// The pack store over the app's database.
import { useMemo } from 'preact/hooks';
import { createPackStore, type PackStore } from '../../../db/pack-repository';
import { useServices } from '../../hooks/use-services';

export function usePackStore(): PackStore {
  const { db, now } = useServices();
  return useMemo(() => createPackStore(db, now), [db, now]);
}
