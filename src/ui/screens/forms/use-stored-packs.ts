// The form packs made or imported in the app, live (a pack saved or synced shows at once).
// Empty while loading: the shipped packs still match meanwhile.
import { loadStoredPacks } from '../../../db/pack-repository';
import type { FormPack } from '../../../domain/form-packs';
import { useServices } from '../../hooks/use-services';
import { useWatch } from '../../hooks/use-watch';

const NONE: readonly FormPack[] = [];

export function useStoredPacks(): readonly FormPack[] {
  const { db } = useServices();
  const stored = useWatch(() => loadStoredPacks(db), [db]);
  return stored.status === 'ready' ? stored.value.map((s) => s.pack) : NONE;
}
