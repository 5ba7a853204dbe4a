// Persons who look like the same person (two phones created them offline), offered to
// the volunteer for merging. Never merges anything itself.
//
// Score = name evidence + date-of-birth evidence. A date of birth that contradicts
// (1990-05-17 vs 1991) rules a pair out; a partial date that fits the other (1990 vs
// 1990-05-17) counts less than an equal one. Names compare by transliteration-tolerant
// skeletons (name-skeleton.ts), Latin and native-script fields together, so "Muhammad"
// in one record matches "محمد" in the other.
import { normalizeForSearch } from '../domain/search';
import { editDistance, nameSkeletons } from './name-skeleton';

export type PersonLike = {
  id: string;
  deleted?: boolean;
  familyName?: string;
  givenNames?: string;
  familyNameNative?: string;
  givenNamesNative?: string;
  birthName?: string;
  dateOfBirth?: string;
};

export type DuplicateReason =
  | 'family-name-same'
  | 'family-name-similar'
  | 'given-names-same'
  | 'given-names-similar'
  | 'date-of-birth-same'
  | 'date-of-birth-compatible';

export type DuplicateCandidate = {
  a: string;
  b: string;
  /** 0 … 1. */
  score: number;
  reasons: DuplicateReason[];
};

export const DUPLICATE_THRESHOLD = 0.6;

type NameMatch = 'same' | 'similar' | null;

const plain = (...names: (string | undefined)[]): Set<string> =>
  new Set(names.map((name) => normalizeForSearch(name ?? '')).filter((name) => name !== ''));

/** Per word, and the whole name as one word ("Abdulrahman" = "عبد الرحمن"). */
const skeletons = (...names: (string | undefined)[]): string[] =>
  names.flatMap((name) => {
    const words = nameSkeletons(name ?? '');
    return words.length > 1 ? [...words, words.join('')] : words;
  });

function compareNames(a: (string | undefined)[], b: (string | undefined)[]): NameMatch {
  const plainA = plain(...a);
  if ([...plain(...b)].some((name) => plainA.has(name))) return 'same';
  const [skA, skB] = [skeletons(...a), skeletons(...b)];
  for (const x of skA) {
    for (const y of skB) {
      if (x === y && x.length >= 2) return 'similar';
      if (Math.min(x.length, y.length) >= 3 && editDistance(x, y, 1) <= 1) return 'similar';
    }
  }
  return null;
}

/** 'same', 'compatible' (one is a partial date the other fits), 'unknown' or 'different'. */
export function compareBirthDates(
  a: string | undefined,
  b: string | undefined,
): 'same' | 'compatible' | 'unknown' | 'different' {
  if (!a || !b) return 'unknown';
  if (a === b) return 'same';
  return a.startsWith(b) || b.startsWith(a) ? 'compatible' : 'different';
}

export function scorePair(a: PersonLike, b: PersonLike): DuplicateCandidate | null {
  const dob = compareBirthDates(a.dateOfBirth, b.dateOfBirth);
  if (dob === 'different') return null;
  const family = compareNames(
    [a.familyName, a.familyNameNative, a.birthName],
    [b.familyName, b.familyNameNative, b.birthName],
  );
  const given = compareNames(
    [a.givenNames, a.givenNamesNative],
    [b.givenNames, b.givenNamesNative],
  );
  if (!family || !given) return null;
  const reasons: DuplicateReason[] = [
    family === 'same' ? 'family-name-same' : 'family-name-similar',
    given === 'same' ? 'given-names-same' : 'given-names-similar',
  ];
  let score = (family === 'same' ? 0.3 : 0.25) + (given === 'same' ? 0.3 : 0.25);
  if (dob === 'same') {
    score += 0.4;
    reasons.push('date-of-birth-same');
  } else if (dob === 'compatible') {
    score += 0.25;
    reasons.push('date-of-birth-compatible');
  }
  score = Math.round(Math.min(score, 1) * 100) / 100;
  return score >= DUPLICATE_THRESHOLD ? { a: a.id, b: b.id, score, reasons } : null;
}

/**
 * Candidate pairs among `persons` (or between `fresh` and `persons` when given — e.g. the
 * persons a pull just brought, against the whole book), best first. O(n·m).
 */
export function findDuplicateCandidates(
  persons: readonly PersonLike[],
  fresh?: readonly PersonLike[],
): DuplicateCandidate[] {
  const living = persons.filter((person) => person.deleted !== true);
  const seen = new Set<string>();
  const out: DuplicateCandidate[] = [];
  for (const [i, a] of (fresh ?? living).entries()) {
    if (a.deleted === true) continue;
    const others = fresh ? living : living.slice(i + 1);
    for (const b of others) {
      if (a.id === b.id) continue;
      const pairKey = a.id < b.id ? `${a.id}|${b.id}` : `${b.id}|${a.id}`;
      if (seen.has(pairKey)) continue;
      seen.add(pairKey);
      const candidate = scorePair(a, b);
      if (candidate) out.push(candidate);
    }
  }
  return out.sort((x, y) => y.score - x.score || x.a.localeCompare(y.a));
}
