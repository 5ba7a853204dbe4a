// Searching the case list across scripts and spellings, and its status / expiry filters.
// All data is entered through the UI.
import { expect, test, type Page } from '@playwright/test';
import { LotseApp, text, type PersonInput } from './pages/lotse-app';
import { freezeClock } from './support/seed';

// No service worker: its notice is irrelevant here and only costs time.
test.use({ serviceWorkers: 'block' });

const countText = (n: number) =>
  (n === 1 ? text.cases.count_one : text.cases.count_other).replace('{{formatted}}', String(n));

async function addCase(page: Page, app: LotseApp, label: string, person: PersonInput) {
  await page.getByRole('link', { name: text.nav.cases }).click();
  await app.createCase(label);
  await app.addPerson(person);
  await expect(page.getByRole('region', { name: text.caseDetail.household })).toContainText(
    `${person.familyName}, ${person.givenNames}`,
  );
}

test('search finds names regardless of accents, case and script; filters narrow the list', async ({
  page,
}) => {
  // 20 November 2026: a document valid until 15 December expires within 60 days.
  await freezeClock(page);
  const app = new LotseApp(page);
  await app.open('/');

  // Müller: a residence document (Duldung) that expires in 25 days.
  await app.createCase('Akte 101');
  await page.getByRole('link', { name: text.caseDetail.addPerson }).click();
  await app.field(text.person.familyName).fill('Müller');
  await app.field(text.person.givenNames).fill('Hans');
  await app
    .field(text.person.residenceDocument)
    .selectOption({ label: text.options.residence.duldung });
  await app.field(text.person.expiresOn).fill('2026-12-15');
  await app.waitForSaved();
  await page.getByRole('link', { name: text.common.done }).click();
  await expect(page.getByRole('region', { name: text.caseDetail.expiringDocs })).toContainText(
    'Müller, Hans',
  );

  // Öztürk: a document valid for much longer, so not "expiring".
  await addCase(page, app, 'Akte 102', {
    familyName: 'Öztürk',
    givenNames: 'Ayşe',
    expiresOn: '2027-06-30',
  });
  await addCase(page, app, 'Akte 103', {
    familyName: 'Shevchenko',
    givenNames: 'Olena',
    familyNameNative: 'Шевченко',
  });
  await addCase(page, app, 'Akte 104', {
    familyName: 'Mohammad',
    givenNames: 'Ahmad',
    familyNameNative: 'محمد',
  });

  await page.getByRole('link', { name: text.nav.cases }).click();
  const rows = app.caseRows();
  const summary = page.locator('.list-summary');
  await expect(rows).toHaveCount(4);
  await expect(summary).toHaveText(countText(4));

  const searches: [query: string, label: string, name: string][] = [
    ['muller', 'Akte 101', 'Müller, Hans'],
    ['ozturk', 'Akte 102', 'Öztürk, Ayşe'],
    ['OZTÜRK', 'Akte 102', 'Öztürk, Ayşe'],
    ['шевч', 'Akte 103', 'Shevchenko, Olena'],
    ['محمد', 'Akte 104', 'Mohammad, Ahmad'],
  ];
  for (const [query, label, name] of searches) {
    await app.search(query);
    await expect(rows, `search "${query}"`).toHaveCount(1);
    await expect(rows.first()).toContainText(label);
    await expect(rows.first()).toContainText(name);
    await expect(summary).toHaveText(countText(1));
  }

  await app.search('qxzvw');
  await expect(rows).toHaveCount(0);
  await expect(page.getByText(text.cases.noResults)).toBeVisible();
  await expect(summary).toHaveText(countText(0));

  await app.search('');
  await expect(rows).toHaveCount(4);
  await expect(page.getByText(text.cases.noResults)).toHaveCount(0);

  // Close Akte 102 through its edit screen.
  await rows.filter({ hasText: 'Akte 102' }).getByRole('link').click();
  await page.getByRole('link', { name: text.common.edit }).click();
  await app.field(text.caseForm.status).selectOption({ label: text.options.caseStatus.closed });
  await app.waitForSaved();
  await page.getByRole('link', { name: text.common.done }).click();
  await expect(page.locator('.case-facts')).toContainText(text.options.caseStatus.closed);
  await page.getByRole('link', { name: text.nav.cases }).click();

  const filters = page.getByRole('group', { name: text.cases.filters.label });
  const filter = (name: string) => filters.getByRole('button', { name, exact: true });

  // "Offen" is the default: the closed case is gone.
  await expect(filter(text.cases.filters.open)).toHaveAttribute('aria-pressed', 'true');
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: 'Akte 102' })).toHaveCount(0);

  await filter(text.cases.filters.closed).click();
  await expect(filter(text.cases.filters.closed)).toHaveAttribute('aria-pressed', 'true');
  await expect(filter(text.cases.filters.open)).toHaveAttribute('aria-pressed', 'false');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Akte 102');
  await expect(rows.first()).toContainText(text.options.caseStatus.closed);

  await filter(text.cases.filters.all).click();
  await expect(rows).toHaveCount(4);

  await filter(text.cases.filters.expiring).click();
  await expect(filter(text.cases.filters.expiring)).toHaveAttribute('aria-pressed', 'true');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Akte 101');
  await expect(rows.first()).toContainText(text.cases.expiringBadge_one.replace('{{count}}', '1'));

  // Filters and search combine.
  await app.search('ozturk');
  await expect(rows).toHaveCount(0);
  await expect(page.getByText(text.cases.noResults)).toBeVisible();
  await app.search('muller');
  await expect(rows).toHaveCount(1);
  await filter(text.cases.filters.expiring).click();
  await filter(text.cases.filters.closed).click();
  await app.search('');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Akte 102');
});
