import { describe, expect, it } from 'vitest';
import type { SyncRecord } from '../../../src/sync/local-store';
import { conflictsOf, mergeRecord } from '../../../src/sync/merge';

const base: SyncRecord = {
  id: 'p1',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  deleted: false,
  familyName: 'Haidari',
  givenNames: 'Amina',
  dateOfBirth: '1990',
  phone: '0151 0',
  email: '',
  bamfFileNumber: '',
  address: { street: 'Hauptstr. 1', postalCode: '10115', city: 'Berlin' },
  residence: { document: 'duldung', paragraph: '', documentNumber: 'D1', expiresOn: '' },
  languages: ['fa', 'ps'],
};
const edit = (changes: Partial<SyncRecord>): SyncRecord => ({ ...base, ...changes });

describe('three-way merge', () => {
  // [description, local changes, remote changes, expected fields, expected conflicts]
  const table: [
    string,
    Partial<SyncRecord>,
    Partial<SyncRecord>,
    Partial<SyncRecord>,
    unknown[],
  ][] = [
    ['only local changed', { phone: 'L' }, {}, { phone: 'L' }, []],
    ['only remote changed', {}, { phone: 'R' }, { phone: 'R' }, []],
    ['both to the same value', { phone: 'X' }, { phone: 'X' }, { phone: 'X' }, []],
    ['different fields', { phone: 'L' }, { email: 'r@x' }, { phone: 'L', email: 'r@x' }, []],
    [
      'same ordinary field: remote shown, local kept for review',
      { phone: 'L' },
      { phone: 'R' },
      { phone: 'R' },
      [{ path: 'phone', kind: 'review', shown: 'R', kept: 'L' }],
    ],
    [
      'a name: must choose',
      { familyName: 'Haydari' },
      { familyName: 'Heidari' },
      { familyName: 'Heidari' },
      [{ path: 'familyName', kind: 'must-choose', shown: 'Heidari', kept: 'Haydari' }],
    ],
    [
      'date of birth: must choose',
      { dateOfBirth: '1990-05' },
      { dateOfBirth: '1991' },
      { dateOfBirth: '1991' },
      [{ path: 'dateOfBirth', kind: 'must-choose', shown: '1991', kept: '1990-05' }],
    ],
    [
      'a document number: must choose',
      { bamfFileNumber: '111' },
      { bamfFileNumber: '222' },
      { bamfFileNumber: '222' },
      [{ path: 'bamfFileNumber', kind: 'must-choose', shown: '222', kept: '111' }],
    ],
    [
      'address: different sub-fields merge',
      { address: { street: 'Neue Str. 2', postalCode: '10115', city: 'Berlin' } },
      { address: { street: 'Hauptstr. 1', postalCode: '10117', city: 'Berlin' } },
      { address: { street: 'Neue Str. 2', postalCode: '10117', city: 'Berlin' } },
      [],
    ],
    [
      'address: same sub-field → review on that sub-field',
      { address: { street: 'A', postalCode: '10115', city: 'Berlin' } },
      { address: { street: 'B', postalCode: '10115', city: 'Berlin' } },
      { address: { street: 'B', postalCode: '10115', city: 'Berlin' } },
      [{ path: 'address.street', kind: 'review', shown: 'B', kept: 'A' }],
    ],
    [
      'residence: the whole object is one choice, even for different sub-fields',
      { residence: { document: 'duldung', paragraph: '', documentNumber: 'D2', expiresOn: '' } },
      {
        residence: {
          document: 'aufenthaltserlaubnis',
          paragraph: '§ 25 Abs. 2',
          documentNumber: 'D1',
          expiresOn: '',
        },
      },
      { residence: expectResidence('aufenthaltserlaubnis') },
      [{ path: 'residence', kind: 'must-choose' }],
    ],
    [
      'languages merge as a set',
      { languages: ['fa', 'ps', 'de'] },
      { languages: ['ps', 'ar'] },
      { languages: ['ps', 'de', 'ar'] },
      [],
    ],
  ];

  function expectResidence(document: string): unknown {
    return expect.objectContaining({ document });
  }

  it.each(table)('%s', (_name, localChanges, remoteChanges, fields, conflicts) => {
    const { record, conflicts: found } = mergeRecord(
      'person',
      base,
      edit(localChanges),
      edit(remoteChanges),
    );
    expect(record).toMatchObject(fields);
    expect(found).toEqual(conflicts.map((c) => expect.objectContaining(c)));
    expect(conflictsOf(record)).toEqual(found);
  });

  it('keeps fields it does not know, from either side', () => {
    const local = edit({ phone: 'L', pronouns: 'sie', futureNested: { a: 1, b: 2 } });
    const remote = edit({
      visaHistory: [{ id: 'v1', country: 'TR' }],
      futureNested: { a: 1, b: 3 },
    });
    const merged = mergeRecord('person', { ...base, futureNested: { a: 1, b: 2 } }, local, remote);
    expect(merged.record).toMatchObject({
      phone: 'L',
      pronouns: 'sie',
      visaHistory: [{ id: 'v1', country: 'TR' }],
      futureNested: { a: 1, b: 3 },
    });
    expect(merged.conflicts).toEqual([]);
  });

  it('merges a checklist item by item', () => {
    const item = (id: string, text: string, done = false) => ({ id, text, done });
    const start = {
      id: 'a1',
      deleted: false,
      bring: [item('1', 'Pass'), item('2', 'Mietvertrag')],
    };
    const local = { ...start, bring: [item('1', 'Pass', true), item('3', 'Foto')] }; // removed 2
    const remote = {
      ...start,
      bring: [item('1', 'Reisepass'), item('2', 'Mietvertrag'), item('4', 'Brief')],
    };
    const { record, conflicts } = mergeRecord('appointment', start, local, remote);
    expect(record.bring).toEqual([
      item('1', 'Reisepass', true),
      item('3', 'Foto'),
      item('4', 'Brief'),
    ]);
    expect(conflicts).toEqual([]);
  });

  it('flags an edit made against a deleted record and keeps the edit', () => {
    const deleted = edit({ deleted: true });
    const edited = edit({ phone: 'new' });
    for (const [local, remote] of [
      [edited, deleted],
      [deleted, edited],
    ] as const) {
      const { record, conflicts } = mergeRecord('person', base, local, remote);
      expect(record.deleted).toBe(false);
      expect(record.phone).toBe('new');
      expect(conflicts).toEqual([expect.objectContaining({ kind: 'edit-after-delete' })]);
    }
  });

  it('a delete against an unchanged record stays a delete', () => {
    const { record, conflicts } = mergeRecord('person', base, edit({ deleted: true }), base);
    expect(record.deleted).toBe(true);
    expect(conflicts).toEqual([]);
  });

  it('without a common base (created on two devices), differing fields conflict', () => {
    const { record, conflicts } = mergeRecord(
      'person',
      null,
      edit({ phone: 'L' }),
      edit({ phone: 'R' }),
    );
    expect(record.phone).toBe('R');
    expect(conflicts).toEqual([expect.objectContaining({ path: 'phone', kept: 'L' })]);
  });

  it('carries conflict lists from both sides and lists a conflict once', () => {
    const first = mergeRecord('person', base, edit({ phone: 'L' }), edit({ phone: 'R' })).record;
    const again = mergeRecord('person', base, edit({ phone: 'L' }), first).record;
    expect(conflictsOf(again)).toHaveLength(1);
    const other = mergeRecord(
      'person',
      first,
      { ...first, email: 'l@x' },
      { ...first, email: 'r@x' },
    );
    expect(conflictsOf(other.record).map((c) => c.path)).toEqual(['phone', 'email']);
  });
});
