// Every mounted editor registers its flush function here, so that leaving the page,
// hiding the app or applying an update first writes what was typed.

type Flush = () => Promise<void>;
const flushes = new Set<Flush>();

export function registerFlush(flush: Flush): () => void {
  flushes.add(flush);
  return () => flushes.delete(flush);
}

export async function flushAll(): Promise<void> {
  await Promise.all([...flushes].map((flush) => flush()));
}

export function flushOnPageHide(): void {
  const flush = () => void flushAll();
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
}
