// Form packs made in the app, in real Chromium: import a real form, create a pack for it on the
// pack screen (a person's family name, a fixed value, a checkbox ticked by sex), see a field
// marked on its page, export the pack — then, as a colleague in a fresh browser, import the
// same PDF and the exported file, and fill a draft for a case: the mapped values appear, and
// the team's pack wins over the shipped one. Also: axe on the pack screen, a foreign file
// refused with a clear message, and importing the same pack twice updates it. And a copy for
// another edition (a real form with one field renamed, protected with a user password): what
// came over is marked, what needs mapping again is listed, and its pages render with the password.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFHexString, PDFName } from '@cantoo/pdf-lib';
import { expect, test, type Browser, type Page } from '@playwright/test';
import ar from '../../locales/ar.json' with { type: 'json' };
import de from '../../locales/de.json' with { type: 'json' };
import { FormsPage, formPath, slowExpect } from './pages/forms-page';
import { expectNoAxeViolations } from './support/axe';
import { freezeClock, ids, seed } from './support/seed';

const ANMELDUNG = 'de_berlin_anmeldung_wohnung.pdf';
const FAMILY = 'Familienname ggf Doktorgrad Passname';
const RELIGION = 'Religionsgesellschaft';
const MAIN_HOME = 'Hauptwohnung';
const LABELS = {
  family: 'Familienname, ggf. Doktorgrad Passname',
  religion: 'Religionsgesellschaft',
  givenNames: 'Vornamen (Rufnamen unterstreichen)',
  mainHome: 'Hauptwohnung',
};
const P = de.packs;
const fill = (text: string, values: Record<string, string>) =>
  Object.entries(values).reduce((s, [k, v]) => s.replace(`{{${k}}}`, v), text);

// No service worker: its "works offline now" notice would appear at a random moment.
test.use({ serviceWorkers: 'block' });
// The engine and pdf.js run in the page; on a busy two-core machine that takes a while.
test.describe.configure({ timeout: 240_000 });

async function freshPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    viewport: { width: 360, height: 740 },
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  await freezeClock(page);
  await seed(page);
  return page;
}

async function importForm(forms: FormsPage): Promise<void> {
  await forms.openLibrary();
  await forms.importFile(formPath(ANMELDUNG));
  await slowExpect(forms.importResult()).toContainText(
    fill(de.forms.library.added, { name: ANMELDUNG }),
  );
}

const fieldRow = (page: Page, key: string) => page.locator(`.pack-field[data-field="${key}"]`);

