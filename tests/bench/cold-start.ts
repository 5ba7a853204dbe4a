// Cold starts: a new tab in a context that has the service worker and the seeded book,
// from navigation start to the app's 'lotse:first-rows' mark.
import type { BrowserContext } from 'playwright-core';
import { newPage, waitForFullBook } from './bench-page';

export type ColdStart = {
  firstRowsMs: number;
  rowsAtMark: number;
  rowsAfter: number;
  fullBookMs: number;
  htmlMs: number;
  controlled: boolean;
  /** The longest main-thread task between the first rows and search being ready. */
  longestTaskAfterFirstRowsMs: number;
};

// Collects long tasks (> 50 ms) from the start of the page.
export const LONG_TASK_PROBE = `(() => {
  globalThis.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) globalThis.__benchLongTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

export async function coldStart(context: BrowserContext, url: string): Promise<ColdStart> {
  const page = await newPage(context);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(
      () => performance.getEntriesByName('lotse:first-rows').length > 0,
      null,
      { polling: 'raf' },
    );
    await waitForFullBook(page);
    const fullBookMs = await page.evaluate(
      () => (globalThis as unknown as { __benchFullBookAt?: number }).__benchFullBookAt ?? NaN,
    );
    const result = await page.evaluate(() => {
      const mark = performance.getEntriesByName('lotse:first-rows')[0]!;
      const nav = performance.getEntriesByType('navigation')[0] as
        PerformanceNavigationTiming | undefined;
      return {
        firstRowsMs: mark.startTime,
        rowsAtMark: Number(
          (globalThis as unknown as { __benchRowsAtFirstRows?: number }).__benchRowsAtFirstRows ??
            -1,
        ),
        rowsAfter: document.querySelectorAll('.case-list > li').length,
        htmlMs: nav?.responseEnd ?? Number.NaN,
        controlled: navigator.serviceWorker.controller !== null,
        longTasks:
          (globalThis as unknown as { __benchLongTasks?: [number, number][] }).__benchLongTasks ??
          [],
      };
    });
    const { longTasks, ...rest } = result;
    const longestTaskAfterFirstRowsMs = Math.max(
      0,
      ...longTasks
        .filter(([start]) => start >= rest.firstRowsMs && start <= fullBookMs)
        .map(([, duration]) => duration),
    );
    return { ...rest, fullBookMs, longestTaskAfterFirstRowsMs };
  } finally {
    await page.close().catch(() => undefined);
  }
}
