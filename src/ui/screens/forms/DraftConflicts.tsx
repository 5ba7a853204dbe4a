// A draft's sync conflicts above the form: each conflicting value under its form field's label
// (or the draft setting it belongs to), with both values to choose from. The choice is written
// through the draft's autosave hook (use-autosaved-draft.ts `resolve`).
import type { TFunction } from 'i18next';
import type { PdfField } from '../../../pdf/types';
import { ConflictChoices, type ConflictEntry } from '../../components/ConflictChoices';
import { conflictValueText } from '../../components/conflict-resolution';
import { useT } from '../../hooks/use-t';
import { href, navigate } from '../../routes';
import { draftConflictTarget, type DraftConflictTarget } from './draft-conflicts';
import type { AutosavedDraft } from './use-autosaved-draft';

const SETTING_LABELS = {
  status: 'forms.status.label',
  submittedOn: 'forms.fill.submittedOn',
  office: 'forms.fill.office',
  subjectPersonId: 'forms.newDraft.person',
} as const;

function labelOf(t: TFunction, target: DraftConflictTarget, fields: readonly PdfField[]): string {
  if ('field' in target) {
    const field = fields.find((f) => f.key === target.field);
    const name = field?.label?.trim() || field?.name || target.field;
    if (target.part === 'values') return name;
    return t(target.part === 'fromCase' ? 'forms.conflicts.fromCase' : 'forms.conflicts.source', {
      field: name,
    });
  }
  if ('setting' in target) return t(SETTING_LABELS[target.setting]);
  return target.other;
}

type Props = { caseId: string; draft: AutosavedDraft; fields: readonly PdfField[] };

export function DraftConflicts({ caseId, draft, fields }: Props) {
  const { t } = useT();
  const record = draft.stored;
  if (!record || draft.conflicts.length === 0) return null;
  const targets = new Map(
    draft.conflicts.map((c) => [c.id, draftConflictTarget(record, c.path)] as const),
  );
  const entries: ConflictEntry[] = draft.conflicts.map((conflict) => ({
    key: conflict.id,
    conflict,
    name: '',
    label: labelOf(t, targets.get(conflict.id) ?? { other: conflict.path }, fields),
    deleteLabel: t('forms.conflicts.deleteDraft'),
  }));
  const valueText = (value: unknown, entry: ConflictEntry) => {
    if (typeof value === 'boolean') {
      return t(value ? 'forms.conflicts.checked' : 'forms.conflicts.unchecked');
    }
    const target = targets.get(entry.conflict.id);
    if (target && 'setting' in target && target.setting === 'status' && typeof value === 'string') {
      return t(`forms.status.${value}` as 'forms.status.draft', { defaultValue: value });
    }
    return conflictValueText(value);
  };
  return (
    <ConflictChoices
      title={t('sync.conflicts.title')}
      entries={entries}
      valueText={valueText}
      onChoose={async (entry, choice) => {
        const result = await draft.resolve(entry.conflict, choice);
        // Deleted after all: back to the case, as the draft's own delete button does.
        const isDeleted = entry.conflict.kind === 'edit-after-delete' && choice === 'kept';
        if (result.ok && isDeleted) navigate(href.case(caseId), { replace: true });
        return result;
      }}
      testId="draft-conflicts"
    />
  );
}
