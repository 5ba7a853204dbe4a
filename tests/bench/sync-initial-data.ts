// The data of the initial-sync comparison (sync-initial.ts for Lotse, sync-initial-peer.ts for
// PouchDB): 10,000 cases with exactly 3 persons each — 40,000 records as Lotse stores them (a
// person is its own record, edited and synced on its own). Realistic names, addresses and
// document numbers from the case-book generator of the UI benchmark (seed-data.ts), with a
// fixed seed and date so both sides sync byte-for-byte the same plaintext.
import type { Case, Person } from '../../src/domain/types';
import { generateSeedData } from './seed-data';

export const INITIAL_CASES = 10_000;
export const PERSONS_PER_CASE = 3;

export type InitialBook = { cases: Case[]; persons: Person[] };

export function initialSyncBook(cases = INITIAL_CASES): InitialBook {
  const data = generateSeedData(
    { cases, persons: cases * PERSONS_PER_CASE, appointments: 0 },
    { seed: 4_2026, today: new Date('2026-11-01T12:00:00Z') },
  );
  // The generator spreads household sizes; the benchmark wants exactly three per case.
  const persons = data.persons.map((person, index) => {
    const owner = data.cases[Math.floor(index / PERSONS_PER_CASE)];
    if (!owner) throw new Error('fewer cases than expected');
    return { ...person, caseId: owner.id };
  });
  return { cases: data.cases, persons };
}

/** Plaintext bytes of the book as JSON records (for the report). */
export function plaintextBytes(book: InitialBook): number {
  let total = 0;
  for (const record of [...book.cases, ...book.persons]) total += JSON.stringify(record).length;
  return total;
}
