// Web Share Target (manifest `share_target`): another app shares a PDF with Lotse as a POST
// of multipart form data. This handler, imported into the generated service worker, parks the
// files in Cache Storage and opens the form library, which imports them (ui/shared-files.ts).
// Only POSTs to /share-target are handled here; everything else stays with Workbox.
const SHARE_CACHE = 'lotse-share-target';

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (
    event.request.method !== 'POST' ||
    url.origin !== self.location.origin ||
    url.pathname !== '/share-target'
  ) {
    return;
  }
  event.respondWith(
    (async () => {
      try {
        const data = await event.request.formData();
        const cache = await caches.open(SHARE_CACHE);
        const files = data.getAll('pdf').filter((f) => typeof f !== 'string');
        for (const [index, file] of files.entries()) {
          const headers = {
            'content-type': file.type || 'application/pdf',
            'x-file-name': encodeURIComponent(file.name || 'shared.pdf'),
          };
          await cache.put(`/shared-file/${Date.now()}-${index}`, new Response(file, { headers }));
        }
      } catch (error) {
        console.error('share target', error);
      }
      return Response.redirect('/#/forms', 303);
    })(),
  );
});
