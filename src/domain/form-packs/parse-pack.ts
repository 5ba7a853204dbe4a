// Reading form packs from untrusted files (a colleague's export, a download) and writing them.
// Every part is checked against the vocabularies in types.ts, unknown properties are refused,
// sizes are bounded, and the result is built afresh, so nothing but checked data (no
// "__proto__" keys, no extra properties) reaches the app. Never throws.
import { err, ok, type Result } from '../../shared/result';
import type { PdfFieldType } from '../../pdf/types';
import { AUTHORITIES } from '../types';
import { isChoiceCode } from './choices';
import {
  ADDRESS_KINDS,
  ADDRESS_PARTS,
  CASE_TEXT_FIELDS,
  CONTEXT_FIELDS,
  COUNTS,
  DATE_FORMATS,
  DATE_PARTS,
  FORM_PACK_FORMAT,
  FORM_PACK_VERSION,
  HOUSEHOLD_FACTS,
  MARITAL_STYLES,
  NAME_STYLES,
  PERSON_TEXT_FIELDS,
  SEX_STYLES,
  UNKNOWN_DATE_STYLES,
  type ChoiceSource,
  type DateSource,
  type Derivation,
  type EditionField,
  type FieldMapping,
  type FormPack,
  type Mapping,
  type OverlayBox,
  type PersonSlot,
  type SplitRule,
  type TextMapping,
} from './types';

export type FormPackError = 'pack-invalid' | 'pack-version-unsupported';

const MAX_INPUT = 4_000_000;
const MAX_FIELDS = 5_000;
const MAX_KEY = 1_000;
const MAX_DEPTH = 4;
const FIELD_TYPES: readonly PdfFieldType[] = [
  'text',
  'multiline',
  'checkbox',
  'radio',
  'dropdown',
  'list',
  'signature',
  'button',
];

type Obj = Record<string, unknown>;

/** The object if it has exactly the required keys plus any of the optional ones. */
function shape(v: unknown, required: readonly string[], optional: readonly string[] = []) {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const o = v as Obj;
  for (const k of Object.keys(o)) if (!required.includes(k) && !optional.includes(k)) return null;
  return required.every((k) => Object.hasOwn(o, k)) ? o : null;
}
const str = (v: unknown, max: number): string | null =>
  typeof v === 'string' && v.length <= max ? v : null;
const oneOf = <T extends string>(v: unknown, values: readonly T[]): T | null =>
  typeof v === 'string' && (values as readonly string[]).includes(v) ? (v as T) : null;
const int = (v: unknown, min: number, max: number): number | null =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : null;
const list = (v: unknown, max: number): unknown[] | null =>
  Array.isArray(v) && v.length <= max ? v : null;
/** Every item read, or null when one fails. */
function all<I, T>(items: readonly I[], read: (item: I) => T | null): T[] | null {
  const out: T[] = [];
  for (const item of items) {
    const r = read(item);
    if (r === null) return null;
    out.push(r);
  }
  return out;
}

function readSlot(v: unknown): PersonSlot | null {
  const o = shape(v, ['role'], ['index']);
  if (!o) return null;
  if (o.role === 'child' || o.role === 'member') {
    const index = int(o.index, 1, 50);
    return index === null ? null : { role: o.role, index };
  }
  if (o.index !== undefined) return null;
  const role = oneOf(o.role, ['subject', 'head', 'partner'] as const);
  return role && { role };
}

function readDateSource(v: unknown): DateSource | null {
  const o = shape(v, ['from'], ['person']);
  if (!o) return null;
  if (o.from === 'move-in' || o.from === 'today')
    return o.person === undefined ? { from: o.from } : null;
  if (o.from !== 'date-of-birth' && o.from !== 'residence-expiry') return null;
  const person = readSlot(o.person);
  return person && { from: o.from, person };
}

// Every property some derivation has; each case then checks its own exact set.
const DERIVATION_KEYS = ['date', 'unknown', 'part', 'format', 'person', 'style', 'of', 'address'];
const MORE_DERIVATION_KEYS = ['field', 'parts', 'separator', 'value', 'prefix', 'suffix'];
const LAST_DERIVATION_KEYS = ['options', 'test'];

