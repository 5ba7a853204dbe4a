// The core promise: after one visit, Lotse works with the network really off.
import { expect, test } from '@playwright/test';
import { LotseApp, SW_INSTALL_TIMEOUT, text } from './pages/lotse-app';

test('first visit installs the service worker; cases survive going offline and reloading', async ({
  page,
  context,
}) => {
  const app = new LotseApp(page);
  await app.open();
  await app.waitForServiceWorker();
  await expect(page.getByText(text.pwa.offlineReady)).toBeVisible({ timeout: SW_INSTALL_TIMEOUT });

  const manifest = await page.evaluate(async () => (await fetch('/manifest.webmanifest')).json());
  expect(manifest).toMatchObject({ short_name: 'Lotse', display: 'standalone', start_url: '/' });

  await app.createCase('Familie Haidari');
  await app.addPerson({
    familyName: 'Haidari',
    givenNames: 'Zahra',
    familyNameNative: 'حیدری',
    dateOfBirth: '1990',
  });
  await app.addPerson({ familyName: 'Haidari', givenNames: 'Ali', dateOfBirth: '03.2015' });
  await app.addAppointment('2030-03-04T09:30', 'Verlängerung Aufenthaltserlaubnis');

  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  await page.reload();
  await expect(page.getByText(text.pwa.offline)).toBeVisible();

  const household = page.getByRole('region', { name: text.caseDetail.household });
  await expect(household.locator('.item-list a')).toHaveCount(2);
  await expect(household.getByText('Haidari, Zahra')).toBeVisible();
  await expect(household.getByText('Haidari, Ali')).toBeVisible();
  await expect(household.getByText('März 2015')).toBeVisible();
  await expect(page.getByText('Verlängerung Aufenthaltserlaubnis')).toBeVisible();

  // Still editable offline.
  await household.getByText('Haidari, Ali').click();
  await app.field(text.person.givenNames).fill('Ali Reza');
  await app.waitForSaved();
  await page.getByRole('link', { name: text.common.done }).click();
  await expect(household.getByText('Haidari, Ali Reza')).toBeVisible();

  // A whole new case while offline, from the case list.
  await page.getByRole('link', { name: text.nav.cases }).click();
  await app.createCase('Familie Shevchenko');
  await app.addPerson({
    familyName: 'Shevchenko',
    givenNames: 'Olena',
    familyNameNative: 'Шевченко',
  });
  await page.reload();
  await expect(page.getByText('Shevchenko, Olena')).toBeVisible();

  await context.setOffline(false);
  await page.reload();
  await page.getByRole('link', { name: text.nav.cases }).click();
  await expect(app.caseRows()).toHaveCount(2);
  await expect(page.getByText(text.pwa.offline)).toHaveCount(0);
});
