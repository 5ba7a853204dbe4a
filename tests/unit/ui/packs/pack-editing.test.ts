// Making and editing a pack the way the pack screen does, over a real form inspected by the
// real engine: a new pack for the file, mappings set through the editor model, checked by
// parseFormPack, evaluated against a household — and a stored pack winning over a shipped one.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyCase, emptyPerson } from '../../../../src/domain/defaults';
import {
  evaluatePack,
  parseFormPack,
  SHIPPED_PACKS,
  type ChoiceMapping,
  type FormPack,
  type Mapping,
} from '../../../../src/domain/form-packs';
import type { Case, Person } from '../../../../src/domain/types';
import { inspectPdf } from '../../../../src/pdf/index';
import type { PdfField, PdfInspection } from '../../../../src/pdf/types';
import { matchPackOf } from '../../../../src/ui/screens/forms/pack-adapter';
import {
  defaultMapping,
  mappingOf,
  setChoiceRow,
  setMapping,
  withSlot,
} from '../../../../src/ui/screens/packs/mapping-model';
import {
  copyPackFor,
  newPackFor,
  packIdFromFileName,
} from '../../../../src/ui/screens/packs/pack-from-form';
import { checkedPack, packProblems } from '../../../../src/ui/screens/packs/pack-problems';

const FORMS = resolve(import.meta.dirname, '../../../../../shared/forms');
const ANMELDUNG = 'de_berlin_anmeldung_wohnung.pdf';
let inspection: PdfInspection;

beforeAll(async () => {
  const result = await inspectPdf(new Uint8Array(readFileSync(resolve(FORMS, ANMELDUNG))));
  if (!result.ok) throw new Error(result.code);
  inspection = result.value;
});

const fieldOf = (key: string): PdfField => {
  const field = inspection.fields.find((f) => f.key === key);
  if (!field) throw new Error(`no field ${key}`);
  return field;
};
const need = <T>(value: T | null | undefined): T => {
  if (value === null || value === undefined) throw new Error('missing');
  return value;
};

const stamp = { createdAt: '2026-11-01T08:00:00.000Z', updatedAt: '2026-11-01T08:00:00.000Z' };
const household: Case = { ...emptyCase(), ...stamp, id: 'c1', deleted: false, label: 'Haidari' };
const person = (id: string, data: Partial<Person>): Person => ({
  ...emptyPerson('c1'),
  ...stamp,
  id,
  deleted: false,
  ...data,
});
const zahra = person('p1', {
  familyName: 'Haidari',
  givenNames: 'Zahra',
  sex: 'female',
  relationship: 'head',
  dateOfBirth: '1990-03',
});
const ali = person('p2', {
  familyName: 'Haidari',
  givenNames: 'Ali',
  sex: 'male',
  relationship: 'spouse',
});
const contextFor = (subject: Person) => ({
  household,
  persons: [zahra, ali],
  subjectPersonId: subject.id,
  today: '2026-11-20',
  place: 'Berlin',
  volunteerName: 'Anna',
});

const FAMILY = 'Familienname ggf Doktorgrad Passname';
const RELIGION = 'Religionsgesellschaft';
const MAIN_HOME = 'Hauptwohnung';
const BIRTH = 'Tag Ort Land der Geburt';

/** The pack a volunteer makes on the pack screen: family name, a fixed value, a checkbox by sex. */
function volunteersPack(): FormPack {
  let pack = newPackFor(ANMELDUNG, inspection);
  pack = setMapping(pack, FAMILY, defaultMapping('person', fieldOf(FAMILY)));
  pack = setMapping(pack, RELIGION, { kind: 'fixed', value: 'keine' });
  const choice = need(defaultMapping('choice', fieldOf(MAIN_HOME))) as ChoiceMapping;
  pack = setMapping(pack, MAIN_HOME, setChoiceRow(choice, 'female', true));
  const birth = need(defaultMapping('derived', fieldOf(BIRTH)));
  pack = setMapping(pack, BIRTH, withSlot(birth, { role: 'partner' }));
  return pack;
}