function readDerivation(v: unknown, depth: number): Derivation | null {
  const o = shape(
    v,
    ['type'],
    [...DERIVATION_KEYS, ...MORE_DERIVATION_KEYS, ...LAST_DERIVATION_KEYS],
  );
  if (!o) return null;
  const type = o.type;
  const only = (...keys: string[]) => shape(v, ['type', ...keys]) !== null;
  const withPerson = <T extends string>(styles: readonly T[]) => {
    const person = readSlot(o.person);
    const style = oneOf(o.style, styles);
    return only('person', 'style') && person && style ? { person, style } : null;
  };
  switch (type) {
    case 'date': {
      if (!shape(v, ['type', 'date', 'unknown'], ['part', 'format'])) return null;
      const date = readDateSource(o.date);
      const unknown = oneOf(o.unknown, UNKNOWN_DATE_STYLES);
      const part = o.part === undefined ? undefined : oneOf(o.part, DATE_PARTS);
      const format = o.format === undefined ? undefined : oneOf(o.format, DATE_FORMATS);
      if (!date || !unknown || part === null || format === null) return null;
      return { type, date, unknown, ...(part && { part }), ...(format && { format }) };
    }
    case 'name': {
      const r = withPerson(NAME_STYLES);
      return r && { type, ...r };
    }
    case 'sex': {
      const r = withPerson(SEX_STYLES);
      return r && { type, ...r };
    }
    case 'marital-status': {
      const r = withPerson(MARITAL_STYLES);
      return r && { type, ...r };
    }
    case 'relationship':
    case 'age': {
      const person = readSlot(o.person);
      return only('person') && person ? { type, person } : null;
    }
    case 'country-name': {
      const of = only('of') ? readText(o.of, depth + 1) : null;
      return of && { type, of };
    }
    case 'address-part': {
      const address = oneOf(o.address, ADDRESS_KINDS);
      const part = oneOf(o.part, ADDRESS_PARTS);
      return only('address', 'part') && address && part ? { type, address, part } : null;
    }
    case 'count': {
      const of = oneOf(o.of, COUNTS);
      return only('of') && of ? { type, of } : null;
    }
    case 'context': {
      const field = oneOf(o.field, CONTEXT_FIELDS);
      return only('field') && field ? { type, field } : null;
    }
    case 'place-date':
      return only() ? { type } : null;
    case 'join': {
      const items = only('parts', 'separator') ? list(o.parts, 20) : null;
      const parts = items && items.length > 0 ? all(items, (p) => readText(p, depth + 1)) : null;
      const separator = str(o.separator, 20);
      return parts && separator !== null ? { type, parts, separator } : null;
    }
    case 'affix': {
      const value = only('value', 'prefix', 'suffix') ? readText(o.value, depth + 1) : null;
      const prefix = str(o.prefix, 50);
      const suffix = str(o.suffix, 50);
      return value && prefix !== null && suffix !== null ? { type, value, prefix, suffix } : null;
    }
    case 'first-of': {
      const items = only('options') ? list(o.options, 20) : null;
      const options = items && items.length > 0 ? all(items, (p) => readText(p, depth + 1)) : null;
      return options && { type, options };
    }
    case 'if-filled': {
      const test = only('test', 'value') ? readText(o.test, depth + 1) : null;
      const value = test ? readText(o.value, depth + 1) : null;
      return test && value ? { type, test, value } : null;
    }
    default:
      return null;
  }
}

function readText(v: unknown, depth: number): TextMapping | null {
  if (depth > MAX_DEPTH) return null;
  const o = shape(v, ['kind'], ['person', 'field', 'derive']);
  if (o?.kind === 'person' && shape(v, ['kind', 'person', 'field'])) {
    const person = readSlot(o.person);
    const field = oneOf(o.field, PERSON_TEXT_FIELDS);
    return person && field ? { kind: 'person', person, field } : null;
  }
  if (o?.kind === 'case' && shape(v, ['kind', 'field'])) {
    const field = oneOf(o.field, CASE_TEXT_FIELDS);
    return field && { kind: 'case', field };
  }
  if (o?.kind === 'derived' && shape(v, ['kind', 'derive'])) {
    const derive = readDerivation(o.derive, depth);
    return derive && { kind: 'derived', derive };
  }
  return null;
}

