// Two persons who look like the same person (created offline on two phones) are offered
// for merging on the case detail — never merged automatically: "Keep both" marks the pair
// on both persons (synced data); "Merge" keeps one record and deletes the other. A write that
// fails (a full disk) is explained, here and in "needs review".
import { expect, test, type Page } from '@playwright/test';
import { emptyCase, emptyPerson } from '../../src/domain/defaults';
import type { Case, Person } from '../../src/domain/types';
import { text } from './pages/lotse-app';
import { expectNoAxeViolations } from './support/axe';
import { freezeClock, seed } from './support/seed';

const caseId = '019aa000-0000-7000-8000-0000000000d1';
const at = '2026-11-01T08:00:00.000Z';
const household: Case = {
  ...emptyCase(),
  id: caseId,
  createdAt: at,
  updatedAt: at,
  deleted: false,
  label: 'Familie Haidari',
};
const person = (id: string, givenNames: string, extra: Partial<Person> = {}): Person => ({
  ...emptyPerson(caseId),
  id,
  createdAt: at,
  updatedAt: at,
  deleted: false,
  familyName: 'Haidari',
  givenNames,
  dateOfBirth: '1990',
  ...extra,
});
const persons = [
  person('019aa000-0000-7000-8000-0000000000d2', 'Mohammed', { nationality: 'AF' }),
  person('019aa000-0000-7000-8000-0000000000d3', 'Muhammad', { phone: '+49 170 1234567' }),
];
const caseUrl = `/#/cases/${caseId}`;
const t = text.sync.duplicates;

test.use({ serviceWorkers: 'block' });

async function openCase(page: Page) {
  await freezeClock(page);
  await seed(page, { cases: [household], persons, appointments: [], notes: [] }, caseUrl);
  await expect(page.getByRole('heading', { name: t.title })).toBeVisible();
}

const householdList = (page: Page) =>
  page.locator('section', { has: page.getByRole('heading', { name: text.caseDetail.household }) });

/** Every record of one of Lotse's IndexedDB stores, read without the app. */
async function readStore<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const request = indexedDB.open('lotse');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const all = db.transaction(name, 'readonly').objectStore(name).getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as T[]);
          };
          all.onerror = () => reject(all.error);
        };
      }),
    store,
  );
}

/** Makes every IndexedDB put fail as on a full disk (or only the put of a tombstone), until
 * `setDiskFull(page, false)`. */
async function setDiskFull(page: Page, isFull: boolean | 'tombstones') {
  await page.evaluate((full) => {
    const flag = globalThis as unknown as {
      isDiskFull?: boolean | 'tombstones';
      isPatched?: boolean;
    };
    if (!flag.isPatched) {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (...args: Parameters<IDBObjectStore['put']>) {
        const value = args[0] as { deleted?: unknown } | null;
        if (flag.isDiskFull === true || (flag.isDiskFull && value?.deleted === true)) {
          throw new DOMException('disk full', 'QuotaExceededError');
        }
        return put.apply(this, args);
      };
      flag.isPatched = true;
    }
    flag.isDiskFull = full;
  }, isFull);
}

test('the offer passes axe', async ({ page }) => {
  await openCase(page);
  await expectNoAxeViolations(page, 'case detail with a duplicate offer');
  await page.getByRole('button', { name: t.merge, exact: true }).click();
  await expect(page.getByRole('group', { name: t.whichToKeep })).toBeVisible();
  await expectNoAxeViolations(page, 'case detail with the merge choice');
});

test('keep both: the pair is not offered again, also after a reload', async ({ page }) => {
  await openCase(page);
  await page.getByRole('button', { name: t.keepBoth }).click();
  await expect(page.getByRole('heading', { name: t.title })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: text.caseDetail.household })).toBeVisible();
  await expect(page.getByRole('heading', { name: t.title })).toHaveCount(0);
  await expect(householdList(page).getByRole('listitem')).toHaveCount(2);

  // Team data: each person names the other, and both changes wait in the outbox to sync.
  const stored = await readStore<Person>(page, 'persons');
  expect(stored.map((p) => [p.id, p.notDuplicateOf])).toEqual([
    [persons[0]!.id, [persons[1]!.id]],
    [persons[1]!.id, [persons[0]!.id]],
  ]);
  const outbox = await readStore<{ kind: string; recordId: string }>(page, 'outbox');
  expect(outbox.map((e) => `${e.kind}/${e.recordId}`).sort()).toEqual(
    persons.map((p) => `person/${p.id}`),
  );
});

