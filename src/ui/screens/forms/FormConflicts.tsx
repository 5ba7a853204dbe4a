// Sync conflicts of one form of the library, shown with its entry: its file name, password or
// the inspection summary changed differently on two devices, or a form removed on one device
// while it changed on another. A choice writes the form with the shortened conflict list
// (db/conflict-records.ts); "remove after all" removes it like the library's remove button.
import type { TFunction } from 'i18next';
import { saveResolvedRecord } from '../../../db/conflict-records';
import type { LibraryForm } from '../../../db/form-records';
import type { SyncRecord } from '../../../sync/local-store';
import { conflictsOf } from '../../../sync/merge';
import { ConflictChoices, type ConflictEntry } from '../../components/ConflictChoices';
import { resolveConflict, type ConflictChoice } from '../../components/conflict-resolution';
import { useServices } from '../../hooks/use-services';
import { useT } from '../../hooks/use-t';
import { useFormServices } from './use-form-services';

const LABELS: Record<string, 'forms.conflicts.fileName' | 'forms.conflicts.password'> = {
  fileName: 'forms.conflicts.fileName',
  password: 'forms.conflicts.password',
};

/** The form detail a conflict path belongs to, in words. */
export function formConflictLabel(t: TFunction, path: string): string {
  const top = path.split('.')[0] ?? path;
  const key = LABELS[top];
  if (key) return t(key);
  if (top === 'inspection') return t('forms.conflicts.inspection');
  if (top === 'blob') return t('forms.conflicts.file');
  return path;
}

export function FormConflicts({ form }: { form: LibraryForm }) {
  const { t } = useT();
  const { db, now } = useServices();
  const { library } = useFormServices();
  const record = form as unknown as SyncRecord;
  const conflicts = conflictsOf(record);
  if (conflicts.length === 0) return null;
  const entries: ConflictEntry[] = conflicts.map((conflict) => ({
    key: `${form.id}/${conflict.id}`,
    conflict,
    name: '',
    label: formConflictLabel(t, conflict.path),
    deleteLabel: t('forms.conflicts.removeForm'),
  }));
  const choose = (entry: ConflictEntry, choice: ConflictChoice) => {
    const next = resolveConflict(record, entry.conflict, choice);
    if (next.deleted === true) return library.remove(form.id);
    return saveResolvedRecord(db, 'form', next, now().toISOString());
  };
  return (
    <div class="form-conflicts">
      <p>
        <strong>{t('sync.conflicts.title')}</strong>
      </p>
      <ConflictChoices entries={entries} onChoose={choose} testId="form-conflicts" />
    </div>
  );
}
