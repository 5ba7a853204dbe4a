import { describe, expect, it } from 'vitest';
import {
  compareBirthDates,
  findDuplicateCandidates,
  scorePair,
  type PersonLike,
} from '../../../src/sync/duplicates';
import { nameSkeletons } from '../../../src/sync/name-skeleton';

const p = (id: string, familyName: string, givenNames: string, dateOfBirth = '', extra = {}) =>
  ({ id, familyName, givenNames, dateOfBirth, ...extra }) satisfies PersonLike;

describe('name skeletons', () => {
  it.each([
    [['Mohammed', 'Muhammad', 'Mohamad', 'محمد']],
    [['Öztürk', 'Oeztuerk', 'Ozturk']],
    [['Fatima', 'Fatemeh', 'فاطمة']],
    [['Haidari', 'Heydari', 'حيدري']],
    [['Ahmad', 'Ahmed', 'أحمد']],
  ])('%j share one skeleton', (names) => {
    const keys = new Set(names.map((name) => nameSkeletons(name).join(' ')));
    expect(keys.size).toBe(1);
  });

  it('keeps different names apart', () => {
    expect(nameSkeletons('Mohammed')).not.toEqual(nameSkeletons('Ahmed'));
    expect(nameSkeletons('Öztürk')).not.toEqual(nameSkeletons('Özdemir'));
  });
});

describe('duplicate candidates', () => {
  it('offers Mohammed Öztürk and Muhammad Oeztuerk born the same day', () => {
    const pairs = findDuplicateCandidates([
      p('a', 'Öztürk', 'Mohammed', '1990-05-17'),
      p('b', 'Oeztuerk', 'Muhammad', '1990-05-17'),
      p('c', 'Schmidt', 'Anna', '1990-05-17'),
    ]);
    expect(pairs).toEqual([
      {
        a: 'a',
        b: 'b',
        score: 0.9,
        reasons: ['family-name-similar', 'given-names-similar', 'date-of-birth-same'],
      },
    ]);
  });

  it('matches a Latin name against the other record’s Arabic-script name', () => {
    const candidate = scorePair(
      p('a', 'Haidari', 'Mohamad', '1985'),
      p('b', '', '', '1985-03-02', { familyNameNative: 'حيدري', givenNamesNative: 'محمد' }),
    );
    expect(candidate).toMatchObject({
      reasons: expect.arrayContaining(['date-of-birth-compatible']),
    });
    expect(candidate?.score).toBeGreaterThanOrEqual(0.6);
  });

  it('same names are "same", and a typo is still similar', () => {
    expect(
      scorePair(p('a', 'Haidari', 'Amina', '2001'), p('b', 'haidari', 'Amina', '2001')),
    ).toMatchObject({
      score: 1,
      reasons: ['family-name-same', 'given-names-same', 'date-of-birth-same'],
    });
    expect(
      scorePair(p('a', 'Khaled', 'Omar', '1979'), p('b', 'Chalid', 'Umar', '1979')),
    ).toMatchObject({
      reasons: ['family-name-similar', 'given-names-similar', 'date-of-birth-same'],
    });
  });

  it('needs more than similar names when the date of birth is unknown', () => {
    expect(scorePair(p('a', 'Khaled', 'Omar'), p('b', 'Chalid', 'Umar'))).toBeNull();
    expect(scorePair(p('a', 'Khaled', 'Omar'), p('b', 'Khaled', 'Omar'))).toMatchObject({
      score: 0.6,
    });
  });

  it('never pairs persons whose dates of birth contradict, or whose given names differ', () => {
    expect(
      scorePair(p('a', 'Öztürk', 'Mohammed', '1990-05-17'), p('b', 'Ozturk', 'Mohammed', '1991')),
    ).toBeNull();
    expect(
      scorePair(p('a', 'Öztürk', 'Mohammed', '1990'), p('b', 'Öztürk', 'Ayşe', '1990')),
    ).toBeNull();
  });

  it('compares partial dates of birth', () => {
    expect(compareBirthDates('1990', '1990-05-17')).toBe('compatible');
    expect(compareBirthDates('1990-05', '1990-06-01')).toBe('different');
    expect(compareBirthDates('', '1990')).toBe('unknown');
  });

  it('compares fresh persons against the book, skips deleted ones, lists each pair once', () => {
    const book = [
      p('a', 'Haidari', 'Amina', '2001'),
      p('b', 'Heydari', 'Amina', '2001'),
      p('d', 'Haidari', 'Amina', '2001', { deleted: true }),
    ];
    const fresh = [book[1]!, p('e', 'Haydari', 'Aminah', '2001')];
    const pairs = findDuplicateCandidates(book, fresh);
    expect(pairs.map((pair) => [pair.a, pair.b].sort().join('-')).sort()).toEqual([
      'a-b',
      'a-e',
      'b-e',
    ]);
  });
});