test('a pack made in the app fills a colleague’s draft after export and import', async ({
  page,
  browser,
  baseURL,
}) => {
  await freezeClock(page);
  await seed(page);
  const forms = new FormsPage(page);
  await importForm(forms);

  // From the library to the pack screen of this form; a new pack for this edition.
  await forms.libraryItems().first().getByRole('link', { name: P.open }).click();
  await expect(page.getByRole('heading', { level: 1, name: P.title })).toBeVisible();
  await page.getByRole('button', { name: P.create }).click();
  const titleDe = page.getByLabel(P.titleDe, { exact: true });
  await expect(titleDe).toHaveValue('de_berlin_anmeldung_wohnung');
  await titleDe.fill('Anmeldung (Team)');
  await page.getByLabel(P.editionLabel, { exact: true }).fill('Berlin 2024');

  // Every field in page order with its label; the family name from the draft's person.
  await expect(fieldRow(page, FAMILY).locator('legend')).toHaveText(LABELS.family);
  await fieldRow(page, FAMILY).getByLabel(P.kind.label).selectOption('person');
  await expect(fieldRow(page, FAMILY).getByLabel(P.personField)).toHaveValue('familyName');
  // A fixed value.
  await fieldRow(page, RELIGION).getByLabel(P.kind.label).selectOption('fixed');
  await fieldRow(page, RELIGION).getByLabel(P.fixed.label).fill('keine');
  // A checkbox ticked by sex: until one value ticks it, the pack is not saved and says why.
  const mainHome = fieldRow(page, MAIN_HOME);
  await mainHome.getByLabel(P.kind.label).selectOption('choice');
  await expect(page.getByRole('alert')).toContainText(
    fill(P.fieldProblem, { field: LABELS.mainHome, message: P.problems['choice-empty'] }),
  );
  await mainHome
    .getByLabel(fill(P.choice.when, { code: de.options.sex.female }))
    .selectOption({ label: P.choice.tick });
  await expect(page.getByRole('status').filter({ hasText: de.save.saved })).toBeVisible();

  // The field's rectangle on a rendering of its page, drawn when asked for.
  const family = fieldRow(page, FAMILY);
  await family.getByRole('button', { name: P.showPage }).click();
  await slowExpect(family.locator('.field-on-page')).toHaveAttribute('data-state', 'drawn');
  const mark = await family.locator('.field-on-page__mark').boundingBox();
  const sheet = await family.locator('.field-on-page canvas').boundingBox();
  expect(mark && sheet && mark.width > 0 && mark.width < sheet.width).toBe(true);
  expect(
    mark && sheet && mark.y >= sheet.y && mark.y + mark.height <= sheet.y + sheet.height + 1,
  ).toBe(true);

  await expectNoAxeViolations(page, 'pack screen');

  // Autosaved: the mappings survive a reload.
  await page.reload();
  await expect(fieldRow(page, RELIGION).getByLabel(P.fixed.label)).toHaveValue('keine');

  // Export (download) the pack file.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: P.export.download }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(
    'de-berlin-anmeldung-wohnung-Berlin-2024.lotse-pack.json',
  );
  const packPath = await download.path();
  expect(JSON.parse(readFileSync(packPath, 'utf8'))).toMatchObject({
    format: 'lotse-form-pack',
    title: { de: 'Anmeldung (Team)' },
  });

  // A colleague, in a fresh browser: the same PDF and the pack file.
  const other = await freshPage(browser, baseURL);
  const colleague = new FormsPage(other);
  await importForm(colleague);
  const packInput = other.getByLabel(P.files.import);
  const result = other.locator('.pack-import__result');
  // A foreign file is refused, naming what is wrong.
  await packInput.setInputFiles({
    name: 'cases.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"cases": []}'),
  });
  await expect(result).toHaveText(fill(P.errors['pack-file-foreign'], { name: 'cases.json' }));
  await packInput.setInputFiles(packPath);
  await expect(result).toHaveText(fill(P.files.added, { name: 'Anmeldung (Team)' }));
  // The same pack again updates it instead of adding a second.
  await packInput.setInputFiles(packPath);
  await expect(result).toHaveText(fill(P.files.updated, { name: 'Anmeldung (Team)' }));
  await expect(other.locator('.pack-list__item')).toHaveCount(1);
  await expect(colleague.libraryItems().first()).toContainText(P.storedNote);

  // A draft for Zahra Haidari: filled by the team's pack, not the shipped one.
  await other.goto(`/#/cases/${ids.haidari}`);
  await colleague.startDraft(ANMELDUNG, 'Haidari, Zahra');
  await expect(colleague.field(LABELS.family)).toHaveValue('Haidari');
  await expect(colleague.field(LABELS.religion)).toHaveValue('keine');
  await expect(colleague.field(LABELS.mainHome)).toBeChecked();
  // The shipped Anmeldung pack fills given names; the team's pack does not map them.
  await expect(colleague.field(LABELS.givenNames)).toHaveValue('');
  await other.context().close();
});

test.describe('in Arabic', () => {
  test.use({ locale: 'ar-SY' });

  test('a copy of the shipped pack on the pack screen, axe clean (RTL)', async ({ page }) => {
    const A = ar.packs;
    await freezeClock(page);
    await seed(page);
    const forms = new FormsPage(page, ar as unknown as typeof de);
    await forms.openLibrary();
    await forms.importFile(formPath('de_justiz_beratungshilfe_antrag.pdf'));
    await slowExpect(forms.importResult()).toBeVisible();
    await forms.libraryItems().first().getByRole('link', { name: A.open }).click();
    await page
      .getByRole('button', {
        name: fill(A.copy, {
          name: 'Local court: application for legal advice aid (Beratungshilfe)',
        }),
      })
      .click();
    // The shipped mappings come along: a date of birth as a preset, a join kept as it is.
    const birth = fieldRow(page, 'Geburtsdatum des Antragstellers');
    await expect(birth.getByLabel(A.kind.label)).toHaveValue('derived');
    await expect(birth.getByLabel(A.derived.label)).toHaveValue('birth-date');
    const applicant = fieldRow(page, 'Antragsteller (Name, Vorname ggf Geburtsname)');
    await expect(applicant).toContainText(A.kind.otherHint);
    await birth.getByRole('button', { name: A.showPage }).click();
    await slowExpect(birth.locator('.field-on-page')).toHaveAttribute('data-state', 'drawn');
    await expectNoAxeViolations(page, 'pack screen (ar)');
  });
});

