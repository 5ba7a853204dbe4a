// Berlin: Wohnungsgeberbestätigung (§ 19 BMG), the landlord's confirmation of moving in. The
// landlord signs it, but volunteers prepare it: landlord, flat, move-in date and up to ten
// persons moving in (the household in household order).
import type { FormPack } from '../types';
import { caseField, editionFields, field, member, moveInDate, person } from './build';

const ROWS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

export const berlinWohnungsgeberbestaetigung: FormPack = {
  format: 'lotse-form-pack',
  version: 1,
  id: 'de-berlin-wohnungsgeberbestaetigung',
  title: {
    de: 'Berlin: Wohnungsgeberbestätigung',
    en: "Berlin: landlord's confirmation of moving in",
  },
  authority: 'buergeramt',
  edition: {
    label: 'Berlin 335041',
    fingerprint: 'e73a8aad5dc7467e07f5b18b04b850c9ccd346110cce1830741b95625d239828',
    fields: editionFields([
      ['FamiliennameRow1', 'text'],
      ['VornameRow1', 'text'],
      ['FamiliennameRow2', 'text'],
      ['VornameRow2', 'text'],
      ['FamiliennameRow3', 'text'],
      ['VornameRow3', 'text'],
      ['FamiliennameRow4', 'text'],
      ['VornameRow4', 'text'],
      ['FamiliennameRow5', 'text'],
      ['VornameRow5', 'text'],
      ['FamiliennameRow6', 'text'],
      ['VornameRow6', 'text'],
      ['FamiliennameRow7', 'text'],
      ['VornameRow7', 'text'],
      ['FamiliennameRow8', 'text'],
      ['VornameRow8', 'text'],
      ['FamiliennameRow9', 'text'],
      ['VornameRow9', 'text'],
      ['FamiliennameRow10', 'text'],
      ['VornameRow10', 'text'],
      ['Datum Unterschrift Wohnungsgeber bzw Wohnungseigentümer', 'text'],
      ['Familienname1', 'text'],
      ['Straße1', 'text'],
      ['Postleitzahl1', 'text'],
      ['Ort1', 'text'],
      ['Wohnungseigentümer1', 'text'],
      ['Einzugsdatum1', 'text'],
      ['Straße2', 'text'],
      ['Zusatzangaben1', 'text'],
      ['Postleitzahl2', 'text'],
      ['Ort2', 'text'],
    ]),
  },
  mappings: [
    field('Familienname1', caseField('landlord.name')),
    field('Straße1', caseField('landlord.street')),
    field('Postleitzahl1', caseField('landlord.postalCode')),
    field('Ort1', caseField('landlord.city')),
    field('Einzugsdatum1', moveInDate()),
    field('Straße2', caseField('address.street')),
    field('Postleitzahl2', caseField('address.postalCode')),
    field('Ort2', caseField('address.city')),
    ...ROWS.flatMap((n) => [
      field(`FamiliennameRow${n}`, person(member(n), 'familyName')),
      field(`VornameRow${n}`, person(member(n), 'givenNames')),
    ]),
  ],
};
