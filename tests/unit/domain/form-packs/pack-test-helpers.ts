// Helpers for the evaluation tests: a one-mapping pack and loosely typed mapping builders.
import {
  evaluatePack,
  type FieldMapping,
  type FormPack,
  type Mapping,
  type PersonSlot,
  type TextMapping,
} from '../../../../src/domain/form-packs';
import { context } from './household-fixture';

export const SUBJECT: PersonSlot = { role: 'subject' };

export const packOf = (mappings: Record<string, Mapping>): FormPack => {
  const list: FieldMapping[] = Object.entries(mappings).map(([key, m]) => ({ key, ...m }));
  return {
    format: 'lotse-form-pack',
    version: 1,
    id: 'test',
    title: { de: 'Test', en: 'Test' },
    authority: 'other',
    edition: { label: 'x', fingerprint: 'a'.repeat(64), fields: [] },
    mappings: list,
  };
};

/** Evaluates one mapping; returns value and problem codes. */
export const one = (mapping: Mapping, ctx = context()) => {
  const [field] = evaluatePack(packOf({ f: mapping }), ctx).fields;
  return { value: field?.value, problems: field?.problems.map((p) => p.code), field };
};
export const valueOf = (mapping: Mapping, ctx = context()) => one(mapping, ctx).value;

export const person = (slot: PersonSlot, field: string) =>
  ({ kind: 'person', person: slot, field }) as TextMapping;
export const derived = (derive: Record<string, unknown>) =>
  ({ kind: 'derived', derive }) as TextMapping;
export const birth = (slot: PersonSlot, unknown: 'zeros' | 'first', more: object = {}) =>
  derived({ type: 'date', date: { from: 'date-of-birth', person: slot }, unknown, ...more });
