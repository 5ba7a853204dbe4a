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

// FIXME: Chromium 156 (Debian) ignores Storage.overrideQuotaForOrigin for Playwright's browser
// contexts (estimate() keeps reporting ~10 GB and the write succeeds; measured 2026-11-22, also
// on the commit where this test last passed). The quota path is covered below the browser by
// tests/unit/db (real QuotaExceededError injected at Dexie's DBCore level) until a way to shrink
// the quota in a real browser is found again.
test.fixme('a full disk gets a clear message and what was saved before stays intact', async ({
  page,
  context,
}) => {
  const app = new LotseApp(page);
  await app.open();
  // The precache (~4 MB) must be complete, or its writes would still change the usage below.
  await app.waitForServiceWorker();
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
  // Random text: Chromium compresses large IndexedDB values, so a run of one letter would fit.
  const noise = Array.from({ length: 200_000 }, () => Math.random().toString(36).slice(2, 12));
  await app.field(text.note.text).fill(`Erster Besuch ${noise.join('')}`);
  await expect(page.getByRole('alert')).toContainText(text.errors['quota-exceeded']);

  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(page.url()).origin });
  const again = await context.newPage();
  await new LotseApp(again).open(`/#/cases/${caseId}`);
  await expect(again.getByText('Familie Nazari')).toBeVisible();
  await expect(again.locator('.note-preview')).toHaveText('Erster Besuch');
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
  const app = new LotseApp(page);
  await app.open();
  const caseId = await app.createCase('Familie Sultani');
  await page.getByRole('link', { name: text.caseDetail.addNote }).click();
  await app.field(text.note.text).fill('Hausbesuch: Antrag besprochen');
  await app.waitForSaved();

  // A delete writes tombstones of the same size as the records, which Chromium stores in
  // place even when the quota is used up (the full-disk test above cannot make it fail).
  // So the disk is "full" at the IndexedDB boundary: every put fails as a full disk does.
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    const flag = globalThis as unknown as { isDiskFull?: boolean };
    IDBObjectStore.prototype.put = function (...args: Parameters<IDBObjectStore['put']>) {
      if (flag.isDiskFull) throw new DOMException('disk full', 'QuotaExceededError');
      return put.apply(this, args);
    };
    flag.isDiskFull = true;
  });
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
  await page.evaluate(() => {
    (globalThis as unknown as { isDiskFull?: boolean }).isDiskFull = false;
  });
  await notes.locator('.item-link').click();
  await confirmDelete(text.note.delete);
  await expect(page).toHaveURL(new RegExp(`#/cases/${caseId}$`));
  await expect(notes).toContainText(text.caseDetail.noNotes);
  await page.reload();
  await expect(notes).toContainText(text.caseDetail.noNotes);
});