test('a pair kept apart on this device before it synced stays apart, now on the persons', async ({
  page,
}) => {
  await freezeClock(page);
  await seed(page, { cases: [household], persons, appointments: [], notes: [] });
  await page.evaluate(
    (pair) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('lotse');
        request.onsuccess = () => {
          const tx = request.result.transaction('settings', 'readwrite');
          tx.objectStore('settings').put({ key: 'duplicates-dismissed', value: [pair] });
          tx.oncomplete = () => {
            request.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [persons[0]!.id, persons[1]!.id],
  );
  await page.goto(caseUrl);
  await expect(page.getByRole('heading', { name: text.caseDetail.household })).toBeVisible();
  await expect(page.getByRole('heading', { name: t.title })).toHaveCount(0);
  await expect
    .poll(async () => (await readStore<Person>(page, 'persons')).map((p) => p.notDuplicateOf))
    .toEqual([[persons[1]!.id], [persons[0]!.id]]);
  expect(await readStore(page, 'settings')).not.toContainEqual(
    expect.objectContaining({ key: 'duplicates-dismissed' }),
  );
});

test('keep both and merge that cannot be saved are explained, and nothing changes', async ({
  page,
}) => {
  await openCase(page);
  await setDiskFull(page, true);
  await page.getByRole('button', { name: t.keepBoth }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(t.keepBothFailed);
  await expect(alert).toContainText(text.errors['quota-exceeded']);

  await page.getByRole('button', { name: t.merge, exact: true }).click();
  await page.getByRole('button', { name: t.mergeNow }).click();
  await expect(alert).toContainText(t.mergeFailed);
  await expect(alert).toContainText(text.errors['quota-exceeded']);
  await expect(page.getByRole('button', { name: t.mergeNow })).toBeVisible();

  await setDiskFull(page, false);
  await page.reload();
  await expect(page.getByRole('heading', { name: t.title })).toBeVisible();
  await expect(householdList(page).getByRole('listitem')).toHaveCount(2);
  const stored = await readStore<Person>(page, 'persons');
  expect(stored.map((p) => [p.deleted, p.notDuplicateOf, p.updatedAt])).toEqual([
    [false, undefined, at],
    [false, undefined, at],
  ]);
});

test('a conflict choice that cannot be saved is explained and stays open', async ({ page }) => {
  const conflicted = {
    ...person('019aa000-0000-7000-8000-0000000000d4', 'Zahra', { dateOfBirth: '1985' }),
    syncConflicts: [
      { id: 'phone="0151 1"', path: 'phone', kind: 'review', shown: '0151 2', kept: '0151 1' },
    ],
  };
  await freezeClock(page);
  await seed(
    page,
    { cases: [household], persons: [conflicted], appointments: [], notes: [] },
    caseUrl,
  );
  const review = page.getByTestId('needs-review');
  await expect(review).toBeVisible();
  await setDiskFull(page, true);
  const take = text.sync.conflicts.take.replace('{{value}}', '0151 1');
  await review.getByRole('button', { name: take }).click();
  await expect(page.getByRole('alert')).toContainText(text.sync.conflicts.saveFailed);
  await expect(page.getByRole('alert')).toContainText(text.errors['quota-exceeded']);

  await setDiskFull(page, false);
  await review.getByRole('button', { name: take }).click();
  await expect(review).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('"delete after all" saves the choice and the deletion together, or neither', async ({
  page,
}) => {
  const edited = {
    ...person('019aa000-0000-7000-8000-0000000000d5', 'Zahra', { dateOfBirth: '1985' }),
    syncConflicts: [
      { id: 'deleted=true', path: 'deleted', kind: 'edit-after-delete', shown: false, kept: true },
    ],
  };
  await freezeClock(page);
  await seed(page, { cases: [household], persons: [edited], appointments: [], notes: [] }, caseUrl);
  const review = page.getByTestId('needs-review');
  await expect(review).toBeVisible();
  // Only the tombstone cannot be written: the choice must not be saved without it.
  await setDiskFull(page, 'tombstones');
  await review.getByRole('button', { name: text.sync.conflicts.deleteRecord }).click();
  await expect(page.getByRole('alert')).toContainText(text.sync.conflicts.saveFailed);
  expect(await readStore<Person>(page, 'persons')).toEqual([edited]);
  expect(await readStore(page, 'outbox')).toEqual([]);

  await setDiskFull(page, false);
  await review.getByRole('button', { name: text.sync.conflicts.deleteRecord }).click();
  await expect(review).toHaveCount(0);
  await expect(householdList(page).getByRole('listitem')).toHaveCount(0);
  const [stored] = await readStore<Person>(page, 'persons');
  expect(stored).toMatchObject({ deleted: true, syncConflicts: [] });
  const outbox = await readStore<{ recordId: string; op: string }>(page, 'outbox');
  expect(outbox.map((e) => [e.recordId, e.op])).toEqual([[edited.id, 'delete']]);
});

test('merge: one person is left, with the facts of both', async ({ page }) => {
  await openCase(page);
  await page.getByRole('button', { name: t.merge, exact: true }).click();
  const givenNames = page.getByRole('group', { name: text.person.givenNames });
  await givenNames.getByLabel('Muhammad').check();
  await page.getByRole('button', { name: t.mergeNow }).click();
  await expect(page.getByRole('heading', { name: t.title })).toHaveCount(0);
  await page.reload();
  const list = householdList(page);
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByText('Haidari, Muhammad')).toBeVisible();
  await list.getByRole('listitem').getByRole('link').click();
  await expect(page.getByLabel(text.person.phone)).toHaveValue('+49 170 1234567');
});
