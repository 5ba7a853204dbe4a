// Page model of Lotse for the browser tests. Labels come from the German locale file,
// so the tests read like what a user sees and survive rewording.
import { expect, type Page } from '@playwright/test';
import de from '../../../locales/de.json' with { type: 'json' };

export const text = de;

export type PersonInput = {
  familyName: string;
  givenNames: string;
  familyNameNative?: string;
  dateOfBirth?: string;
  iban?: string;
  expiresOn?: string;
};

/**
 * The first install precaches the whole app (~4 MB with the PDF engine, pdf.js and the fonts);
 * on a busy two-core CI machine that can take much longer than an ordinary expectation.
 */
export const SW_INSTALL_TIMEOUT = 60_000;

export class LotseApp {
  constructor(readonly page: Page) {}

  async open(path = '/'): Promise<void> {
    await this.page.goto(path);
    await expect(this.page.locator('main')).toBeVisible();
  }

  /** Waits until a service worker is activated and controls this page. */
  async waitForServiceWorker(): Promise<void> {
    await this.page.waitForFunction(
      async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return registration?.active?.state === 'activated';
      },
      undefined,
      { timeout: SW_INSTALL_TIMEOUT },
    );
  }

  async waitForSaved(): Promise<void> {
    await expect(this.page.getByRole('status').filter({ hasText: de.save.saved })).toBeVisible();
  }

  field(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }

  async createCase(label: string): Promise<string> {
    await this.page.getByRole('link', { name: de.cases.new }).click();
    await this.field(de.caseForm.label).fill(label);
    await this.waitForSaved();
    await expect(this.page).toHaveURL(/#\/cases\/[0-9a-f-]{36}\/edit$/);
    const id = /#\/cases\/([0-9a-f-]{36})\/edit/.exec(this.page.url())?.[1];
    if (!id) throw new Error('no case id in URL');
    await this.page.getByRole('link', { name: de.common.done }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: label })).toBeVisible();
    return id;
  }

  async addPerson(person: PersonInput): Promise<void> {
    await this.page.getByRole('link', { name: de.caseDetail.addPerson }).click();
    await this.field(de.person.familyName).fill(person.familyName);
    await this.field(de.person.givenNames).fill(person.givenNames);
    if (person.familyNameNative) {
      await this.field(de.person.familyNameNative).fill(person.familyNameNative);
    }
    if (person.dateOfBirth) await this.field(de.person.dateOfBirth).fill(person.dateOfBirth);
    if (person.iban) await this.field(de.person.iban).fill(person.iban);
    if (person.expiresOn) await this.field(de.person.expiresOn).fill(person.expiresOn);
    await this.waitForSaved();
    await this.page.getByRole('link', { name: de.common.done }).click();
  }

  async addAppointment(startsAt: string, purpose: string): Promise<void> {
    await this.page.getByRole('link', { name: de.caseDetail.addAppointment }).click();
    await this.field(de.appointment.startsAt).fill(startsAt);
    await this.field(de.appointment.purpose).fill(purpose);
    await this.waitForSaved();
    await this.page.getByRole('link', { name: de.common.done }).click();
  }

  async search(query: string): Promise<void> {
    await this.page.getByRole('searchbox').fill(query);
  }

  caseRows() {
    return this.page.locator('.case-list > li');
  }
}
