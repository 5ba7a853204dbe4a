import { loadLibraryForm } from '../../../db/form-repository';
import { loadStoredPacks } from '../../../db/pack-repository';
import { useServices } from '../../hooks/use-services';
import { useWatch } from '../../hooks/use-watch';

/** A library form and the team's stored packs, live (the pack and overlay screens). */
export function useFormAndPacks(formId: string) {
  const { db } = useServices();
  return useWatch(
    () => Promise.all([loadLibraryForm(db, formId), loadStoredPacks(db)]),
    [db, formId],
  );
}
