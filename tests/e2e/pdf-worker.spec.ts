// The form engine runs in a Web Worker: pdf-lib never loads on the page's thread, the worker
// and its fonts come from the service worker's cache offline, the page keeps painting while a
// 733-field form is filled, and a worker that cannot start is a sentence, not a spinner forever.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page, type Worker } from '@playwright/test';
import de from '../../locales/de.json' with { type: 'json' };
import { LotseApp } from './pages/lotse-app';
import { FormsPage, formPath, slowExpect } from './pages/forms-page';
import { ids, seed } from './support/seed';

// The build the test server serves (playwright.config.ts: dist/ unless LOTSE_STATIC_DIR says).
const DIST = process.env.LOTSE_STATIC_DIR || join(import.meta.dirname, '../../dist');
const ELTERNGELD = 'de_berlin_elterngeld_antrag_aes256.pdf';
const WOHNUNGSGEBER = 'de_berlin_wohnungsgeberbestaetigung.pdf';
const WORKER_FILE = /\/assets\/pdf-worker-[\w-]+\.js$/;
/** Error texts of pdf-lib that survive minification: where they are, pdf-lib is. */
const PDF_LIB_MARKERS = ['Tried to remove inexistent field', 'Could not find page for PDFRef'];

const builtFile = (url: string): string => readFileSync(join(DIST, new URL(url).pathname), 'utf8');
const hasPdfLib = (source: string): boolean => PDF_LIB_MARKERS.some((m) => source.includes(m));

/** Every script the page's own thread loaded (the worker's loads are in its own timeline). */
const pageScripts = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    [
      // Module scripts, import() and modulepreload; a worker's own file is fetched by the page
      // too (initiator "other") but runs in the worker.
      ...performance
        .getEntriesByType('resource')
        .filter((entry) =>
          ['script', 'link'].includes((entry as PerformanceResourceTiming).initiatorType),
        )
        .map((entry) => entry.name),
      ...[...document.scripts].map((script) => script.src),
    ].filter((url) => /\.m?js$/.test(new URL(url, location.href).pathname)),
  );

type FrameProbe = { frames: number; longestGapMs: number; spanMs: number };

/**
 * Clicks "create PDF" and counts animation frames until the output is listed, all inside the
 * page: Playwright's own polling (accessible names over 733 fields) would busy the page's
 * thread and measure itself. A page thread busy with the engine paints no frames.
 */
const fillWhileCountingFrames = (page: Page, buttonText: string): Promise<FrameProbe> =>
  page.evaluate(async (buttonText) => {
    const times: number[] = [];
    let isRunning = true;
    const tick = (time: number) => {
      times.push(time);
      if (isRunning) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const button = [...document.querySelectorAll('button')].find(
      (b) => b.textContent?.trim() === buttonText,
    );
    if (!button) throw new Error('no create button');
    const listed = new Promise<void>((resolve) => {
      const isDone = () => document.querySelector('.output-list__item') !== null;
      const observer = new MutationObserver(() => {
        if (!isDone()) return;
        observer.disconnect();
        resolve();
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
    button.click();
    await listed;
    isRunning = false;
    const gaps = times.slice(1).map((time, i) => time - times[i]!);
    return {
      frames: times.length,
      longestGapMs: Math.max(0, ...gaps),
      spanMs: (times.at(-1) ?? 0) - (times[0] ?? 0),
    };
  }, buttonText);

// A 733-field form, twice through the engine, on a busy two-core machine.
test.describe.configure({ timeout: 180_000 });

test('the engine runs in a worker, offline, and the page keeps painting while Elterngeld is filled', async ({
  page,
  context,
}) => {
  const workers: Worker[] = [];
  page.on('worker', (worker) => workers.push(worker));
  const app = new LotseApp(page);
  const forms = new FormsPage(page);
  await seed(page);
  await app.waitForServiceWorker();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // The worker is in the service worker's precache with the rest of the app.
  const precached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    }
    return urls;
  });
  expect(precached.some((url) => WORKER_FILE.test(new URL(url).pathname))).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByText(de.pwa.offline)).toBeVisible();
  // Nothing of the engine on the first screen.
  expect(workers).toHaveLength(0);

  await forms.openLibrary();
  await forms.importFile(formPath(ELTERNGELD));
  await slowExpect(forms.importResult()).toContainText(
    de.forms.library.added.replace('{{name}}', ELTERNGELD),
  );
  await slowExpect(forms.importResult()).toContainText(de.forms.kind.encrypted);

  await page.goto(`/#/cases/${ids.haidari}`);
  await forms.startDraft(ELTERNGELD);
  const frames = await fillWhileCountingFrames(page, de.forms.output.create);
  await expect(forms.outputs()).toHaveCount(1);
  console.log(
    `Elterngeld fill: ${frames.frames} frames in ${frames.spanMs.toFixed(0)} ms, ` +
      `longest gap ${frames.longestGapMs.toFixed(0)} ms`,
  );

  // The engine ran in one worker, loaded from the build's worker file, fonts fetched there.
  const engineWorkers = workers.filter((worker) =>
    WORKER_FILE.test(new URL(worker.url()).pathname),
  );
  expect(engineWorkers).toHaveLength(1);
  const [engineWorker] = engineWorkers;
  expect(hasPdfLib(builtFile(engineWorker!.url()))).toBe(true);
  const workerLoads = await engineWorker!.evaluate(() =>
    performance.getEntriesByType('resource').map((entry) => entry.name),
  );
  expect(workerLoads.filter((url) => url.endsWith('.ttf'))).toHaveLength(2);

  // The page's own thread never loaded pdf-lib.
  const scripts = await pageScripts(page);
  expect(scripts.length).toBeGreaterThan(3);
  expect(scripts).not.toContain(engineWorker!.url());
  for (const url of scripts) {
    expect(hasPdfLib(builtFile(url)), `pdf-lib in the page's script ${url}`).toBe(false);
  }

  // The page kept painting while the worker filled: at least 10 frames a second, and no pause
  // longer than half the fill. (With the engine on the page's thread, as before: 11 frames in
  // 1.7 s, one pause of 1.5 s; in the worker: 74 frames in 1.2 s, longest pause 33 ms.)
  expect(frames.frames).toBeGreaterThan(frames.spanMs / 100);
  expect(frames.longestGapMs).toBeLessThan(frames.spanMs / 2);
  await context.setOffline(false);
});

test.describe('without the service worker', () => {
  test.use({ serviceWorkers: 'block' });

  test('a worker that cannot start is a clear message, and the next try starts afresh', async ({
    page,
  }) => {
    const forms = new FormsPage(page);
    await seed(page);
    await forms.openLibrary();
    await page.route(WORKER_FILE, (route) => route.abort('failed'));
    await forms.importFile(formPath(WOHNUNGSGEBER));
    await slowExpect(page.getByRole('alert')).toHaveText(de.forms.errors['pdf-engine-failed']);
    await expect(forms.libraryItems()).toHaveCount(0);

    await page.unroute(WORKER_FILE);
    await forms.importFile(formPath(WOHNUNGSGEBER));
    await slowExpect(forms.importResult()).toContainText(
      de.forms.library.added.replace('{{name}}', WOHNUNGSGEBER),
    );
    await expect(forms.libraryItems()).toHaveCount(1);
  });
});
