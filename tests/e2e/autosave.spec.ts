// Every keystroke is saved: killing the tab mid-typing loses at most about a second.
// Validation explains in the UI language but never blocks saving.
import { expect, test } from '@playwright/test';
import { LotseApp, text } from './pages/lotse-app';

test('text typed a second before the tab is killed is there when the app is opened again', async ({
  page,
  context,
}) => {
  const app = new LotseApp(page);
  await app.open();
  const caseId = await app.createCase('Familie Ahmadi');
  await page.getByRole('link', { name: text.caseDetail.addNote }).click();
  const note = app.field(text.note.text);
  await note.pressSequentially('Wohnung feucht, Vermieter informieren', { delay: 20 });
  await page.waitForTimeout(1000); // the user's last keystroke was a second ago
  await page.close({ runBeforeUnload: false }); // no pagehide flush can be relied on

  const again = await context.newPage();
  const app2 = new LotseApp(again);
  await app2.open(`/#/cases/${caseId}`);
  await expect(again.getByText('Wohnung feucht, Vermieter informieren')).toBeVisible();
});

test('invalid numbers are explained in German and still saved as typed', async ({ page }) => {
  const app = new LotseApp(page);
  await app.open();
  await app.createCase('Familie Karimi');
  await page.getByRole('link', { name: text.caseDetail.addPerson }).click();
  await app.field(text.person.familyName).fill('Karimi');
  await app.field(text.person.iban).fill('DE89 3704 0044 0532 0130 01');
  await expect(page.getByText(text.errors['iban-checksum'])).toBeVisible();
  await app.field(text.person.taxId).fill('86095742718');
  await expect(page.getByText(text.errors['tax-id-checksum'])).toBeVisible();
  await app.field(text.person.dateOfBirth).fill('31.02.1990');
  await expect(page.getByText(text.errors['date-invalid'])).toBeVisible();
  await app.waitForSaved();

  await page.reload();
  await expect(app.field(text.person.iban)).toHaveValue('DE89 3704 0044 0532 0130 01');
  await expect(app.field(text.person.dateOfBirth)).toHaveValue('31.02.1990');
  await app.field(text.person.iban).fill('DE89 3704 0044 0532 0130 00');
  await app.field(text.person.taxId).fill('86095742719');
  await app.field(text.person.dateOfBirth).fill('00.00.1990');
  await expect(page.locator('.field__error')).toHaveCount(0);
  await app.waitForSaved();
  await page.getByRole('link', { name: text.common.done }).click();
  const household = page.getByRole('region', { name: text.caseDetail.household });
  await expect(household.locator('.item-link__title')).toHaveText('Karimi');
  await expect(household.locator('.item-link__meta')).toContainText('1990');
});

test('a full disk gets a clear message and what was saved before stays intact', async ({
  page,
  context,
}) => {
  const app = new LotseApp(page);
  await app.open();
  const caseId = await app.createCase('Familie Nazari');
  await page.getByRole('link', { name: text.caseDetail.addNote }).click();
  await app.field(text.note.text).fill('Erster Besuch');
  await app.waitForSaved();

  // Shrink this origin's quota to what it uses now: the next bigger write must fail.
  const cdp = await context.newCDPSession(page);
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  await cdp.send('Storage.overrideQuotaForOrigin', {
    origin: new URL(page.url()).origin,
    quotaSize: usage + 1024,
  });
  await app.field(text.note.text).fill(`Erster Besuch ${'x'.repeat(2_000_000)}`);
  await expect(page.getByRole('alert')).toContainText(text.errors['quota-exceeded']);

  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(page.url()).origin });
  const again = await context.newPage();
  await new LotseApp(again).open(`/#/cases/${caseId}`);
  await expect(again.getByText('Familie Nazari')).toBeVisible();
  await expect(again.locator('.note-preview')).toHaveText('Erster Besuch');
});
