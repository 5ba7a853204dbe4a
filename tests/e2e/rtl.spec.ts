// Arabic: chosen in Settings, stored, and laid out right-to-left. Screenshots use fixed data
// and a frozen clock (see support/seed.ts), so "today", ages and "expires in N days" never move.
import { expect, test, type Page } from '@playwright/test';
import ar from '../../locales/ar.json' with { type: 'json' };
import { text } from './pages/lotse-app';
import { freezeClock, ids, seed } from './support/seed';

// No service worker: its "works offline now" notice would pop up at a random moment.
test.use({ serviceWorkers: 'block' });

const caseUrl = `/#/cases/${ids.haidari}`;

async function switchToArabic(page: Page): Promise<void> {
  await page.goto('/#/settings');
  await page.getByLabel(text.settings.language, { exact: true }).selectOption('ar');
  await expect(page.getByLabel(ar.settings.language, { exact: true })).toHaveValue('ar');
}

/**
 * A full-page screenshot paints position:fixed elements where the viewport ended, so the
 * bottom navigation would cover the middle of a long screen. Making the viewport as tall
 * as the page puts it at the bottom, where a user sees it.
 */
async function fitViewportToPage(page: Page): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 360, height });
}

const screenshotOptions = {
  fullPage: true,
  maxDiffPixelRatio: 0.02,
  animations: 'disabled',
  caret: 'hide',
} as const;

test.beforeEach(async ({ page }) => {
  await freezeClock(page);
  await seed(page);
});

test('Arabic from Settings switches the document to RTL and survives a reload', async ({
  page,
}) => {
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await switchToArabic(page);
  await expect(page.locator('html[dir="rtl"][lang="ar"]')).toBeAttached();
  await expect(page.getByRole('heading', { level: 1, name: ar.settings.title })).toBeVisible();
  await expect(page.getByRole('navigation', { name: ar.nav.main })).toContainText(ar.nav.cases);

  await page.reload();
  await expect(page.locator('html[dir="rtl"][lang="ar"]')).toBeAttached();
  await expect(page.getByRole('heading', { level: 1, name: ar.settings.title })).toBeVisible();
  await expect(page.getByLabel(ar.settings.language, { exact: true })).toHaveValue('ar');

  // And back: German is stored just the same.
  await page.getByLabel(ar.settings.language, { exact: true }).selectOption('de');
  await expect(page.locator('html[dir="ltr"][lang="de"]')).toBeAttached();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: text.settings.title })).toBeVisible();
  await expect(page.locator('html[dir="ltr"][lang="de"]')).toBeAttached();
});

test('case detail header is mirrored: back link on the right, heading text right-aligned', async ({
  page,
}) => {
  await switchToArabic(page);
  await page.goto(caseUrl);
  const header = page.locator('.screen-header');
  const back = header.getByRole('link', { name: ar.nav.back });
  const heading = header.getByRole('heading', { level: 1, name: 'Familie Haidari' });
  const edit = header.getByRole('link', { name: ar.common.edit });
  await expect(heading).toBeVisible();

  const headerBox = (await header.boundingBox())!;
  const backBox = (await back.boundingBox())!;
  const headingBox = (await heading.boundingBox())!;
  const editBox = (await edit.boundingBox())!;
  const headerRight = headerBox.x + headerBox.width;
  // Back link: the rightmost item of the header, flush with its right edge.
  expect(backBox.x + backBox.width).toBeGreaterThan(headerRight - 2);
  expect(backBox.x).toBeGreaterThanOrEqual(headingBox.x + headingBox.width - 1);
  // The edit action moves to the left.
  expect(editBox.x + editBox.width).toBeLessThanOrEqual(headingBox.x + 1);
  expect(editBox.x).toBeLessThan(headerBox.x + 2);

  // The heading's text hugs the right edge of its box, with free space on the left.
  const textBox = await heading.evaluate((h1) => {
    const range = document.createRange();
    range.selectNodeContents(h1);
    const r = range.getBoundingClientRect();
    return { left: r.left, right: r.right };
  });
  expect(textBox.right).toBeGreaterThan(headingBox.x + headingBox.width - 2);
  expect(textBox.left).toBeGreaterThan(headingBox.x + 10);
  expect(await heading.evaluate((h1) => getComputedStyle(h1).textAlign)).toMatch(/^(start|right)$/);

  // The back arrow is mirrored to point right.
  expect(await back.locator('.back-arrow').evaluate((el) => getComputedStyle(el).transform)).toBe(
    'matrix(-1, 0, 0, 1, 0, 0)',
  );
});

test('screenshot: case detail in Arabic', async ({ page }) => {
  await switchToArabic(page);
  await page.goto(caseUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Familie Haidari' })).toBeVisible();
  await expect(page.getByRole('region', { name: ar.caseDetail.expiringDocs })).toContainText(
    'Haidari, Zahra',
  );
  await expect(page.getByRole('region', { name: ar.caseDetail.notes })).toContainText('Hausbesuch');
  await fitViewportToPage(page);
  await expect(page).toHaveScreenshot('case-detail-ar.png', screenshotOptions);
});

test('screenshot: person edit in Arabic', async ({ page }) => {
  await switchToArabic(page);
  await page.goto(`${caseUrl}/persons/${ids.zahra}`);
  await expect(page.getByRole('heading', { level: 1, name: ar.person.titleEdit })).toBeVisible();
  await expect(page.getByLabel(ar.person.familyName, { exact: true })).toHaveValue('Haidari');
  await expect(page.getByLabel(ar.person.iban, { exact: true })).toHaveValue(
    'DE89370400440532013000',
  );
  await fitViewportToPage(page);
  await expect(page).toHaveScreenshot('person-edit-ar.png', screenshotOptions);
});
