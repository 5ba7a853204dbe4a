// Two persons who look like the same person (created offline on two phones) are offered
// for merging on the case detail — never merged automatically: "Keep both" remembers the
// pair across reloads; "Merge" keeps one record and deletes the other.
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
