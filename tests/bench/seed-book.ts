// Writes the generated case book straight into the app's IndexedDB after a first visit.
import type { BrowserContext } from 'playwright-core';
import { newPage, waitForCaseListScreen } from './bench-page';
import { generateSeedData, type SeedCounts } from './seed-data';

export async function seedBook(
  context: BrowserContext,
  url: string,
  counts: SeedCounts,
  seed: number,
): Promise<{ seedMs: number }> {
  const page = await newPage(context);
  // First visit: the app creates the database with its schema and installs the service worker.
  await page.goto(url);
  await waitForCaseListScreen(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });

  // Seed from a same-origin page that does not run the app, so no live query re-reads the
  // book after every chunk.
  await page.goto(`${url}/api/health`);
  const started = performance.now();
  const data = generateSeedData(counts, { seed, today: new Date() });
  const stores = await page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const request = indexedDB.open('lotse');
        request.onupgradeneeded = () => {
          request.transaction?.abort();
          reject(new Error('IndexedDB "lotse" does not exist: the app did not create it'));
        };
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const names = [...request.result.objectStoreNames];
          request.result.close();
          resolve(names);
        };
      }),
  );
  for (const store of ['cases', 'persons', 'appointments']) {
    if (!stores.includes(store)) throw new Error(`object store ${store} missing in "lotse"`);
  }

  const CHUNK = 5_000;
  const tables = [
    ['cases', data.cases],
    ['persons', data.persons],
    ['appointments', data.appointments],
  ] as const;
  for (const [store, records] of tables) {
    for (let i = 0; i < records.length; i += CHUNK) {
      const json = JSON.stringify(records.slice(i, i + CHUNK));
      await page.evaluate(
        async ({ store, json }) => {
          const records = JSON.parse(json) as unknown[];
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const request = indexedDB.open('lotse');
            request.onerror = () => reject(request.error);
            request.onsuccess = () => resolve(request.result);
          });
          try {
            await new Promise<void>((resolve, reject) => {
              const tx = db.transaction(store, 'readwrite', { durability: 'relaxed' });
              const objects = tx.objectStore(store);
              for (const record of records) objects.put(record);
              tx.oncomplete = () => resolve();
              tx.onerror = () => reject(tx.error);
              tx.onabort = () => reject(tx.error ?? new Error(`transaction on ${store} aborted`));
            });
          } finally {
            db.close();
          }
        },
        { store, json },
      );
    }
  }

  const stored = await page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const request = indexedDB.open('lotse');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction(['cases', 'persons', 'appointments', 'notes'], 'readonly');
          const result: Record<string, number> = {};
          for (const name of ['cases', 'persons', 'appointments', 'notes']) {
            const count = tx.objectStore(name).count();
            count.onsuccess = () => {
              result[name] = count.result;
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(result);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  if (
    stored.cases !== counts.cases ||
    stored.persons !== counts.persons ||
    stored.appointments !== counts.appointments ||
    stored.notes !== 0
  ) {
    throw new Error(`seeded counts are wrong: ${JSON.stringify(stored)}`);
  }
  const seedMs = performance.now() - started;
  await page.close();
  return { seedMs };
}
