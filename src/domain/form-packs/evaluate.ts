// evaluatePack: the value of every mapped field for one household and subject person, where it
// came from, and what is wrong with it. Nothing is ever cut to fit: a value longer than its
// field is reported (value-too-long) and left out of `values`, so the draft shows it and the
// volunteer decides. Deleted persons do not exist for a pack.
import type { PdfField, PdfFieldValues, PdfInspection } from '../../pdf/types';
import type { Id } from '../types';
import { choiceCode } from './choices';
import { checkMappingAgainstField } from './field-compat';
import { personInSlot, resolveHousehold, type PackContext } from './household';
import { withOverlayFields } from './overlays';
import { textOf, type Env } from './text-values';
import type {
  CaseTextField,
  ChoiceSource,
  DateSource,
  Derivation,
  FieldMapping,
  PersonSlot,
  FormPack,
  Mapping,
  PersonTextField,
  SplitMapping,
  SplitRule,
} from './types';

export type FieldProblemCode =
  | 'source-missing'
  | 'value-too-long'
  | 'option-unknown'
  | 'field-unknown'
  | 'field-type'
  | 'field-read-only'
  | 'split-overflow';

export type FieldProblem = { code: FieldProblemCode; detail?: string };

export type ValueOrigin = 'case' | 'fixed' | 'derived';

/** For a value taken unchanged from the case: where to write a changed value back. */
export type SourceRef =
  | { record: 'person'; personId: Id; field: PersonTextField }
  | { record: 'case'; field: CaseTextField };

export type EvaluatedField = {
  key: string;
  /** null when the case does not provide the value. */
  value: string | boolean | null;
  origin: ValueOrigin;
  source: SourceRef | null;
  problems: FieldProblem[];
};

export type PackEvaluation = {
  /** In the pack's mapping order. */
  fields: EvaluatedField[];
  /** The values that can be filled as they are (no blocking problem). */
  values: PdfFieldValues;
};

const BLOCKING: ReadonlySet<FieldProblemCode> = new Set([
  'value-too-long',
  'option-unknown',
  'field-unknown',
  'field-type',
  'field-read-only',
]);

/** Code points, as the form engine counts them. */
const visibleLength = (s: string): number => [...s].length;

/** Parts of a value with whitespace removed; a rest beyond the widths becomes one more part. */
export function splitValue(text: string, rule: SplitRule): string[] {
  const chars = [...text.replace(/\s+/g, '')];
  const parts: string[] = [];
  if (rule.by === 'groups') {
    for (let i = 0; i < chars.length; i += rule.size) {
      parts.push(chars.slice(i, i + rule.size).join(''));
    }
    return parts;
  }
  let at = 0;
  for (const width of rule.widths) {
    if (at >= chars.length) break;
    parts.push(chars.slice(at, at + width).join(''));
    at += width;
  }
  if (at < chars.length) parts.push(chars.slice(at).join(''));
  return parts;
}

type Raw = { value: string | boolean | null; source: SourceRef | null; problems: FieldProblem[] };

/** The first person slot a mapping reads from, if any. */
function primarySlot(m: Mapping | ChoiceSource | Derivation | DateSource): PersonSlot | null {
  if ('person' in m) return m.person;
  if ('kind' in m) {
    if (m.kind === 'derived') return primarySlot(m.derive);
    if (m.kind === 'choice') return primarySlot(m.source);
    if (m.kind === 'split') return primarySlot(m.value);
    return null;
  }
  if ('date' in m) return primarySlot(m.date);
  if ('value' in m && typeof m.value === 'object') return primarySlot(m.value);
  if ('of' in m && typeof m.of === 'object') return primarySlot(m.of);
  const parts = 'parts' in m ? m.parts : 'options' in m ? m.options : [];
  for (const part of parts) {
    const slot = primarySlot(part);
    if (slot) return slot;
  }
  return null;
}

