// Accessibility of the form screens: axe-core (WCAG 2.x A/AA and best practices) on the
// library, "fill a form", the fill screen with an error and with an output previewed, and the
// case's forms section — in German and in Arabic (RTL). Also: a character no font can draw
// is an error that names the field.
import { expect, test } from '@playwright/test';
import ar from '../../locales/ar.json' with { type: 'json' };
import de from '../../locales/de.json' with { type: 'json' };
import { FormsPage, HAUPTANTRAG, formPath, slowExpect } from './pages/forms-page';
import { expectNoAxeViolations } from './support/axe';
import { freezeClock, ids, seed } from './support/seed';

const FIRST_NAME = '1 - Vorname der antragstellenden Person';

async function importHauptantrag(forms: FormsPage): Promise<void> {
  await forms.openLibrary();
  await forms.importFile(formPath(HAUPTANTRAG));
  await slowExpect(forms.importResult()).toBeVisible();
}

// No service worker: its "works offline now" notice would appear at a random moment.
test.use({ serviceWorkers: 'block' });
// The engine and pdf.js run in the page; on a busy two-core machine that takes a while.
test.describe.configure({ timeout: 180_000 });

for (const [language, texts, locale] of [
  ['de', de, 'de-DE'],
  ['ar', ar as unknown as typeof de, 'ar-SY'],
] as const) {
  test.describe(`form screens (${language})`, () => {
    test.use({ locale });

    test.beforeEach(async ({ page }) => {
      await freezeClock(page);
      await seed(page);
    });

    test('library after an import', async ({ page }) => {
      const forms = new FormsPage(page, texts);
      await importHauptantrag(forms);
      await expect(forms.libraryItems()).toHaveCount(1);
      await expectNoAxeViolations(page, `form library (${language})`);
    });

    test('"fill a form", the fill screen with an error, and an output previewed', async ({
      page,
    }) => {
      const forms = new FormsPage(page, texts);
      await importHauptantrag(forms);
      await page.goto(`/#/cases/${ids.haidari}/drafts/new`);
      await expect(
        page.getByRole('heading', { level: 1, name: texts.forms.newDraft.title }),
      ).toBeVisible();
      await expectNoAxeViolations(page, `fill a form (${language})`);

      await page.goto(`/#/cases/${ids.haidari}`);
      await forms.startDraft(HAUPTANTRAG);
      await expect(forms.field(FIRST_NAME)).toHaveValue('Zahra');
      await expectNoAxeViolations(page, `fill screen (${language})`);

      // Noto Sans has no CJK: the PDF is refused, naming the field by its label.
      await forms.field(FIRST_NAME).fill('Zahra 漢');
      await forms.waitForSaved();
      await page.getByRole('button', { name: texts.forms.output.create }).click();
      const alert = page.getByRole('alert');
      await slowExpect(alert).toContainText(FIRST_NAME);
      await expect(alert).toContainText('漢');
      await expectNoAxeViolations(page, `fill screen with a PDF error (${language})`);

      await forms.field(FIRST_NAME).fill('Zahra');
      await forms.waitForSaved();
      await forms.createPdf();
      await forms.previewFirstPage(8);
      await expectNoAxeViolations(page, `fill screen with a preview (${language})`);

      await page.goto(`/#/cases/${ids.haidari}`);
      await expect(
        page.getByRole('region', { name: texts.forms.caseSection.title }).getByRole('link', {
          name: new RegExp(HAUPTANTRAG),
        }),
      ).toBeVisible();
      await expectNoAxeViolations(page, `case detail with a draft (${language})`);
    });
  });
}
