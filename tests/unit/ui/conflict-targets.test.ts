// What a sync conflict outside the case book is about (a draft's form field, a pack's
// mappings or settings) and where the team screen links a record with conflicts to.
import { describe, expect, it } from 'vitest';
import type { ConflictedRecord } from '../../../src/db/conflict-records';
import { conflictsOf, mergeRecord } from '../../../src/sync/merge';
import { draftConflictTarget } from '../../../src/ui/screens/forms/draft-conflicts';
import { changedKeys, packConflictTarget } from '../../../src/ui/screens/packs/pack-conflicts';
import { conflictLinks } from '../../../src/ui/screens/team/conflict-links';

const stamps = {
  id: 'r1',
  createdAt: '2026-11-22T10:00:00.000Z',
  updatedAt: '2026-11-22T10:00:00.000Z',
  deleted: false,
};

function merged(kind: string, base: object, local: object, remote: object) {
  const b = { ...stamps, ...base };
  const record = mergeRecord(kind, b, { ...b, ...local }, { ...b, ...remote }).record;
  return { record, conflicts: conflictsOf(record) };
}

describe('a draft conflict', () => {
  it('names the form field by its key, dots and all, and the draft settings', () => {
    const base = { values: { 'f.Name[0]': 'a' }, fromCase: { 'f.Name[0]': 'a' }, office: '' };
    const { record, conflicts } = merged(
      'draft',
      base,
      { values: { 'f.Name[0]': 'b' }, fromCase: { 'f.Name[0]': 'b' }, office: 'Jobcenter' },
      { values: { 'f.Name[0]': 'c' }, fromCase: { 'f.Name[0]': 'c' }, office: 'Bürgeramt' },
    );
    expect(conflicts.map((c) => draftConflictTarget(record, c.path))).toEqual([
      { field: 'f.Name[0]', part: 'values' },
      { field: 'f.Name[0]', part: 'fromCase' },
      { setting: 'office' },
    ]);
    expect(draftConflictTarget(record, 'packId')).toEqual({ other: 'packId' });
  });
});

describe('a pack conflict', () => {
  const pack = {
    title: { de: 'T', en: 'T' },
    mappings: [
      { key: 'A', kind: 'fixed', value: 'x' },
      { key: 'B', kind: 'fixed', value: 'y' },
    ],
  };

  it('names the fields whose mapping differs between both lists', () => {
    const { record, conflicts } = merged(
      'pack',
      { pack },
      { pack: { ...pack, mappings: [pack.mappings[0], { key: 'B', kind: 'fixed', value: 'z' }] } },
      { pack: { ...pack, mappings: [pack.mappings[0], { key: 'C', kind: 'fixed', value: 'w' }] } },
    );
    expect(conflicts).toHaveLength(1);
    expect(packConflictTarget(record, conflicts[0]!)).toEqual({
      list: 'mappings',
      keys: ['C', 'B'], // the shown (remote) list's order first
    });
  });

  it('names a title, and keeps other paths as they are', () => {
    const { record, conflicts } = merged(
      'pack',
      { pack },
      { pack: { ...pack, title: { de: 'A', en: 'T' } } },
      { pack: { ...pack, title: { de: 'B', en: 'T' } } },
    );
    expect(packConflictTarget(record, conflicts[0]!)).toEqual({ setting: 'titleDe' });
    expect(changedKeys([{ key: 'A' }], [{ key: 'A' }])).toEqual([]);
  });
});

describe('links to records with conflicts', () => {
  const conflict = { id: 'x', path: 'p', kind: 'review' as const, shown: 1, kept: 2 };
  const record = (patch: Partial<ConflictedRecord>): ConflictedRecord => ({
    kind: 'case',
    id: 'c1',
    conflicts: [conflict],
    name: '',
    ...patch,
  });

  it('leads each record to the screen that resolves it', () => {
    const links = conflictLinks([
      record({ kind: 'case', id: 'c1', name: 'Familie A' }),
      record({ kind: 'person', id: 'p1', caseId: 'c1', caseLabel: 'Familie A' }),
      record({ kind: 'draft', id: 'd1', caseId: 'c1', formId: 'f1', formName: 'antrag.pdf' }),
      record({ kind: 'pack', id: 'k1', formId: 'f1' }),
      record({ kind: 'pack', id: 'k2' }),
      record({
        kind: 'form',
        id: 'f1',
        conflicts: [conflict, { ...conflict, id: 'y', kind: 'must-choose' }],
      }),
    ]);
    expect(links.map((l) => l.href)).toEqual([
      '#/cases/c1',
      '#/cases/c1',
      '#/cases/c1/drafts/d1',
      '#/forms/f1/pack',
      '#/forms',
      '#/forms',
    ]);
    expect(links[1]).toMatchObject({ caseLabel: 'Familie A', count: 1, mustChoose: false });
    expect(links[2]?.name).toBe('antrag.pdf');
    expect(links[5]).toMatchObject({ count: 2, mustChoose: true });
  });
});
