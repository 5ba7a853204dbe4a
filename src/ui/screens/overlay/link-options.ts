// What an overlay box can be linked to: a short list of the case values flat forms ask for
// most (names, birth, nationality, address, phone, place and date). Each is an ordinary pack
// mapping for the person the draft is for, so evaluatePack fills a box like a text field. The
// labels are i18n keys; a mapping from a pack made elsewhere that is not in this list is shown
// as "other value" and kept as it is.
import type { TextMapping } from '../../../domain/form-packs';

const SUBJECT = { role: 'subject' } as const;

export const LINK_OPTIONS = [
  {
    id: 'family-name',
    mapping: { kind: 'person', person: SUBJECT, field: 'familyName' },
  },
  {
    id: 'given-names',
    mapping: { kind: 'person', person: SUBJECT, field: 'givenNames' },
  },
  {
    id: 'name-comma',
    mapping: { kind: 'derived', derive: { type: 'name', person: SUBJECT, style: 'family-given' } },
  },
  {
    id: 'date-of-birth',
    mapping: {
      kind: 'derived',
      derive: { type: 'date', date: { from: 'date-of-birth', person: SUBJECT }, unknown: 'zeros' },
    },
  },
  {
    id: 'place-of-birth',
    mapping: { kind: 'person', person: SUBJECT, field: 'placeOfBirth' },
  },
  {
    id: 'nationality',
    mapping: {
      kind: 'derived',
      derive: {
        type: 'country-name',
        of: { kind: 'person', person: SUBJECT, field: 'nationality' },
      },
    },
  },
  { id: 'street', mapping: { kind: 'case', field: 'address.street' } },
  { id: 'postal-code', mapping: { kind: 'case', field: 'address.postalCode' } },
  { id: 'city', mapping: { kind: 'case', field: 'address.city' } },
  {
    id: 'phone',
    mapping: {
      kind: 'derived',
      derive: {
        type: 'first-of',
        options: [
          { kind: 'person', person: SUBJECT, field: 'phone' },
          { kind: 'case', field: 'phone' },
        ],
      },
    },
  },
  { id: 'place-date', mapping: { kind: 'derived', derive: { type: 'place-date' } } },
] as const satisfies ReadonlyArray<{ id: string; mapping: TextMapping }>;

export type LinkId = (typeof LINK_OPTIONS)[number]['id'];

export const LINK_IDS: readonly LinkId[] = LINK_OPTIONS.map((o) => o.id);

export function linkMapping(id: LinkId): TextMapping {
  const option = LINK_OPTIONS.find((o) => o.id === id);
  if (!option) throw new Error(`unknown link ${id}`);
  // A fresh copy: packs are stored and edited, the table stays as it is.
  return structuredClone(option.mapping) as TextMapping;
}

/** Order-independent comparison of plain JSON values. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );

/** The option a mapping is, or null for a mapping this list does not offer. */
export function linkOf(mapping: object | undefined): LinkId | null {
  if (!mapping) return null;
  const rest: Record<string, unknown> = { ...mapping };
  delete rest.key;
  const wanted = canonical(rest);
  return LINK_OPTIONS.find((o) => canonical(o.mapping) === wanted)?.id ?? null;
}
