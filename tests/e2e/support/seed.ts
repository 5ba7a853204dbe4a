// Fixed test data for browser tests that need a full case book without clicking it
// together: written straight into Lotse's IndexedDB, then the page is reloaded.
// The records are built from the app's own types and defaults, so a change to the data
// model fails typecheck here instead of silently seeding stale shapes.
//
// Everything is relative to FIXED_NOW (Friday, 20 November 2026, 10:00 in Berlin);
// use `freezeClock(page)` before the first navigation so "today", ages and
// "expires in N days" are always the same.
import { expect, type Page } from '@playwright/test';
import { emptyAppointment, emptyCase, emptyNote, emptyPerson } from '../../../src/domain/defaults';
import type { Appointment, Case, Person, RecordBase, VisitNote } from '../../../src/domain/types';

export const FIXED_NOW = new Date('2026-11-20T10:00:00+01:00');

/** Freezes Date in the page (timers keep running). Call before the first navigation. */
export async function freezeClock(page: Page): Promise<void> {
  await page.clock.setFixedTime(FIXED_NOW);
}

export const ids = {
  haidari: '019aa000-0000-7000-8000-000000000001',
  shevchenko: '019aa000-0000-7000-8000-000000000002',
  zahra: '019aa000-0000-7000-8000-000000000011',
  ali: '019aa000-0000-7000-8000-000000000012',
  olena: '019aa000-0000-7000-8000-000000000013',
  overdue: '019aa000-0000-7000-8000-000000000021',
  today: '019aa000-0000-7000-8000-000000000022',
  past: '019aa000-0000-7000-8000-000000000023',
  thisWeek: '019aa000-0000-7000-8000-000000000024',
  later: '019aa000-0000-7000-8000-000000000025',
  note: '019aa000-0000-7000-8000-000000000031',
} as const;

const stamp = (minute: number, id: string): RecordBase => {
  const at = `2026-11-01T08:${String(minute).padStart(2, '0')}:00.000Z`;
  return { id, createdAt: at, updatedAt: at, deleted: false };
};

const haidari: Case = {
  ...emptyCase(),
  ...stamp(10, ids.haidari),
  label: 'Familie Haidari',
  address: { street: 'Hauptstraße 5', postalCode: '10115', city: 'Berlin' },
  bundesland: 'BE',
  phone: '+49 30 1234567',
  languages: ['fa', 'de'],
  interpreterNeeded: true,
  interpreterLanguage: 'fa',
  responsibleVolunteer: 'Anna Schmidt',
  notes: 'Wohnt im 3. Stock, Klingel defekt.',
};

const shevchenko: Case = {
  ...emptyCase(),
  ...stamp(5, ids.shevchenko),
  label: 'Familie Shevchenko',
  address: { street: 'Lindenweg 12', postalCode: '04109', city: 'Leipzig' },
  bundesland: 'SN',
  languages: ['uk'],
};

const zahra: Person = {
  ...emptyPerson(ids.haidari),
  ...stamp(11, ids.zahra),
  familyName: 'Haidari',
  givenNames: 'Zahra',
  familyNameNative: 'حیدری',
  givenNamesNative: 'زهرا',
  relationship: 'head',
  sex: 'female',
  dateOfBirth: '1990-03-12',
  placeOfBirth: 'Herat',
  countryOfBirth: 'AF',
  nationality: 'AF',
  residence: {
    document: 'aufenthaltserlaubnis',
    paragraph: '§ 25 Abs. 2 AufenthG',
    documentNumber: 'Y12345678',
    // 25 days after FIXED_NOW: listed under "documents that expire soon".
    expiresOn: '2026-12-15',
  },
  iban: 'DE89370400440532013000',
  phone: '+49 151 2345678',
  languages: ['fa'],
};

