// A full disk for browser tests: Chromium's own quota check refuses every further write with
// a real QuotaExceededError, as on a device with no space left. No root, no mounts.
//
// Storage.overrideQuotaForOrigin (DevTools protocol) sets the origin's quota to one byte, less
// than it already uses. Two Chromium details make this look ignored when it is not:
// - navigator.storage.estimate() never shows the override: Chromium reports the usage plus a
//   fixed figure, so estimate() cannot tell whether the disk is full;
// - IndexedDB trusts the quota manager's last answer for up to 30 seconds
//   (kBucketSpaceCacheTimeLimit in content/browser/indexed_db/instance/bucket_context.h), so
//   writes right after the override still succeed. `fillDisk` therefore waits until a tiny
//   probe write into a scratch database of the same origin is refused.
import { expect, type Page } from '@playwright/test';

export type FullDisk = {
  /** Gives the origin its normal quota back: the user has made room. */
  free(): Promise<void>;
};

/** Error name of a tiny IndexedDB write in a scratch database, or 'ok'. */
function probeWrite(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const open = indexedDB.open('lotse-e2e-disk-probe', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('probe');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('probe database did not open'));
    });
    try {
      const tx = db.transaction('probe', 'readwrite');
      tx.objectStore('probe').put(`probe ${Date.now()}`, 'probe');
      return await new Promise<string>((resolve) => {
        tx.oncomplete = () => resolve('ok');
        tx.onabort = () => resolve(tx.error?.name ?? 'aborted');
      });
    } finally {
      db.close();
    }
  });
}

/** Makes the disk of the page's origin full and waits until Chromium refuses writes. */
export async function fillDisk(page: Page): Promise<FullDisk> {
  const origin = new URL(page.url()).origin;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
  await expect
    .poll(() => probeWrite(page), {
      message: 'Chromium still accepts IndexedDB writes although the quota is one byte',
      timeout: 90_000,
      intervals: [2_000],
    })
    .toBe('QuotaExceededError');
  return {
    async free() {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
      await cdp.detach();
    },
  };
}
