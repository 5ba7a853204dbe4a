// Sync conflicts outside the case page, in two browsers against the real server: both devices
// change the same field of the same form draft while offline; back online, the fill screen on
// both shows the choice (labelled with the form field's label), the team screen lists the draft
// under "needs attention" and links to it, and a choice made on one device clears the conflict
// on the other, with both back to "synced". The fill screen with its conflict and the team
// screen with its list pass axe. The same for a stored pack's title on the pack screen.
import { expect, test, type Browser, type Page } from '@playwright/test';
import de from '../../locales/de.json' with { type: 'json' };
import { FormsPage, formPath, slowExpect } from './pages/forms-page';
import { expectNoAxeViolations } from './support/axe';
import { openDevice } from './support/device';

const FILE = 'de_berlin_wohnungsgeberbestaetigung.pdf';
const FIELD = 'FamiliennameRow2';
const LABEL = 'Familienname';

async function device(browser: Browser, baseURL: string | undefined) {
  // No service worker: its "works offline now" notice would appear at a random moment.
  const phone = await openDevice(browser, baseURL, { serviceWorkers: 'block' });
  return { ...phone, forms: new FormsPage(phone.page) };
}

/** In-app navigation (no page load: the screen's chunk is already there when offline). */
async function go(page: Page, hash: string) {
  await page.evaluate((to) => {
    location.hash = to;
  }, hash);
}

const input = (forms: FormsPage) => forms.fieldBox(FIELD).locator('input');

test('a draft field changed on two devices offline is chosen on one and clears on both', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const a = await device(browser, baseURL);
  const b = await device(browser, baseURL);

  await a.team.createTeam();
  const link = await a.team.inviteLink();
  await a.app.open('/#/forms');
  await a.forms.importFile(formPath(FILE));
  await slowExpect(a.forms.libraryItems()).toHaveCount(1);
  await go(a.page, '#/');
  await a.app.createCase('Familie Konflikt');
  await a.forms.startDraft(FILE);
  const draft = new URL(a.page.url()).hash;
  await input(a.forms).fill('Haidari');
  await a.forms.waitForSaved();
  await expect(a.team.indicator()).toHaveAttribute('data-state', 'synced', { timeout: 30_000 });

  await b.team.join(link);
  await go(b.page, draft);
  await expect(input(b.forms)).toHaveValue('Haidari', { timeout: 30_000 });
  await expect(b.team.indicator()).toHaveAttribute('data-state', 'synced', { timeout: 30_000 });

  // Offline on both, the same field, different values; the fill screens stay open.
  await a.context.setOffline(true);
  await b.context.setOffline(true);
  await input(a.forms).fill('Haydari');
  await a.forms.waitForSaved();
  await input(b.forms).fill('Heidari');
  await b.forms.waitForSaved();
  await a.context.setOffline(false);
  await b.context.setOffline(false);

  // Both fill screens show the choice under the field's label, and the same stored value.
  for (const { page, forms } of [a, b]) {
    const conflicts = page.getByTestId('draft-conflicts');
    await expect(conflicts).toBeVisible({ timeout: 45_000 });
    await expect(conflicts).toContainText(LABEL);
    await expect(conflicts.getByRole('button', { name: /Haydari/ })).toBeVisible();
    await expect(conflicts.getByRole('button', { name: /Heidari/ })).toBeVisible();
    await expect(input(forms)).toHaveValue(/Haydari|Heidari/);
  }
  await expect(a.team.indicator()).toHaveAttribute('data-state', 'needs-attention', {
    timeout: 30_000,
  });
  await expectNoAxeViolations(a.page, 'fill screen with a sync conflict');

  // The team screen says what needs review and links to the draft.
  await go(a.page, '#/team');
  const listed = a.page.getByTestId('conflicted-records');
  await expect(listed).toBeVisible({ timeout: 15_000 });
  const toDraft = listed.getByRole('link', { name: new RegExp(de.sync.review.kind.draft) });
  await expect(toDraft).toContainText(FILE);
  await expect(toDraft).toContainText('Familie Konflikt');
  await expectNoAxeViolations(a.page, 'team screen listing what needs review');
  await toDraft.click();
  await expect(a.page).toHaveURL(new RegExp(`${draft}$`));

  // A takes B's value; the conflict goes on A at once, and on B once it has synced.
  await a.page
    .getByTestId('draft-conflicts')
    .getByRole('button', { name: /Heidari/ })
    .click();
  await expect(a.page.getByTestId('draft-conflicts')).toBeHidden();
  await expect(input(a.forms)).toHaveValue('Heidari');
  await expect(b.page.getByTestId('draft-conflicts')).toBeHidden({ timeout: 45_000 });
  await expect(input(b.forms)).toHaveValue('Heidari');
  for (const { team } of [a, b]) {
    await expect(team.indicator()).toHaveAttribute('data-state', 'synced', { timeout: 45_000 });
  }

  await a.context.close();
  await b.context.close();
});

test('a pack title changed on two devices offline is chosen on the pack screen', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const a = await device(browser, baseURL);
  const b = await device(browser, baseURL);
  const P = de.packs;

  await a.team.createTeam();
  const link = await a.team.inviteLink();
  await a.app.open('/#/forms');
  await a.forms.importFile(formPath(FILE));
  await slowExpect(a.forms.libraryItems()).toHaveCount(1);
  await a.forms.libraryItems().first().getByRole('link', { name: P.open }).click();
  await a.page.getByRole('button', { name: P.create }).click();
  const title = (page: Page) => page.getByLabel(P.titleDe, { exact: true });
  await expect(title(a.page)).toBeVisible();
  const screen = new URL(a.page.url()).hash;
  await expect(a.team.indicator()).toHaveAttribute('data-state', 'synced', { timeout: 30_000 });

  await b.team.join(link);
  await go(b.page, screen);
  await expect(title(b.page)).toBeVisible({ timeout: 30_000 });

  await a.context.setOffline(true);
  await b.context.setOffline(true);
  await title(a.page).fill('Titel A');
  await a.forms.waitForSaved();
  await title(b.page).fill('Titel B');
  await b.forms.waitForSaved();
  await a.context.setOffline(false);
  await b.context.setOffline(false);

  for (const { page } of [a, b]) {
    const conflicts = page.getByTestId('pack-conflicts');
    await expect(conflicts).toBeVisible({ timeout: 45_000 });
    await expect(conflicts).toContainText(P.titleDe);
  }
  await a.page
    .getByTestId('pack-conflicts')
    .getByRole('button', { name: /Titel B/ })
    .click();
  await expect(a.page.getByTestId('pack-conflicts')).toBeHidden();
  await expect(title(a.page)).toHaveValue('Titel B');
  await expect(b.page.getByTestId('pack-conflicts')).toBeHidden({ timeout: 45_000 });
  await expect(title(b.page)).toHaveValue('Titel B');
  for (const { team } of [a, b]) {
    await expect(team.indicator()).toHaveAttribute('data-state', 'synced', { timeout: 45_000 });
  }

  await a.context.close();
  await b.context.close();
});
