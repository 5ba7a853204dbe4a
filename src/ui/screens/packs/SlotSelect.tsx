// Which person of the household a value comes from: the draft's person, the head, the
// partner, the n-th child or the n-th member (domain/form-packs/types.ts, PersonSlot).
import type { PersonSlot } from '../../../domain/form-packs';
import { SelectField } from '../../components/Field';
import { useT } from '../../hooks/use-t';
import { parseSlot, SLOT_VALUES, slotValue } from './mapping-model';

export function SlotSelect(props: { value: PersonSlot; onChange: (slot: PersonSlot) => void }) {
  const { t } = useT();
  const label = (value: string) => {
    const slot = parseSlot(value);
    return slot.role === 'child' || slot.role === 'member'
      ? t(`packs.slot.${slot.role}`, { n: slot.index })
      : t(`packs.slot.${slot.role}`);
  };
  return (
    <SelectField
      label={t('packs.slot.label')}
      value={slotValue(props.value)}
      options={SLOT_VALUES.map((v) => ({ value: v, label: label(v) }))}
      onChange={(v) => props.onChange(parseSlot(v))}
    />
  );
}
