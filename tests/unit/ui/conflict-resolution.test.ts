// Resolving conflicts that the real merge produced: the chosen value lands at the conflict's
// path (nested objects and id-addressed list items too) and the conflict leaves the list.
import { describe, expect, it } from 'vitest';
import { conflictsOf, mergeRecord } from '../../../src/sync/merge';
import {
  conflictSegments,
  conflictValueText,
  resolveConflict,
} from '../../../src/ui/components/conflict-resolution';

const base = {
  id: 'p1',
  createdAt: '2026-11-22T10:00:00.000Z',
  updatedAt: '2026-11-22T10:00:00.000Z',
  deleted: false,
  familyName: 'Mohammed',
  phone: '0151 1',
  address: { street: 'Lindenstraße 5', city: 'Berlin' },
};

describe('resolving a sync conflict', () => {
  it('must-choose: both names offered; the chosen one is kept and the conflict closed', () => {
    const local = { ...base, familyName: 'Muhammad', updatedAt: '2026-11-22T11:00:00.000Z' };
    const remote = { ...base, familyName: 'Mohamad', updatedAt: '2026-11-22T11:01:00.000Z' };
    const merged = mergeRecord('person', base, local, remote).record;
    const [conflict] = conflictsOf(merged);
    expect(conflict).toMatchObject({
      kind: 'must-choose',
      path: 'familyName',
      shown: 'Mohamad',
      kept: 'Muhammad',
    });

    const chosen = resolveConflict(merged, conflict!, 'kept');
    expect(chosen.familyName).toBe('Muhammad');
    expect(conflictsOf(chosen)).toEqual([]);
    expect(chosen.syncConflicts).toEqual([]); // an empty list overrides the stored one on save
    expect(resolveConflict(merged, conflict!, 'shown').familyName).toBe('Mohamad');
  });

  it('a nested field (address.city) takes the other value and keeps its siblings', () => {
    const local = { ...base, address: { ...base.address, city: 'Leipzig' } };
    const remote = { ...base, address: { ...base.address, city: 'Dresden' } };
    const merged = mergeRecord('case', base, local, remote).record;
    const [conflict] = conflictsOf(merged);
    expect(conflict).toMatchObject({ kind: 'review', path: 'address.city' });
    const taken = resolveConflict(merged, conflict!, 'kept');
    expect(taken.address).toEqual({ street: 'Lindenstraße 5', city: 'Leipzig' });
  });

  it('edit after delete: kept alive and flagged; deleting after all sets the tombstone', () => {
    const local = { ...base, phone: '0151 2' };
    const remote = { ...base, deleted: true };
    const merged = mergeRecord('person', base, local, remote).record;
    expect(merged.deleted).toBe(false);
    const [conflict] = conflictsOf(merged);
    expect(conflict).toMatchObject({ kind: 'edit-after-delete' });
    expect(resolveConflict(merged, conflict!, 'shown')).toMatchObject({
      deleted: false,
      phone: '0151 2',
    });
    expect(resolveConflict(merged, conflict!, 'kept').deleted).toBe(true);
  });

  it('a key with dots (a draft value keyed by the PDF field name) is set whole', () => {
    const draft = { ...base, values: { 'form1[0].Name[0]': 'Haidari', 'form1[0].Ort[0]': 'A' } };
    const local = { ...draft, values: { ...draft.values, 'form1[0].Name[0]': 'Haydari' } };
    const remote = { ...draft, values: { ...draft.values, 'form1[0].Name[0]': 'Heidari' } };
    const merged = mergeRecord('draft', draft, local, remote).record;
    const [conflict] = conflictsOf(merged);
    expect(conflict).toMatchObject({ path: 'values.form1[0].Name[0]', shown: 'Heidari' });
    expect(conflictSegments(merged, conflict!.path)).toEqual(['values', 'form1[0].Name[0]']);
    expect(resolveConflict(merged, conflict!, 'kept').values).toEqual({
      'form1[0].Name[0]': 'Haydari',
      'form1[0].Ort[0]': 'A',
    });
  });

  it('a value removed on the other side: the key goes, even when it is not there yet', () => {
    const draft = { ...base, values: { 'a.b': 'x', 'c.d': 'y' } };
    const local = { ...draft, values: { 'a.b': 'changed', 'c.d': 'y' } };
    const remote = { ...draft, values: { 'c.d': 'y' } };
    const merged = mergeRecord('draft', draft, local, remote).record;
    const [conflict] = conflictsOf(merged);
    expect(merged.values).toEqual({ 'c.d': 'y' });
    expect(conflictSegments(merged, conflict!.path)).toEqual(['values', 'a.b']);
    expect(resolveConflict(merged, conflict!, 'kept').values).toEqual({
      'a.b': 'changed',
      'c.d': 'y',
    });
    const removed = resolveConflict(
      { ...merged, values: { 'a.b': 'z', 'c.d': 'y' } },
      conflict!,
      'shown',
    );
    expect(removed.values).toEqual({ 'c.d': 'y' });
  });

  it('shows values in words', () => {
    expect(conflictValueText('')).toBe('–');
    expect(conflictValueText({ street: 'A 1', city: 'B' })).toBe('A 1, B');
    expect(conflictValueText(['de', 'ar'])).toBe('de, ar');
  });
});
