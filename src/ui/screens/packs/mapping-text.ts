// A mapping in words, for the list of an old edition's mappings that need mapping again
// ("Angabe einer Person: Familienname (Haushaltsvorstand)"). Covers every mapping a pack file
// can hold, including the joins, splits and household facts the editor shows only as "other".
import type { TFunction } from 'i18next';
import type {
  ChoiceSource,
  Derivation,
  Mapping,
  PersonSlot,
  TextMapping,
} from '../../../domain/form-packs';
import { derivedPresetOf, PERSON_PRESETS } from './mapping-model';

type Key = 'packs.title';
/** Keys built from data (field names, codes): checked by the locale test, not the compiler. */
const k = (key: string): Key => key as Key;

export function slotText(t: TFunction, slot: PersonSlot): string {
  return slot.role === 'child' || slot.role === 'member'
    ? t(k(`packs.slot.${slot.role}`), { n: slot.index })
    : t(k(`packs.slot.${slot.role}`));
}

const ofPerson = (t: TFunction, value: string, person: PersonSlot) =>
  t('packs.origin.ofPerson', { value, person: slotText(t, person) });

function derivationText(t: TFunction, derive: Derivation): string {
  const preset = derivedPresetOf(derive);
  if (preset) {
    const text = t(k(`packs.derived.${preset}`));
    const person =
      'person' in derive
        ? derive.person
        : 'date' in derive && 'person' in derive.date
          ? derive.date.person
          : null;
    return person && PERSON_PRESETS.has(preset) ? ofPerson(t, text, person) : text;
  }
  switch (derive.type) {
    case 'join':
      return derive.parts.map((part) => textOf(t, part)).join(' + ');
    case 'first-of':
      return derive.options.map((option) => textOf(t, option)).join(' / ');
    case 'affix':
    case 'if-filled':
      return textOf(t, derive.value);
    case 'country-name':
      return textOf(t, derive.of);
    case 'date':
      return 'person' in derive.date
        ? ofPerson(t, t('packs.origin.derive.date'), derive.date.person)
        : t('packs.origin.derive.date');
    default: {
      const text = t(k(`packs.origin.derive.${derive.type}`));
      return 'person' in derive ? ofPerson(t, text, derive.person) : text;
    }
  }
}

/** A value that produces text, without saying its kind. */
function textOf(t: TFunction, mapping: TextMapping): string {
  switch (mapping.kind) {
    case 'person':
      return ofPerson(t, t(k(`packs.person.${mapping.field}`)), mapping.person);
    case 'case':
      return t(k(`packs.case.${mapping.field}`));
    case 'derived':
      return derivationText(t, mapping.derive);
  }
}

function choiceText(t: TFunction, source: ChoiceSource): string {
  switch (source.from) {
    case 'filled':
      return t('packs.origin.choice.filled', { value: textOf(t, source.value) });
    case 'household':
      return t('packs.origin.choice.household');
    case 'nationality':
      return ofPerson(t, t('packs.origin.choice.nationality'), source.person);
    case 'age-below':
      return ofPerson(
        t,
        t('packs.origin.choice.age-below', { years: source.years }),
        source.person,
      );
    default:
      return ofPerson(t, t(k(`packs.choice.from.${source.from}`)), source.person);
  }
}

/** The mapping in words, starting with its kind. */
export function mappingText(t: TFunction, mapping: Mapping): string {
  const kindValue = (kind: string, value: string) =>
    t('packs.origin.kindValue', { kind: t(k(`packs.kind.${kind}`)), value });
  switch (mapping.kind) {
    case 'person':
    case 'case':
    case 'derived':
      return kindValue(mapping.kind, textOf(t, mapping));
    case 'fixed':
      return mapping.value === true
        ? t('packs.fixed.ticked')
        : kindValue('fixed', mapping.value === false ? '–' : mapping.value);
    case 'choice':
      return kindValue('choice', choiceText(t, mapping.source));
    case 'split':
      return t('packs.origin.split', { part: mapping.part, value: textOf(t, mapping.value) });
  }
}
