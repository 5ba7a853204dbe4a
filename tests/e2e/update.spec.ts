// A new version is announced, never forced: the page does not reload on its own, and what
// the user was typing is saved before the update takes over.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startAppServerWithCopy, type AppServer } from '../helpers/app-server';
import { LotseApp, SW_INSTALL_TIMEOUT, text } from './pages/lotse-app';

/**
 * Asks the browser to look for a new service worker, as it does on navigation or when the app
 * becomes visible. Chromium answers InvalidStateError while the first worker is still settling
 * in, so retry until the check has run.
 */
async function checkForUpdate(page: Page): Promise<void> {
  await expect(async () => {
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      if (!registration) throw new Error('no registration');
      await registration.update();
    });
  }).toPass({ timeout: SW_INSTALL_TIMEOUT });
  // The new worker installs (reading the precache) before it waits; on a busy two-core
  // machine that can take longer than an ordinary expectation.
  await page.waitForFunction(
    async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting),
    undefined,
    { timeout: SW_INSTALL_TIMEOUT },
  );
}

let server: AppServer;
test.beforeEach(async () => {
  server = await startAppServerWithCopy();
});
test.afterEach(async () => {
  await server.stop();
});

test('the update prompt waits for the user and keeps a half-typed entry', async ({ page }) => {
  const app = new LotseApp(page);
  await app.open(`${server.url}/`);
  await app.waitForServiceWorker();
  await app.createCase('Familie Rahimi');
  await page.getByRole('link', { name: text.common.edit }).click();
  await app.field(text.caseForm.notes).fill('Termin beim Jobcenter');
  await app.waitForSaved();
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));

  // Ship a new version: a byte-different service worker script.
  appendFileSync(join(server.staticDir, 'sw.js'), '\n// version 2\n');
  await checkForUpdate(page);

  const prompt = page.getByTestId('update-prompt');
  await expect(prompt).toContainText(text.pwa.updateReady);
  // Nothing reloaded under the user, and "Later" just hides the prompt.
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe(
    'same page',
  );
  await expect(app.field(text.caseForm.notes)).toHaveValue('Termin beim Jobcenter');

  // Type and update at once, inside the autosave delay: the update must save first.
  await app.field(text.caseForm.notes).pressSequentially(' mitbringen: Pass', { delay: 10 });
  await prompt.getByRole('button', { name: text.pwa.updateNow }).click();
  await page.waitForFunction(() => !(window as unknown as { marker?: string }).marker);
  await expect(app.field(text.caseForm.notes)).toHaveValue(
    'Termin beim Jobcenter mitbringen: Pass',
  );
  const version2 = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    const script = registration?.active?.scriptURL;
    return script ? (await (await fetch(script)).text()).includes('version 2') : false;
  });
  expect(version2).toBe(true);
});

test('"Later" hides the prompt without reloading', async ({ page }) => {
  const app = new LotseApp(page);
  await app.open(`${server.url}/`);
  await app.waitForServiceWorker();
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));
  appendFileSync(join(server.staticDir, 'sw.js'), '\n// version 2\n');
  await checkForUpdate(page);
  const prompt = page.getByTestId('update-prompt');
  await expect(prompt).toBeVisible();
  await prompt.getByRole('button', { name: text.pwa.later }).click();
  await expect(prompt).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe(
    'same page',
  );
});
