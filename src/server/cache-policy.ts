// Vite puts content-hashed files under /assets/: they never change, cache them for a year.
// Everything else (index.html, sw.js, registerSW.js, workbox-*.js, the manifest, icons) keeps
// its name across releases, so the browser must revalidate it every time (cheap: ETag → 304).
export const immutable = 'public, max-age=31536000, immutable';
export const revalidate = 'no-cache';

export function cacheControlFor(segments: readonly string[]): string {
  return segments.length > 1 && segments[0] === 'assets' ? immutable : revalidate;
}
