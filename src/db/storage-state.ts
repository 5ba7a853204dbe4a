// Browser storage safety: persistence and quota (StorageManager API).

export type StorageState = {
  isPersisted: boolean | null;
  usage: number | null;
  quota: number | null;
};

export async function readStorageState(): Promise<StorageState> {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  const [isPersisted, estimate] = await Promise.all([
    storage?.persisted ? storage.persisted().catch(() => null) : Promise.resolve(null),
    storage?.estimate ? storage.estimate().catch(() => null) : Promise.resolve(null),
  ]);
  return {
    isPersisted,
    usage: estimate?.usage ?? null,
    quota: estimate?.quota ?? null,
  };
}

/** Asks the browser not to evict Lotse's data. Returns whether storage is now persistent. */
export async function requestPersistence(): Promise<boolean> {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!storage?.persist) return false;
  try {
    return await storage.persist();
  } catch {
    return false;
  }
}

/**
 * Safari (iOS, iPadOS) deletes the storage of sites that are not installed after seven days
 * without use; an app added to the home screen is exempt.
 */
export function needsHomeScreenHint(userAgent: string, isStandalone: boolean): boolean {
  if (isStandalone) return false;
  const isAppleMobile = /iPhone|iPad|iPod/.test(userAgent);
  const isSafari = /Safari\//.test(userAgent) && !/Chrome\/|Chromium\/|Android/.test(userAgent);
  const isIpadDesktopMode = /Macintosh/.test(userAgent) && isSafari;
  return isAppleMobile || isIpadDesktopMode || isSafari;
}