function readChoiceSource(v: unknown): ChoiceSource | null {
  const o = shape(v, ['from'], ['person', 'value', 'years', 'fact']);
  if (!o) return null;
  switch (o.from) {
    case 'sex':
    case 'marital-status':
    case 'residence-document':
    case 'relationship':
    case 'nationality':
    case 'nationality-group':
    case 'person-exists': {
      const person = shape(v, ['from', 'person']) ? readSlot(o.person) : null;
      return person && { from: o.from, person };
    }
    case 'filled': {
      const value = shape(v, ['from', 'value']) ? readText(o.value, 1) : null;
      return value && { from: o.from, value };
    }
    case 'age-below': {
      const person = shape(v, ['from', 'person', 'years']) ? readSlot(o.person) : null;
      const years = int(o.years, 1, 150);
      return person && years !== null ? { from: o.from, person, years } : null;
    }
    case 'household': {
      const fact = shape(v, ['from', 'fact']) ? oneOf(o.fact, HOUSEHOLD_FACTS) : null;
      return fact && { from: o.from, fact };
    }
    default:
      return null;
  }
}

const choiceValue = (v: unknown): string | boolean | null =>
  typeof v === 'boolean' ? v : str(v, MAX_KEY);

function readSplitRule(v: unknown): SplitRule | null {
  const o = shape(v, ['by'], ['size', 'widths']);
  if (o?.by === 'groups' && shape(v, ['by', 'size'])) {
    const size = int(o.size, 1, 100);
    return size === null ? null : { by: 'groups', size };
  }
  const items = o?.by === 'widths' && shape(v, ['by', 'widths']) ? list(o.widths, 50) : null;
  const widths = items && items.length > 0 ? all(items, (w) => int(w, 1, 100)) : null;
  return widths && { by: 'widths', widths };
}

function readMapping(o: Obj): Mapping | null {
  switch (o.kind) {
    case 'person':
    case 'case':
    case 'derived': {
      const rest = Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'key'));
      return readText(rest, 0);
    }
    case 'fixed': {
      const value = shape(o, ['key', 'kind', 'value']) ? choiceValue(o.value) : null;
      return value === null ? null : { kind: 'fixed', value };
    }
    case 'choice': {
      if (!shape(o, ['key', 'kind', 'source', 'options'], ['otherwise'])) return null;
      const source = readChoiceSource(o.source);
      const table = o.options;
      if (!source || typeof table !== 'object' || table === null || Array.isArray(table))
        return null;
      const entries = Object.entries(table);
      if (entries.length === 0 || entries.length > 300) return null;
      const read = all(entries, ([code, value]) => {
        const v = choiceValue(value);
        return isChoiceCode(source, code) && v !== null ? ([code, v] as const) : null;
      });
      const otherwise = o.otherwise === undefined ? undefined : choiceValue(o.otherwise);
      if (!read || otherwise === null) return null;
      const kinds = new Set(read.map(([, v]) => typeof v));
      if (otherwise !== undefined) kinds.add(typeof otherwise);
      if (kinds.size !== 1) return null;
      // Codes sorted, so that the same table always serialises the same way.
      const options = Object.fromEntries(read.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      return { kind: 'choice', source, options, ...(otherwise !== undefined && { otherwise }) };
    }
    case 'split': {
      if (!shape(o, ['key', 'kind', 'value', 'rule', 'part'])) return null;
      const value = readText(o.value, 1);
      const rule = readSplitRule(o.rule);
      const part = int(o.part, 1, rule?.by === 'widths' ? rule.widths.length : 100);
      return value && rule && part !== null ? { kind: 'split', value, rule, part } : null;
    }
    default:
      return null;
  }
}

function readFieldMapping(v: unknown): FieldMapping | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const o = v as Obj;
  const key = str(o.key, MAX_KEY);
  const mapping = key ? readMapping(o) : null;
  return key && mapping ? { key, ...mapping } : null;
}

function readEditionField(v: unknown): EditionField | null {
  const o = shape(v, ['key', 'type']);
  const key = str(o?.key, MAX_KEY);
  const type = oneOf(o?.type, FIELD_TYPES);
  return key && type ? { key, type } : null;
}