const ali: Person = {
  ...emptyPerson(ids.haidari),
  ...stamp(12, ids.ali),
  familyName: 'Haidari',
  givenNames: 'Ali',
  familyNameNative: 'حیدری',
  givenNamesNative: 'علی',
  relationship: 'child',
  sex: 'male',
  dateOfBirth: '2015-03',
  nationality: 'AF',
  residence: {
    document: 'aufenthaltserlaubnis',
    paragraph: '',
    documentNumber: '',
    expiresOn: '2027-08-01',
  },
};

const olena: Person = {
  ...emptyPerson(ids.shevchenko),
  ...stamp(6, ids.olena),
  familyName: 'Shevchenko',
  givenNames: 'Olena',
  familyNameNative: 'Шевченко',
  givenNamesNative: 'Олена',
  relationship: 'head',
  dateOfBirth: '1985',
  nationality: 'UA',
  residence: {
    document: 'temporary-protection-24',
    paragraph: '',
    documentNumber: '',
    expiresOn: '2027-03-04',
  },
};

const appointment = (
  id: string,
  caseId: string,
  startsAt: string,
  patch: Partial<Appointment>,
): Appointment => ({ ...emptyAppointment(caseId, startsAt), ...stamp(20, id), ...patch });

const appointments: Appointment[] = [
  // Yesterday, still planned: overdue.
  appointment(ids.overdue, ids.haidari, '2026-11-19T09:00', {
    authority: 'jobcenter',
    purpose: 'Weiterbewilligungsantrag abgeben',
  }),
  // Today, later than FIXED_NOW.
  appointment(ids.today, ids.haidari, '2026-11-20T14:00', {
    authority: 'auslaenderbehoerde',
    place: 'Zimmer 204',
    purpose: 'Verlängerung Aufenthaltserlaubnis',
    bring: [
      { id: 'bring-1', text: 'Reisepass', done: false },
      { id: 'bring-2', text: 'Biometrisches Foto', done: true },
    ],
    interpreterNeeded: true,
    accompaniedBy: 'Anna Schmidt',
  }),
  // Done earlier this month: a past appointment.
  appointment(ids.past, ids.haidari, '2026-11-02T10:00', {
    authority: 'buergeramt',
    purpose: 'Anmeldung',
    status: 'done',
    outcome: 'Meldebescheinigung erhalten.',
  }),
  // Saturday of the same week.
  appointment(ids.thisWeek, ids.shevchenko, '2026-11-21T09:30', {
    authority: 'school',
    purpose: 'Elternabend',
  }),
  appointment(ids.later, ids.shevchenko, '2026-12-03T10:00', {
    authority: 'familienkasse',
    purpose: 'Kindergeld',
  }),
];

const note: VisitNote = {
  ...emptyNote(ids.haidari, '2026-11-18', 'Anna Schmidt'),
  ...stamp(30, ids.note),
  text: 'Hausbesuch: Brief vom Jobcenter besprochen, Unterlagen für die Ausländerbehörde gesammelt.',
};

export type SeedData = {
  cases: Case[];
  persons: Person[];
  appointments: Appointment[];
  notes: VisitNote[];
};

/** Two households with persons, an expiring document, appointments in every agenda group and a note. */
export const caseBook: SeedData = {
  cases: [haidari, shevchenko],
  persons: [zahra, ali, olena],
  appointments,
  notes: [note],
};

/**
 * Opens the app once (so it creates its database), writes `data` into it and reloads,
 * ending on `path`.
 */
export async function seed(page: Page, data: SeedData = caseBook, path = '/'): Promise<void> {
  await page.goto('/');
  await expect(page.locator('main')).toBeVisible();
  await page.evaluate(async (records) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('lotse');
      request.onupgradeneeded = () => {
        request.transaction?.abort();
        reject(new Error('Lotse has not created its database yet'));
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const stores = ['cases', 'persons', 'appointments', 'notes'] as const;
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction([...stores], 'readwrite');
      for (const store of stores) {
        for (const record of records[store]) tx.objectStore(store).put(record);
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, data);
  await page.goto(path);
  await page.reload();
  await expect(page.locator('main')).toBeVisible();
}