describe('a new pack for a form of the library', () => {
  it('is for exactly this edition, with an id from the file name and no mapping', () => {
    const pack = newPackFor(ANMELDUNG, inspection);
    expect(pack.id).toBe('de-berlin-anmeldung-wohnung');
    expect(pack.edition.fingerprint).toBe(inspection.fingerprint);
    expect(pack.edition.fields).toHaveLength(inspection.fields.length);
    expect(pack.mappings).toEqual([]);
    expect(packProblems(pack)).toEqual([]);
    expect(checkedPack(pack)).toEqual(pack);
  });

  it('fills a draft with what the volunteer mapped, for the person chosen', () => {
    const pack = volunteersPack();
    expect(packProblems(pack)).toEqual([]);
    const checked = need(checkedPack(pack));
    // Mappings stay in the edition's field order, whatever order they were set in.
    const order = inspection.fields.map((f) => f.key);
    const keys = checked.mappings.map((m) => m.key);
    expect(keys).toEqual([...keys].sort((a, b) => order.indexOf(a) - order.indexOf(b)));

    const values = (subject: Person) =>
      Object.fromEntries(
        evaluatePack(checked, contextFor(subject), inspection).fields.map((f) => [f.key, f.value]),
      );
    expect(values(zahra)).toMatchObject({
      [FAMILY]: 'Haidari',
      [RELIGION]: 'keine',
      [MAIN_HOME]: true,
    });
    // Ali is male: the table ticks only for "female". His partner Zahra's birth date is partial.
    expect(values(ali)[MAIN_HOME]).not.toBe(true);
    expect(values(ali)[BIRTH]).toBe('00.03.1990');
  });

  it('lists what keeps it from being saved, by field, until it is fixed', () => {
    let pack = volunteersPack();
    pack = { ...pack, title: { de: '', en: 'x' } };
    pack = setMapping(pack, 'Nein', defaultMapping('choice', fieldOf('Nein')));
    expect(packProblems(pack)).toEqual([
      { code: 'title-missing' },
      { key: 'Nein', code: 'choice-empty' },
    ]);
    expect(checkedPack(pack)).toBeNull();
    pack = setMapping(pack, 'Nein', null);
    pack = { ...pack, title: { de: 'Anmeldung', en: 'Registration' } };
    expect(packProblems(pack)).toEqual([]);
    expect(mappingOf(pack, 'Nein')).toBeUndefined();
  });

  it('a pack id is made safe from any file name', () => {
    expect(packIdFromFileName('Antrag für Straße (2).PDF')).toBe('antrag-fur-strasse-2');
    expect(packIdFromFileName('محمد.pdf')).toBe('form');
  });
});

describe('a copy of the matching pack', () => {
  const shipped = need(SHIPPED_PACKS.find((p) => p.id === 'de-berlin-anmeldung'));

  it('of the same edition keeps every mapping and the edition label', () => {
    const copy = copyPackFor(shipped, inspection);
    expect(copy.mappings).toEqual(shipped.mappings);
    expect(copy.mappings).not.toBe(shipped.mappings);
    expect(copy.edition.label).toBe(shipped.edition.label);
    expect(parseFormPack(JSON.stringify(copy)).ok).toBe(true);
  });

  it('for another edition keeps only the mappings that still fit', () => {
    const other: PdfInspection = {
      ...inspection,
      fingerprint: 'f'.repeat(64),
      fields: inspection.fields.filter((f) => f.key !== FAMILY),
    };
    const copy = copyPackFor(shipped, other);
    expect(copy.edition.fingerprint).toBe(other.fingerprint);
    expect(copy.edition.label).toBe('');
    expect(copy.mappings.some((m) => m.key === FAMILY)).toBe(false);
    expect(copy.mappings.length).toBe(shipped.mappings.length - 1);
    expect(parseFormPack(JSON.stringify(copy)).ok).toBe(true);
  });
});

describe('matching with stored packs', () => {
  it('a stored pack for the same edition wins over the shipped one, and says so', () => {
    expect(matchPackOf(inspection)?.pack.id).toBe('de-berlin-anmeldung');
    expect(matchPackOf(inspection)?.isStored).toBe(false);
    const own = volunteersPack();
    const match = matchPackOf(inspection, [own]);
    expect(match?.pack).toBe(own);
    expect(match).toMatchObject({ isStored: true, edition: 'same' });
  });
});

describe('the editor model', () => {
  it('a changed person keeps the kind of value', () => {
    const m: Mapping = { kind: 'person', person: { role: 'subject' }, field: 'iban' };
    expect(withSlot(m, { role: 'child', index: 2 })).toEqual({
      ...m,
      person: { role: 'child', index: 2 },
    });
  });
});
