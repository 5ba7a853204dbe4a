// A form imported on one device reaches the other with its PDF, which travels as an
// encrypted blob. While B cannot download blobs, its library lists the form and says the
// PDF is not on this device yet; once the network lets it through, the note goes and the
// PDF in B's IndexedDB is byte for byte the file A imported.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import de from '../../locales/de.json' with { type: 'json' };
import { FormsPage, formPath, slowExpect } from './pages/forms-page';
import { openDevice } from './support/device';

const FILE = 'de_berlin_wohnungsgeberbestaetigung.pdf';

async function device(browser: Browser, baseURL: string | undefined) {
  // No service worker: page.route must see every request (a worker's fetches bypass it).
  const phone = await openDevice(browser, baseURL, { serviceWorkers: 'block' });
  return { ...phone, forms: new FormsPage(phone.page) };
}

/** SHA-256 (hex) of every PDF in the device's form library (IndexedDB `formFiles`). */
function formFileHashes(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const request = indexedDB.open('lotse');
        request.onerror = () => reject(new Error('cannot open the database'));
        request.onsuccess = () => {
          const read = request.result.transaction('formFiles').objectStore('formFiles').getAll();
          read.onerror = () => reject(new Error('cannot read formFiles'));
          read.onsuccess = async () => {
            request.result.close();
            const rows = read.result as { bytes: Uint8Array }[];
            const hashes = await Promise.all(
              rows.map(async ({ bytes }) => {
                const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(bytes));
                return Array.from(new Uint8Array(digest), (b) =>
                  b.toString(16).padStart(2, '0'),
                ).join('');
              }),
            );
            resolve(hashes);
          };
        };
      }),
  );
}

test('a form imported on one device arrives with its PDF on the other', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const a = await device(browser, baseURL);
  const b = await device(browser, baseURL);

  await a.team.createTeam();
  const link = await a.team.inviteLink();
  await a.app.open('/#/forms');
  await a.forms.importFile(formPath(FILE));
  await slowExpect(a.forms.libraryItems()).toHaveCount(1);
  await expect(a.team.indicator()).toHaveAttribute('data-state', 'synced', { timeout: 30_000 });

  // B's blob downloads fail; the record itself syncs.
  const blobs = '**/api/v1/blobs/**';
  await b.page.route(blobs, (route) => route.abort('connectionreset'));
  await b.team.join(link);
  await b.app.open('/#/forms');
  const item = b.forms.libraryItems();
  await expect(item).toHaveCount(1, { timeout: 30_000 });
  await expect(item).toContainText(FILE);
  await expect(item.getByText(de.forms.onDevice.formMissing)).toBeVisible();
  expect(await formFileHashes(b.page)).toEqual([]);

  // The network lets blobs through again; coming online syncs at once.
  await b.page.unroute(blobs);
  await b.page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(item.getByText(de.forms.onDevice.formMissing)).toBeHidden({ timeout: 30_000 });
  const expected = createHash('sha256')
    .update(readFileSync(formPath(FILE)))
    .digest('hex');
  expect(await formFileHashes(b.page)).toEqual([expected]);

  await a.context.close();
  await b.context.close();
});
