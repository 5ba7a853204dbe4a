// Forms in real Chromium: import a real official form through the file picker, fill it from
// a case with the network off, preview it, download it — and re-open the download with the
// engine in Node: the values are what was typed. Once in German, once in Arabic (RTL).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import ar from '../../locales/ar.json' with { type: 'json' };
import de from '../../locales/de.json' with { type: 'json' };
import { inspectPdf } from '../../src/pdf/index';
import { LotseApp } from './pages/lotse-app';
import { FormsPage, HAUPTANTRAG, formPath, slowExpect } from './pages/forms-page';
import { freezeClock, ids, seed } from './support/seed';

/** A plural text as i18next picks it: the form the language's plural rules ask for. */
function plural(texts: Record<string, string>, base: string, count: number, language: string) {
  const category = new Intl.PluralRules(language).select(count);
  return (texts[`${base}_${category}`] ?? '').replace('{{count}}', String(count));
}

// Multi-script values, as refugees' names are: Latin with diacritics, Cyrillic, Arabic.
const VALUES = {
  txtfPersonVorname: 'Łukasz Шевченко',
  txtfPersonNachname: 'Öztürk محمد',
  txtfPersonGebOrt: 'Mazar-e Sharif',
};
const LABELS = {
  txtfPersonVorname: '1 - Vorname der antragstellenden Person',
  txtfPersonNachname: '2 - Nachname der antragstellenden Person',
  txtfPersonGebOrt: '5 - Geburtsort der antragstellenden Person',
};

