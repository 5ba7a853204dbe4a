// The case and person fields the form packs read (move-in date, previous address, landlord,
// marital status) are edited, checked and autosaved like the others.
import { expect, test } from '@playwright/test';
import { LotseApp, text } from './pages/lotse-app';

test('move-in date, previous address, landlord and marital status are saved and shown', async ({
  page,
}) => {
  const app = new LotseApp(page);
  await app.open();
  const caseId = await app.createCase('Familie Rahimi');
  await page.getByRole('link', { name: text.common.edit }).click();
  await expect(page).toHaveURL(new RegExp(`#/cases/${caseId}/edit$`));

  await app.field(text.caseForm.moveInDate).fill('2031-01-15'); // years ahead: a mistyped year
  await expect(page.getByText(text.errors['date-future'])).toBeVisible();
  await app.field(text.caseForm.moveInDate).fill('2025-10-01');
  await app.field(text.caseForm.previousStreet).fill('Hauptstraße 3');
  await app.field(text.caseForm.previousPostalCode).fill('123');
  await expect(page.getByText(text.errors['postal-code-format'])).toBeVisible();
  await app.field(text.caseForm.previousPostalCode).fill('12345');
  await app.field(text.caseForm.previousCity).fill('Berlin');
  await app.field(text.caseForm.landlordName).fill('WBG Dresden eG');
  await app.field(text.caseForm.landlordPostalCode).fill('01067');
  await expect(page.locator('.field__error')).toHaveCount(0);
  await app.waitForSaved();

  await page.reload();
  await expect(app.field(text.caseForm.moveInDate)).toHaveValue('2025-10-01');
  await expect(app.field(text.caseForm.previousCity)).toHaveValue('Berlin');
  await expect(app.field(text.caseForm.landlordName)).toHaveValue('WBG Dresden eG');
  await page.getByRole('link', { name: text.common.done }).click();
  await expect(page.getByText('Eingezogen am 01.10.2025')).toBeVisible();
  await expect(page.getByText('Wohnungsgeber: WBG Dresden eG')).toBeVisible();

  await page.getByRole('link', { name: text.caseDetail.addPerson }).click();
  await app.field(text.person.familyName).fill('Rahimi');
  await app.field(text.person.maritalStatus).selectOption({
    label: text.options.maritalStatus.separated,
  });
  await app.waitForSaved();
  await page.reload();
  await expect(app.field(text.person.maritalStatus)).toHaveValue('separated');
});