const MAX_OVERLAYS = 500;
const MAX_POINTS = 14_400; // the largest page side PDF allows (200 inches)
const num = (v: unknown, min: number, max: number): number | null =>
  typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? v : null;

function readOverlayBox(v: unknown): OverlayBox | null {
  const o = shape(v, ['key', 'page', 'rect'], ['fontSize', 'multiline']);
  const key = str(o?.key, MAX_KEY);
  const page = int(o?.page, 0, 9_999);
  const items = list(o?.rect, 4);
  const rect = items?.length === 4 ? all(items, (n) => num(n, -MAX_POINTS, MAX_POINTS)) : null;
  if (!o || !key || page === null || !rect) return null;
  const [x, y, width, height] = rect as [number, number, number, number];
  if (width <= 0 || height <= 0) return null;
  const fontSize = o.fontSize === undefined ? undefined : num(o.fontSize, 4, 144);
  const multiline = o.multiline === undefined ? undefined : o.multiline;
  if (fontSize === null || (multiline !== undefined && typeof multiline !== 'boolean')) return null;
  return {
    key,
    page,
    rect: [x, y, width, height],
    ...(fontSize !== undefined && { fontSize }),
    ...(multiline !== undefined && { multiline }),
  };
}

/** The checked, freshly built pack, or null. Assumes format and version were checked. */
function readPack(v: unknown): FormPack | null {
  const o = shape(
    v,
    ['format', 'version', 'id', 'title', 'authority', 'edition', 'mappings'],
    ['overlays'],
  );
  const title = shape(o?.title, ['de', 'en']);
  const edition = shape(o?.edition, ['label', 'fingerprint', 'fields']);
  if (!o || !title || !edition) return null;
  const id = str(o.id, 100);
  const de = str(title.de, 200);
  const en = str(title.en, 200);
  const authority = oneOf(o.authority, AUTHORITIES);
  const label = str(edition.label, 50);
  const fingerprint = str(edition.fingerprint, 64);
  const fieldItems = list(edition.fields, MAX_FIELDS);
  const mappingItems = list(o.mappings, MAX_FIELDS);
  if (!id || !/^[a-z0-9][a-z0-9-]*$/.test(id) || !de || !en || !authority) return null;
  if (label === null || !fingerprint || !/^[0-9a-f]{64}$/.test(fingerprint)) return null;
  const fields = fieldItems && all(fieldItems, readEditionField);
  const mappings = mappingItems && all(mappingItems, readFieldMapping);
  const overlayItems = o.overlays === undefined ? [] : list(o.overlays, MAX_OVERLAYS);
  const overlays = overlayItems && all(overlayItems, readOverlayBox);
  if (!fields || !mappings || !overlays) return null;
  // Overlay boxes are keys of this edition too, and never the key of one of its fields.
  const known = new Set([...fields.map((f) => f.key), ...overlays.map((b) => b.key)]);
  const mapped = new Set(mappings.map((m) => m.key));
  if (known.size !== fields.length + overlays.length || mapped.size !== mappings.length) {
    return null;
  }
  if (mappings.some((m) => !known.has(m.key))) return null;
  return {
    format: FORM_PACK_FORMAT,
    version: FORM_PACK_VERSION,
    id,
    title: { de, en },
    authority,
    edition: { label, fingerprint, fields },
    mappings,
    ...(o.overlays !== undefined && { overlays }),
  };
}

export function parseFormPack(text: string): Result<FormPack, FormPackError> {
  if (typeof text !== 'string' || text.length > MAX_INPUT) return err('pack-invalid');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return err('pack-invalid');
  }
  const head = typeof data === 'object' && data !== null ? (data as Obj) : null;
  if (head?.format !== FORM_PACK_FORMAT) return err('pack-invalid');
  if (int(head.version, 1, Number.MAX_SAFE_INTEGER) === null) return err('pack-invalid');
  if (head.version !== FORM_PACK_VERSION) return err('pack-version-unsupported');
  const pack = readPack(data);
  return pack ? ok(pack) : err('pack-invalid');
}

/** Stable, pretty JSON: properties in the format's order, whatever order the pack was built in. */
export function serializeFormPack(pack: FormPack): string {
  return `${JSON.stringify(readPack(pack) ?? pack, null, 2)}\n`;
}
