// Every keystroke is saved: killing the tab mid-typing loses at most about a second.
// Validation explains in the UI language but never blocks saving.
import { expect, test } from '@playwright/test';
import { LotseApp, text } from './pages/lotse-app';
import { fillDisk } from './support/full-disk';

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

// The disk is made full by Chromium's own quota check (support/full-disk.ts explains how).
test('a full disk gets a clear message and what was saved before stays intact', async ({
  page,
  context,
}) => {
  test.slow(); // the disk fills about 30 s after fillDisk starts (support/full-disk.ts)
  const app = new LotseApp(page);
  await app.open();
  // The precache must be complete, or the service worker would run into the full disk too.
  await app.waitForServiceWorker();
  const caseId = await app.createCase('Familie Nazari');
  await page.getByRole('link', { name: text.caseDetail.addNote }).click();
  await app.field(text.note.text).fill('Erster Besuch');
  await app.waitForSaved();

  const disk = await fillDisk(page);
  await app.field(text.note.text).fill('Erster Besuch, Wohngeldantrag besprochen');
  await expect(page.getByRole('alert')).toContainText(text.errors['quota-exceeded']);

  // Reading needs no space: opened again on the full disk, the case shows what was saved.
  const again = await context.newPage();
  await new LotseApp(again).open(`/#/cases/${caseId}`);
  await expect(again.getByRole('heading', { level: 1, name: 'Familie Nazari' })).toBeVisible();
  await expect(again.locator('.note-preview')).toHaveText('Erster Besuch');

  // With room again, typing on saves the text that did not fit.
  await disk.free();
  await app.field(text.note.text).press('End');
  await app.field(text.note.text).pressSequentially('.');
  await app.waitForSaved();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await again.reload();
  await expect(again.locator('.note-preview')).toHaveText(
    'Erster Besuch, Wohngeldantrag besprochen.',
  );
});

test("the volunteer's name is autosaved in Settings and signs new notes", async ({
  page,
  context,
}) => {
  const app = new LotseApp(page);
  await app.open('/#/settings');
  await app.field(text.settings.volunteerName).pressSequentially('Anna Schmidt', { delay: 20 });
  await app.waitForSaved();
  await page.waitForTimeout(1000);
  await page.close({ runBeforeUnload: false });

  const again = await context.newPage();
  const app2 = new LotseApp(again);
  await app2.open('/#/settings');
  await expect(app2.field(text.settings.volunteerName)).toHaveValue('Anna Schmidt');
  await again.getByRole('link', { name: text.nav.cases }).click();
  await app2.createCase('Familie Rahimi');
  await again.getByRole('link', { name: text.caseDetail.addNote }).click();
  await expect(app2.field(text.note.author)).toHaveValue('Anna Schmidt');
});

test('a delete that fails is explained, and nothing is deleted', async ({ page }) => {
  test.slow(); // fillDisk takes about 30 s, see above
  const app = new LotseApp(page);
  await app.open();
  await app.waitForServiceWorker(); // as above: the precache must not meet the full disk
  const caseId = await app.createCase('Familie Sultani');
  await page.getByRole('link', { name: text.caseDetail.addNote }).click();
  await app.field(text.note.text).fill('Hausbesuch: Antrag besprochen');
  await app.waitForSaved();

  const disk = await fillDisk(page);
  const confirmDelete = async (label: string) => {
    await page.getByRole('button', { name: label }).click();
    await page.getByRole('dialog').getByRole('button', { name: label }).click();
  };
  await confirmDelete(text.note.delete);
  await expect(page.getByRole('alert')).toContainText(text.errors['quota-exceeded']);
  await expect(app.field(text.note.text)).toHaveValue('Hausbesuch: Antrag besprochen');

  await page.getByRole('link', { name: text.common.done }).click();
  await confirmDelete(text.caseDetail.deleteCase);
  await expect(page.getByRole('alert')).toContainText(text.errors['quota-exceeded']);
  await expect(page).toHaveURL(new RegExp(`#/cases/${caseId}$`));
  const notes = page.getByRole('region', { name: text.caseDetail.notes });
  await expect(notes.locator('.note-preview')).toHaveText('Hausbesuch: Antrag besprochen');

  // With room again, the same delete works and leaves for the case.
  await disk.free();
  await notes.locator('.item-link').click();
  await confirmDelete(text.note.delete);
  await expect(page).toHaveURL(new RegExp(`#/cases/${caseId}$`));
  await expect(notes).toContainText(text.caseDetail.noNotes);
  await page.reload();
  await expect(notes).toContainText(text.caseDetail.noNotes);
});
