// Merging two records of the same person, chosen by the volunteer (never automatic):
// empty fields of the kept person are filled from the other; where both hold different
// values the volunteer picks one per field; languages are joined. The other person is
// then deleted (a tombstone) by the caller, through the repository, so both writes sync.
import type { Person } from '../../../domain/types';

type TextField = Exclude<
  {
    [K in keyof Person]-?: Person[K] extends string | undefined ? K : never;
  }[keyof Person],
  'id' | 'caseId' | 'createdAt' | 'updatedAt'
>;
type ResidenceField = keyof Person['residence'];

/** A mergeable field: a top-level text field or `residence.<field>`. */
export type MergePath = TextField | `residence.${ResidenceField}`;

const TEXT_FIELDS = [
  'familyName',
  'givenNames',
  'familyNameNative',
  'givenNamesNative',
  'birthName',
  'dateOfBirth',
  'placeOfBirth',
  'countryOfBirth',
  'nationality',
  'sex',
  'relationship',
  'maritalStatus',
  'bamfFileNumber',
  'azrNumber',
  'taxId',
  'pensionInsuranceNumber',
  'healthInsurance',
  'healthInsuranceNumber',
  'iban',
  'phone',
  'email',
] as const satisfies readonly TextField[];

const RESIDENCE_FIELDS = [
  'document',
  'paragraph',
  'documentNumber',
  'expiresOn',
] as const satisfies readonly ResidenceField[];

export const MERGE_PATHS: readonly MergePath[] = [
  ...TEXT_FIELDS,
  ...RESIDENCE_FIELDS.map((field) => `residence.${field}` as const),
];

export type MergeChoice = 'kept' | 'other';
export type MergeChoices = Partial<Record<MergePath, MergeChoice>>;

export function valueAt(person: Person, path: MergePath): string {
  if (path.startsWith('residence.')) {
    const field = path.slice('residence.'.length) as ResidenceField;
    return person.residence[field];
  }
  return person[path as TextField] ?? '';
}

/** Fields where both persons hold a value and the values differ: the volunteer chooses. */
export function differingFields(kept: Person, other: Person): MergePath[] {
  return MERGE_PATHS.filter((path) => {
    const [a, b] = [valueAt(kept, path).trim(), valueAt(other, path).trim()];
    return a !== '' && b !== '' && a !== b;
  });
}

/** The kept person's record after the merge (id, case and timestamps unchanged). */
export function mergePersons(kept: Person, other: Person, choices: MergeChoices = {}): Person {
  const next: Person = { ...kept, residence: { ...kept.residence } };
  for (const path of MERGE_PATHS) {
    const mine = valueAt(kept, path);
    const theirs = valueAt(other, path);
    const take = mine.trim() === '' ? theirs : choices[path] === 'other' ? theirs : mine;
    if (take === mine) continue;
    if (path.startsWith('residence.')) {
      const field = path.slice('residence.'.length) as ResidenceField;
      (next.residence as Record<ResidenceField, string>)[field] = take;
    } else {
      (next as Record<TextField, string>)[path as TextField] = take;
    }
  }
  next.languages = [...new Set([...kept.languages, ...other.languages])];
  // "Keep both" said about either person holds for the merged one.
  const apart = [...(kept.notDuplicateOf ?? []), ...(other.notDuplicateOf ?? [])].filter(
    (id) => id !== kept.id && id !== other.id,
  );
  if (apart.length > 0 || kept.notDuplicateOf) next.notDuplicateOf = [...new Set(apart)];
  return next;
}

/** Sorted pair key, the same whichever person comes first. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
