// Page model of the form screens (library, "fill a form", the fill screen, PDF output).
// Labels come from a locale file, so the same steps run in German and in Arabic.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type Page } from '@playwright/test';
import de from '../../../locales/de.json' with { type: 'json' };

/** The real official forms (never copied into the repo). */
export const FORMS_DIR = resolve(import.meta.dirname, '../../../../shared/forms');
export const formPath = (file: string): string => resolve(FORMS_DIR, file);
export const HAUPTANTRAG = 'de_jc_hauptantrag_ha_2025-04.pdf';

type Texts = typeof de;

/** The engine runs in a worker; on a busy two-core machine a large form still takes a while. */
export const slowExpect = expect.configure({ timeout: 45_000 });

export class FormsPage {
  constructor(
    readonly page: Page,
    readonly texts: Texts = de,
  ) {}

  async openLibrary(): Promise<void> {
    await this.page.getByRole('link', { name: this.texts.forms.nav }).click();
    await expect(
      this.page.getByRole('heading', { level: 1, name: this.texts.forms.library.title }),
    ).toBeVisible();
  }

  /** Picks a file in the library's file input, as a user does with the file picker. */
  async importFile(path: string): Promise<void> {
    await this.page.getByLabel(this.texts.forms.library.import).setInputFiles(path);
  }

  importResult() {
    return this.page.locator('.form-import__result');
  }

  libraryItems() {
    return this.page.locator('.form-list__item');
  }

  /** From a case's page: "fill a form", choose the form (and person), create the draft. */
  async startDraft(formName: string, person?: string): Promise<void> {
    const t = this.texts.forms;
    await this.page.getByRole('link', { name: t.caseSection.fill }).click();
    await expect(
      this.page.getByRole('heading', { level: 1, name: t.newDraft.title }),
    ).toBeVisible();
    await this.page.getByLabel(t.newDraft.form, { exact: true }).selectOption({ label: formName });
    if (person) {
      await this.page
        .getByLabel(t.newDraft.person, { exact: true })
        .selectOption({ label: person });
    }
    await this.page.getByRole('button', { name: t.newDraft.create }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: formName })).toBeVisible();
    await expect(this.page).toHaveURL(/#\/cases\/[^/]+\/drafts\/[0-9a-f-]{36}$/);
  }

  /** The block of one form field on the fill screen (label, control, hints, buttons). */
  fieldBox(key: string) {
    return this.page.locator(`.draft-field[data-field="${key}"]`);
  }

  field(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }

  async waitForSaved(): Promise<void> {
    await expect(
      this.page.getByRole('status').filter({ hasText: this.texts.save.saved }),
    ).toBeVisible();
  }

  async createPdf(): Promise<void> {
    await this.page.getByRole('button', { name: this.texts.forms.output.create }).click();
    await slowExpect(this.page.getByText(this.texts.forms.output.created)).toBeVisible();
  }

  outputs() {
    return this.page.locator('.output-list__item');
  }

  /** Opens the preview of the newest output and waits until its first page is drawn. */
  async previewFirstPage(pages: number): Promise<void> {
    const output = this.outputs().first();
    await output.getByRole('button', { name: this.texts.forms.output.preview }).click();
    const first = output.locator('.pdf-preview__page').first();
    await slowExpect(first.locator('figcaption')).toHaveText(
      this.texts.forms.output.pageOf.replace('{{page}}', '1').replace('{{pages}}', String(pages)),
    );
    await slowExpect(first).toHaveAttribute('data-state', 'drawn');
    await expect(output.locator('.pdf-preview__page')).toHaveCount(pages);
  }

  /** Downloads the newest output through its link and returns the bytes. */
  async download(): Promise<Uint8Array> {
    const downloading = this.page.waitForEvent('download');
    await this.outputs()
      .first()
      .getByRole('link', { name: this.texts.forms.output.download })
      .click();
    const download = await downloading;
    const path = await download.path();
    return new Uint8Array(readFileSync(path));
  }
}
