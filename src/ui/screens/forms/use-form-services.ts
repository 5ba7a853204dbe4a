// The form library and draft repositories over the app's database.
import { useMemo } from 'preact/hooks';
import { createDraftRepository, type DraftRepository } from '../../../db/draft-repository';
import { createFormLibrary, type FormLibrary } from '../../../db/form-repository';
import { useServices } from '../../hooks/use-services';

export type FormServices = { library: FormLibrary; drafts: DraftRepository };

export function useFormServices(): FormServices {
  const { db, now } = useServices();
  return useMemo(
    () => ({ library: createFormLibrary(db, now), drafts: createDraftRepository(db, now) }),
    [db, now],
  );
}