async function fillHauptantragOffline(
  page: Page,
  context: BrowserContext,
  texts: typeof de,
  language: 'de' | 'ar',
) {
  const app = new LotseApp(page);
  const forms = new FormsPage(page, texts);
  await freezeClock(page);
  await seed(page);
  await app.waitForServiceWorker();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  // From here on everything comes from the service worker's cache.
  await page.reload();
  await expect(page.getByText(texts.pwa.offline)).toBeVisible();

  // Import through the file picker, offline.
  await forms.openLibrary();
  await forms.importFile(formPath(HAUPTANTRAG));
  await slowExpect(forms.importResult()).toContainText(
    texts.forms.library.added.replace('{{name}}', HAUPTANTRAG),
  );
  await slowExpect(forms.importResult()).toContainText(
    plural(texts.forms.kind, 'acroform', 118, language),
  );
  // The shipped Jobcenter pack recognises this edition.
  await slowExpect(forms.importResult()).toContainText(texts.forms.pack.same.split('{{')[0] ?? '');
  await expect(forms.libraryItems()).toHaveCount(1);

  // A draft for the Haidari household, offline.
  await page.goto(`/#/cases/${ids.haidari}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Familie Haidari' })).toBeVisible();
  await forms.startDraft(HAUPTANTRAG, 'Haidari, Zahra');
  // Filled from the case by the pack, and marked so.
  await expect(forms.field(LABELS.txtfPersonVorname)).toHaveValue('Zahra');
  await expect(forms.fieldBox('txtfPersonGebOrt')).toContainText(texts.forms.fill.fromCase);
  for (const [key, value] of Object.entries(VALUES)) {
    await forms.field(LABELS[key as keyof typeof LABELS]).fill(value);
  }
  await forms.waitForSaved();
  await expect(forms.fieldBox('txtfPersonGebOrt')).not.toContainText(texts.forms.fill.fromCase);

  // The changed place of birth goes back to Zahra's record in the case.
  await forms
    .fieldBox('txtfPersonGebOrt')
    .getByRole('button', { name: texts.forms.fill.writeBack })
    .click();
  await expect(page.getByText(texts.forms.fill.writtenBack)).toBeVisible();
  await expect(forms.fieldBox('txtfPersonGebOrt')).toContainText(texts.forms.fill.fromCase);

  // Autosaved: the values survive a reload (still offline).
  await page.reload();
  await expect(forms.field(LABELS.txtfPersonNachname)).toHaveValue(VALUES.txtfPersonNachname);

  await forms.createPdf();
  await expect(forms.outputs()).toHaveCount(1);
  await forms.previewFirstPage(8);
  const bytes = await forms.download();

  // The downloaded file is a PDF with exactly the values typed, as the engine reads it back.
  expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  const inspected = await inspectPdf(bytes);
  expect(inspected.ok).toBe(true);
  const form = (await PDFDocument.load(bytes)).getForm();
  for (const [key, value] of Object.entries(VALUES)) {
    expect(form.getTextField(key).getText()).toBe(value);
  }

  // Submitted on a day to an office; the case lists the draft with its status.
  await page.getByLabel(texts.forms.status.label, { exact: true }).selectOption('submitted');
  await forms.field(texts.forms.fill.submittedOn).fill('2026-11-20');
  await forms.field(texts.forms.fill.office).fill('Jobcenter Berlin Mitte');
  await forms.waitForSaved();
  await page.goto(`/#/cases/${ids.haidari}`);
  const section = page.getByRole('region', { name: texts.forms.caseSection.title });
  const draft = section.getByRole('link', { name: new RegExp(HAUPTANTRAG) });
  await expect(draft).toContainText(texts.forms.status.submitted);
  await expect(draft).toContainText('Jobcenter Berlin Mitte');
  await page.goto(`/#/cases/${ids.haidari}/persons/${ids.zahra}`);
  await expect(page.getByLabel(texts.person.placeOfBirth, { exact: true })).toHaveValue(
    VALUES.txtfPersonGebOrt,
  );
  await context.setOffline(false);
}

// The engine and pdf.js run in the page; on a busy two-core machine that takes a while.
test.describe.configure({ timeout: 180_000 });

test('imports the Hauptantrag, fills it from a case offline, previews and downloads it', async ({
  page,
  context,
}) => {
  await fillHauptantragOffline(page, context, de, 'de');
});

test.describe('in Arabic', () => {
  test.use({ locale: 'ar-SY' });

  test('the same in the Arabic interface (RTL)', async ({ page, context }) => {
    await fillHauptantragOffline(page, context, ar as unknown as typeof de, 'ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  });
});

test('says plainly what a file is: XFA and encrypted, flat, not a PDF, damaged, password needed', async ({
  page,
}) => {
  const forms = new FormsPage(page);
  await seed(page);
  await forms.openLibrary();

  await forms.importFile(formPath('de_fk_kg1_antrag_kindergeld.pdf'));
  await slowExpect(forms.importResult()).toContainText(de.forms.kind.encrypted);
  await slowExpect(forms.importResult()).toContainText(de.forms.kind.xfa);

  await forms.importFile(formPath('de_berlin_lea_antrag_aufenthaltstitel_flat.pdf'));
  await slowExpect(forms.importResult()).toContainText(de.forms.kind.flat);

  await forms.importFile(formPath('SOURCES.tsv'));
  await slowExpect(page.getByRole('alert')).toHaveText(de.forms.errors['pdf-not-a-pdf']);

  // A download that broke off halfway.
  const dir = mkdtempSync(join(tmpdir(), 'lotse-forms-'));
  const broken = join(dir, 'abgebrochen.pdf');
  const whole = readFileSync(formPath('de_berlin_wohnungsgeberbestaetigung.pdf'));
  writeFileSync(broken, whole.subarray(0, whole.length / 2));
  await forms.importFile(broken);
  await slowExpect(page.getByRole('alert')).toHaveText(de.forms.errors['pdf-damaged']);

  // A form protected with a user password (made here with qpdf from a real form).
  const locked = join(dir, 'wohnungsgeber-locked.pdf');
  execFileSync('qpdf', [
    '--encrypt',
    'geheim',
    'owner-pw',
    '256',
    '--',
    formPath('de_berlin_wohnungsgeberbestaetigung.pdf'),
    locked,
  ]);
  await forms.importFile(locked);
  await slowExpect(page.getByText(de.forms.password.needed)).toBeVisible();
  const password = page.getByLabel(de.forms.password.label);
  await password.fill('falsch');
  await page.getByRole('button', { name: de.forms.password.open }).click();
  await slowExpect(page.getByText(de.forms.errors['pdf-password-wrong'])).toBeVisible();
  await password.fill('geheim');
  await page.getByRole('button', { name: de.forms.password.open }).click();
  await slowExpect(forms.importResult()).toContainText(de.forms.kind.encrypted);

  await expect(forms.libraryItems()).toHaveCount(3);
});

test('a PDF shared from another app (Web Share Target) lands in the form library', async ({
  page,
}) => {
  const app = new LotseApp(page);
  const forms = new FormsPage(page);
  await seed(page);
  await app.waitForServiceWorker();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const manifest = (await page.evaluate(async () =>
    (await fetch('/manifest.webmanifest')).json(),
  )) as { share_target: { params: { files: { name: string }[] } } };
  expect(manifest.share_target).toMatchObject({
    action: '/share-target',
    method: 'POST',
    enctype: 'multipart/form-data',
  });
  const fieldName = manifest.share_target.params.files[0]?.name ?? '';

  // What Android does when the user picks Lotse in the share sheet: a multipart POST navigation.
  const name = 'de_berlin_wohnungsgeberbestaetigung.pdf';
  const base64 = readFileSync(formPath(name)).toString('base64');
  await page.evaluate(
    ({ base64, name, fieldName }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const form = document.createElement('form');
      form.method = 'post';
      form.enctype = 'multipart/form-data';
      form.action = '/share-target';
      const input = document.createElement('input');
      input.type = 'file';
      input.name = fieldName;
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type: 'application/pdf' }));
      input.files = transfer.files;
      form.append(input);
      document.body.append(form);
      form.submit();
    },
    { base64, name, fieldName },
  );
  await expect(page).toHaveURL(/#\/forms$/);
  await slowExpect(forms.importResult()).toContainText(
    de.forms.library.added.replace('{{name}}', name),
  );
  await expect(forms.libraryItems()).toHaveCount(1);
  // Taken once: opening the library again imports nothing more.
  await page.reload();
  await expect(forms.libraryItems()).toHaveCount(1);
});