/** The Anmeldung as a next edition might be: the family name field renamed (so the shipped
 * pack's mapping for it no longer fits), then protected with a user password by qpdf. */
async function protectedNextEdition(password: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-packs-'));
  const doc = await PDFDocument.load(readFileSync(formPath(ANMELDUNG)));
  const family = doc.getForm().getField(FAMILY);
  family.acroField.dict.set(PDFName.of('T'), PDFHexString.fromText('Familienname neu'));
  const plain = join(dir, 'anmeldung-neu.pdf');
  writeFileSync(plain, await doc.save());
  const locked = join(dir, 'anmeldung-neu-geschuetzt.pdf');
  execFileSync('qpdf', ['--encrypt', password, 'owner-pw', '256', '--', plain, locked]);
  return locked;
}

test('a copy for another edition lists what to map again; a protected file’s page is drawn', async ({
  page,
}) => {
  const file = await protectedNextEdition('geheim');
  await freezeClock(page);
  await seed(page);
  const forms = new FormsPage(page);
  await forms.openLibrary();
  await forms.importFile(file);
  await slowExpect(page.getByText(de.forms.password.needed)).toBeVisible();
  await page.getByLabel(de.forms.password.label).fill('geheim');
  await page.getByRole('button', { name: de.forms.password.open }).click();
  await slowExpect(forms.importResult()).toContainText(de.forms.kind.encrypted);

  await forms.libraryItems().first().getByRole('link', { name: P.open }).click();
  await page
    .getByRole('button', { name: fill(P.copy, { name: 'Berlin: Anmeldung einer Wohnung' }) })
    .click();

  // What came over from the shipped pack's edition "Berlin", and what needs mapping again.
  const O = P.origin;
  await expect(
    page.getByRole('heading', { level: 2, name: fill(O.title, { edition: 'Berlin' }) }),
  ).toBeVisible();
  const remap = page.locator('.pack-remap__item');
  await expect(remap).toHaveCount(1);
  await expect(remap).toHaveAttribute('data-field', FAMILY);
  await expect(remap).toContainText(FAMILY);
  await expect(remap).toContainText(
    fill(O.mappedTo, {
      mapping: `${P.kind.person}: ${de.packs.person.familyName} (${P.slot.subject})`,
    }),
  );
  await expect(remap).toContainText(O.reason['field-missing']);
  // Given names came over and say so; the renamed field did not.
  const givenNames = fieldRow(page, 'Vornamen Rufnamen unterstreichen');
  await expect(givenNames).toHaveAttribute('data-carried', 'yes');
  await expect(givenNames).toContainText(O.carried);
  await expect(givenNames.getByLabel(P.kind.label)).toHaveValue('person');
  const renamed = fieldRow(page, 'Familienname neu');
  await expect(renamed).not.toHaveAttribute('data-carried', 'yes');
  await expect(renamed.getByLabel(P.kind.label)).toHaveValue('none');

  // Mapping the renamed field again; the list of the old edition stays as a reference.
  await renamed.getByLabel(P.kind.label).selectOption('person');
  await expect(page.getByRole('status').filter({ hasText: de.save.saved })).toBeVisible();
  await page.reload();
  await expect(fieldRow(page, 'Familienname neu').getByLabel(P.personField)).toHaveValue(
    'familyName',
  );
  await expect(page.locator('.pack-remap__item')).toHaveCount(1);

  // The page of a password-protected file renders (pdf.js gets the password it was opened with).
  const row = fieldRow(page, 'Familienname neu');
  await row.getByRole('button', { name: P.showPage }).click();
  await slowExpect(row.locator('.field-on-page')).toHaveAttribute('data-state', 'drawn');
  await expect(page.getByText(de.forms.output.previewFailed)).toHaveCount(0);
  await expectNoAxeViolations(page, 'pack screen, copy for another edition');
});