function evaluateMapping(mapping: Mapping, env: Env): Raw {
  // A slot nobody fills (no partner, a fourth child in a family of three) is not a problem,
  // nor is a value the pack wants only when another one exists ("if-filled"). A missing
  // subject is: the draft is for someone.
  const slot = primarySlot(mapping);
  const absent =
    (slot !== null && slot.role !== 'subject' && personInSlot(env.household, slot) === null) ||
    (mapping.kind === 'derived' &&
      mapping.derive.type === 'if-filled' &&
      textOf(mapping.derive.test, env) === '');
  const missing: Raw = {
    value: null,
    source: null,
    problems: absent ? [] : [{ code: 'source-missing' }],
  };
  switch (mapping.kind) {
    case 'fixed':
      return { value: mapping.value, source: null, problems: [] };
    case 'choice': {
      const code = choiceCode(mapping.source, env);
      if (code === null) return missing;
      if (Object.hasOwn(mapping.options, code)) {
        return { value: mapping.options[code] ?? null, source: null, problems: [] };
      }
      if (mapping.otherwise !== undefined) {
        return { value: mapping.otherwise, source: null, problems: [] };
      }
      const isCheckbox = Object.values(mapping.options).every((v) => typeof v === 'boolean');
      return { value: isCheckbox ? false : null, source: null, problems: [] };
    }
    case 'split': {
      const text = textOf(mapping.value, env);
      if (text === '') return missing;
      return {
        value: splitValue(text, mapping.rule)[mapping.part - 1] ?? null,
        source: null,
        problems: [],
      };
    }
    default: {
      const text = textOf(mapping, env);
      if (text === '') return missing;
      let source: SourceRef | null = null;
      if (mapping.kind === 'case') source = { record: 'case', field: mapping.field };
      if (mapping.kind === 'person') {
        const person = personInSlot(env.household, mapping.person);
        if (person) source = { record: 'person', personId: person.id, field: mapping.field };
      }
      return { value: text, source, problems: [] };
    }
  }
}

const originOf = (mapping: Mapping): ValueOrigin =>
  mapping.kind === 'person' || mapping.kind === 'case'
    ? 'case'
    : mapping.kind === 'fixed'
      ? 'fixed'
      : 'derived';

function fieldProblems(mapping: Mapping, value: string | boolean | null, field: PdfField) {
  const problems: FieldProblem[] = [];
  if (field.readOnly) problems.push({ code: 'field-read-only' });
  const mismatch = checkMappingAgainstField(mapping, field);
  if (mismatch) problems.push({ code: mismatch });
  if (typeof value === 'string' && field.maxLen !== null && visibleLength(value) > field.maxLen) {
    problems.push({ code: 'value-too-long', detail: `${visibleLength(value)} > ${field.maxLen}` });
  }
  return problems;
}

/** Split values longer than the parts the pack maps: flagged on the field of the last part. */
function splitOverflows(mappings: FieldMapping[], env: Env): Map<string, string> {
  const lastPart = new Map<string, { key: string; part: number; mapping: SplitMapping }>();
  for (const m of mappings) {
    if (m.kind !== 'split') continue;
    const id = JSON.stringify([m.value, m.rule]);
    const seen = lastPart.get(id);
    if (!seen || m.part > seen.part) lastPart.set(id, { key: m.key, part: m.part, mapping: m });
  }
  const overflows = new Map<string, string>();
  for (const { key, part, mapping } of lastPart.values()) {
    const count = splitValue(textOf(mapping.value, env), mapping.rule).length;
    if (count > part) overflows.set(key, `${count} > ${part}`);
  }
  return overflows;
}

export function evaluatePack(
  pack: FormPack,
  context: PackContext,
  inspection?: PdfInspection,
): PackEvaluation {
  const env: Env = { context, household: resolveHousehold(context) };
  // Overlay boxes of a flat form behave like text fields.
  const fieldsOf = inspection && withOverlayFields(pack, inspection).fields;
  const byKey = new Map(fieldsOf?.map((f) => [f.key, f]));
  const overflows = splitOverflows(pack.mappings, env);
  const fields: EvaluatedField[] = [];
  const values: PdfFieldValues = {};
  for (const mapping of pack.mappings) {
    const raw = evaluateMapping(mapping, env);
    const problems = [...raw.problems];
    const overflow = overflows.get(mapping.key);
    if (overflow) problems.push({ code: 'split-overflow', detail: overflow });
    if (inspection) {
      const field = byKey.get(mapping.key);
      if (!field) problems.push({ code: 'field-unknown' });
      else problems.push(...fieldProblems(mapping, raw.value, field));
    }
    const { key } = mapping;
    fields.push({ key, value: raw.value, origin: originOf(mapping), source: raw.source, problems });
    if (raw.value !== null && !problems.some((p) => BLOCKING.has(p.code))) {
      // defineProperty: a field may be called "__proto__"; plain assignment would drop it.
      Object.defineProperty(values, key, {
        value: raw.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return { fields, values };
}
