// The edition fingerprint: what enters it (name, type, options, maxLen) and what does not.
import { describe, expect, it } from 'vitest';
import { fingerprintFields } from '../../../src/pdf/fingerprint';
import type { PdfField } from '../../../src/pdf/types';

const field = (name: string, extra: Partial<PdfField> = {}): PdfField => ({
  name,
  key: name,
  type: 'text',
  label: null,
  page: 1,
  rect: { x: 0, y: 0, width: 100, height: 20 },
  maxLen: null,
  comb: false,
  options: [],
  onValue: null,
  readOnly: false,
  ...extra,
});

const fields = [
  field('Vorname'),
  field('Steuer-ID', { maxLen: 11 }),
  field('ja/nein', { type: 'radio', options: ['ja', 'nein'] }),
];

describe('fingerprintFields', () => {
  it('is a SHA-256 in hex and independent of field order', async () => {
    const forward = await fingerprintFields(fields);
    expect(forward).toMatch(/^[0-9a-f]{64}$/);
    expect(await fingerprintFields([...fields].reverse())).toBe(forward);
  });

  it('ignores where fields sit, their labels and flags', async () => {
    const moved = fields.map((f) => ({
      ...f,
      page: 2,
      rect: null,
      label: 'Hilfe',
      readOnly: true,
    }));
    expect(await fingerprintFields(moved)).toBe(await fingerprintFields(fields));
  });

  it.each([
    ['a renamed field', [field('Vorname2'), ...fields.slice(1)]],
    ['another maxLen', [fields[0]!, field('Steuer-ID', { maxLen: 12 }), fields[2]!]],
    [
      'another option',
      [...fields.slice(0, 2), field('ja/nein', { type: 'radio', options: ['ja'] })],
    ],
    ['another type', [field('Vorname', { type: 'multiline' }), ...fields.slice(1)]],
    ['one field more', [...fields, field('Extra')]],
  ])('changes with %s', async (_change, changed) => {
    expect(await fingerprintFields(changed)).not.toBe(await fingerprintFields(fields));
  });
});
