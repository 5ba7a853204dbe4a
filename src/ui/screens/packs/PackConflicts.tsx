// A stored pack's sync conflicts at the top of the pack screen: a title, the authority or the
// edition label that two devices changed differently, or the mappings (text boxes) of the
// fields they both mapped differently, named by the form field's label.
import type { TFunction } from 'i18next';
import type { Mapping } from '../../../domain/form-packs';
import { ConflictChoices, type ConflictEntry } from '../../components/ConflictChoices';
import { conflictValueText } from '../../components/conflict-resolution';
import { useT } from '../../hooks/use-t';
import { keyedItems, packConflictTarget, type PackConflictTarget } from './pack-conflicts';
import { mappingText } from './mapping-text';
import type { AutosavedPack } from './use-autosaved-pack';

const SETTING_LABELS = {
  titleDe: 'packs.titleDe',
  titleEn: 'packs.titleEn',
  authority: 'packs.authority',
  editionLabel: 'packs.editionLabel',
} as const;

type Props = { edited: AutosavedPack; labelOf: (key: string) => string };

function labelFor(t: TFunction, target: PackConflictTarget, labelOf: (key: string) => string) {
  if ('list' in target) {
    const fields = target.keys.map(labelOf).join(', ');
    return target.list === 'mappings'
      ? t('packs.conflicts.mappings', { fields })
      : t('packs.conflicts.overlays', { fields });
  }
  if ('setting' in target) return t(SETTING_LABELS[target.setting]);
  return target.other;
}

export function PackConflicts({ edited, labelOf }: Props) {
  const { t } = useT();
  const record = edited.stored;
  if (!record || edited.conflicts.length === 0) return null;
  const targets = new Map(edited.conflicts.map((c) => [c.id, packConflictTarget(record, c)]));
  const entries: ConflictEntry[] = edited.conflicts.map((conflict) => ({
    key: conflict.id,
    conflict,
    name: '',
    label: labelFor(t, targets.get(conflict.id) ?? { other: conflict.path }, labelOf),
    deleteLabel: t('packs.conflicts.deletePack'),
  }));

  // A list in words: only the fields that differ, each with its mapping (or none).
  const valueText = (value: unknown, entry: ConflictEntry): string => {
    const target = targets.get(entry.conflict.id);
    if (target && 'setting' in target && target.setting === 'authority') {
      return typeof value === 'string'
        ? t(`options.authority.${value}` as 'packs.title', { defaultValue: value })
        : conflictValueText(value);
    }
    if (!target || !('list' in target)) return conflictValueText(value);
    const items = new Map(keyedItems(value).map((item) => [item.key, item]));
    return target.keys
      .map((key) => {
        const item = items.get(key);
        const what = !item
          ? t('packs.conflicts.none')
          : target.list === 'mappings'
            ? mappingText(t, item as unknown as Mapping)
            : t('packs.conflicts.box');
        return `${labelOf(key)}: ${what}`;
      })
      .join('; ');
  };

  return (
    <ConflictChoices
      title={t('sync.conflicts.title')}
      entries={entries}
      valueText={valueText}
      onChoose={(entry, choice) => edited.resolve(entry.conflict, choice)}
      testId="pack-conflicts"
    />
  );
}
