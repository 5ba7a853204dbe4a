// Files other apps shared with Lotse (Web Share Target). The service worker parks them in
// Cache Storage (public/share-target-sw.js); the form library takes them from there once.
const SHARE_CACHE = 'lotse-share-target';

export type SharedFile = { name: string; bytes: Uint8Array };

export async function takeSharedFiles(): Promise<SharedFile[]> {
  if (typeof caches === 'undefined') return [];
  try {
    const cache = await caches.open(SHARE_CACHE);
    const files: SharedFile[] = [];
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      await cache.delete(request);
      if (!response) continue;
      const name = decodeURIComponent(response.headers.get('x-file-name') ?? 'shared.pdf');
      files.push({ name, bytes: new Uint8Array(await response.arrayBuffer()) });
    }
    return files;
  } catch (error) {
    // Cache Storage can be unavailable (private windows): then nothing was shared.
    console.error('shared files unavailable', error);
    return [];
  }
}
