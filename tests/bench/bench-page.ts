// Shared pieces of the benchmark: browser context and page setup, waits for the case list,
// statistics and number formatting.
import type { BrowserContext, Page } from 'playwright-core';

export const VIEWPORT = { width: 360, height: 740 };
export const STEP_TIMEOUT_MS = 30_000;
/** Rows the case list shows first (its page size). */
export const FIRST_ROWS = 50;

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export const median = (values: number[]): number => percentile(values, 50);

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export const ms = (value: number, digits = 0): string => `${value.toFixed(digits)} ms`;
export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

// Code that runs in the page. tsx (esbuild with keepNames) wraps named functions in calls
// to `__name`, which does not exist in the page; this shim makes such code harmless.
export const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((fn) => fn);';

// Records how many rows were in the list at the moment the app set 'lotse:first-rows'
// (the mark itself is untouched: same name, same startTime).
export const FIRST_ROWS_PROBE = `(() => {
  const original = performance.mark.bind(performance);
  performance.mark = (name, options) => {
    const entry = original(name, options);
    if (name === 'lotse:first-rows') {
      globalThis.__benchRowsAtFirstRows = document.querySelectorAll('.case-list > li').length;
    }
    return entry;
  };
})();`;

export const contextOptions = {
  viewport: VIEWPORT,
  locale: 'de-DE',
  timezoneId: 'Europe/Berlin',
  serviceWorkers: 'allow' as const,
};

export async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  page.setDefaultNavigationTimeout(STEP_TIMEOUT_MS);
  return page;
}

/** The case list's frame is on screen (with an empty book there are no rows to wait for). */
export async function waitForCaseListScreen(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      Boolean(document.querySelector('main h1')?.textContent) &&
      document.querySelector('main .case-list') !== null,
  );
}

/** The whole book is loaded when the summary shows a count instead of "loading". */
export async function waitForFullBook(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const isLoaded = /\d/.test(document.querySelector('.list-summary')?.textContent ?? '');
      const probe = globalThis as unknown as { __benchFullBookAt?: number };
      if (isLoaded) probe.__benchFullBookAt ??= performance.now();
      return isLoaded;
    },
    null,
    { polling: 'raf' },
  );
}
