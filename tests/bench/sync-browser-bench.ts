// Initial sync of the real app in Chromium: 10,000 cases with 3 persons each (40,000 records,
// the Node benchmark's book, sync-initial-data.ts) arrive on a fresh phone through the app's
// own code — HTTP transport with binary pull pages, AES-GCM decryption, the Dexie store
// (src/db/sync-local-store.ts) in IndexedDB. The Node figure (sync-initial.ts) uses the
// in-memory reference store and so hides IndexedDB's cost; this one is what a user waits.
//
// Not timed: device A creates a team through the UI and makes an invite link; the book is
// written into A's tables WITH an outbox entry per record (as the repositories do), and A's
// own sync encrypts and pushes it, until A's indicator says synced. Device B (a fresh browser
// context, service worker installed first, like a phone that opened the link and typed a
// passphrase) joins through the UI, which starts its first sync; B stays on the screen the
// app shows after joining (the team screen).
//
// Timed in B's page: from the start of its first GET /api/v1/sync/pull (Resource Timing) until
// the sync indicator says `data-state="synced"` — published when the run that pulled
// everything has finished (the status is derived from facts: never "synced" before the run
// set lastSyncedAt). Also: when the last pull response ended, B's renderer CPU time for the
// same span, the longest main-thread task and animation-frame gap, and 429 answers. B's
// IndexedDB must then hold exactly 10,000 cases and 30,000 persons equal to the plaintext
// (a sample is compared field by field), else the benchmark fails.
//
// The server is the production build (dist-server) in its own process with a temporary
// DATA_DIR (SQLite) and its default rate limits, serving the same build as the rest of the
// benchmark. Run alone: `BENCH_ONLY=sync-browser npm run bench` (SYNC_BROWSER_CASES=10000).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import de from '../../locales/de.json' with { type: 'json' };
import { syncLimits, syncPaths } from '../../src/shared/sync-protocol';
import { startAppServer, type AppServer } from '../helpers/app-server';
import { contextOptions, ms, NAME_SHIM, newPage } from './bench-page';
import {
  INITIAL_CASES,
  initialSyncBook,
  plaintextBytes,
  type InitialBook,
} from './sync-initial-data';

export type SyncBrowserResult = {
  cases: number;
  persons: number;
  plaintextBytes: number;
  /** The page size the app asks for (it passes none: the protocol's default). */
  pullPageSize: number;
  /** First pull request started → indicator "synced". */
  syncedMs: number;
  /** First pull request started → last pull response received. */
  lastPullMs: number;
  pullRequests: number;
  rateLimited: number;
  /** CPU time of Chromium's renderer processes (B's page, only B open) in the same span. */
  rendererCpuMs: number;
  longestTaskMs: number;
  /** Sum of main-thread tasks over 50 ms in the span. */
  longTasksTotalMs: number;
  /** Animation frames drawn in the span (headless Chromium draws them too). */
  frames: number;
  longestFrameGapMs: number;
  /** Not timed: A encrypting and pushing the book (and pulling it back) until synced. */
  seedPushMs: number;
  seedRateLimited: number;
  loadAverage: string;
};

const TEAM_TIMEOUT_MS = 120_000;
const SEED_SYNC_TIMEOUT_MS = 20 * 60_000;
const SYNC_TIMEOUT_MS = 20 * 60_000;
const WRITE_CHUNK = 5_000;
const SAMPLE_EVERY = 97;
const PASSPHRASE = 'ein langer Satz als Passphrase für den Benchmark';
const team = de.sync.team;

// In B's page from its first document on: pull requests (Resource Timing), the sync
// indicator's states with their times, long tasks and long gaps between animation frames.
const SYNC_PROBE = `(() => {
  const probe = { pulls: [], states: [], longTasks: [], frames: [] };
  globalThis.__benchSync = probe;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.name.includes('${syncPaths.pull}')) probe.pulls.push([e.startTime, e.responseEnd]);
      }
    }).observe({ type: 'resource', buffered: true });
  } catch {}
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const tick = (time) => {
    probe.frames.push(time);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  let state = null;
  const look = () => {
    const next = document.querySelector('[data-testid="sync-indicator"]')?.getAttribute('data-state') ?? null;
    if (next !== state) {
      state = next;
      probe.states.push([performance.now(), next]);
    }
  };
  new MutationObserver(look).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-state'],
  });
})();`;

type Probe = {
  pulls: [number, number][];
  states: [number, string | null][];
  longTasks: [number, number][];
  /** Every animation frame's time. */
  frames: number[];
};

/** The production server on a fresh SQLite database (DATA_DIR is read from the environment). */
async function startSyncServer(staticDir: string): Promise<AppServer> {
  const dataDir = await mkdtemp(join(os.tmpdir(), 'lotse-bench-sync-browser-'));
  const saved = process.env.DATA_DIR;
  process.env.DATA_DIR = dataDir;
  try {
    const server = await startAppServer(staticDir);
    return {
      ...server,
      async stop() {
        await server.stop();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  } finally {
    if (saved === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = saved;
  }
}

/** CPU seconds of all renderer processes (Chromium's SystemInfo domain). */
async function rendererCpuSeconds(browser: Browser): Promise<number> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
    return processInfo.filter((p) => p.type === 'renderer').reduce((s, p) => s + p.cpuTime, 0);
  } finally {
    await cdp.detach();
  }
}

async function fillPassphrase(page: Page, form: string): Promise<void> {
  const scope = page.getByTestId(form);
  await scope.getByLabel(team.passphrase, { exact: true }).fill(PASSPHRASE);
  await scope.getByLabel(team.passphraseRepeat, { exact: true }).fill(PASSPHRASE);
}

async function waitForRole(page: Page, role: string): Promise<void> {
  await page.waitForFunction(
    (role) => document.querySelector('[data-testid="team-role"]')?.textContent?.trim() === role,
    role,
    { timeout: TEAM_TIMEOUT_MS, polling: 250 },
  );
}

async function waitForSynced(page: Page, timeout: number): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="sync-indicator"]')?.getAttribute('data-state') ===
      'synced',
    null,
    { timeout, polling: 1_000 },
  );
}

async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

/** Device A: creates the team, makes an invite link, pushes the book. */
async function seedTeam(
  context: BrowserContext,
  url: string,
  book: InitialBook,
): Promise<{ inviteHash: string; seedPushMs: number; seedRateLimited: number }> {
  const page = await newPage(context);
  page.on('pageerror', (error) => console.error(`  A: ${error.message}`));
  let rateLimited = 0;
  page.on('response', (response) => {
    if (response.url().includes('/api/') && response.status() === 429) rateLimited += 1;
  });
  await page.goto(`${url}/#/team`);
  await waitForServiceWorker(page);
  await fillPassphrase(page, 'create-team-form');
  await page.getByRole('button', { name: team.create, exact: true }).click();
  await waitForRole(page, team.roleAdmin);
  // The admin's keys are unlocked in this session only: the link is made before reloading.
  await page.getByTestId('create-invite').click();
  const linkField = page.getByTestId('invite-link');
  await page.waitForFunction(
    () =>
      /#invite=/.test(
        (document.querySelector('[data-testid="invite-link"]') as HTMLInputElement | null)?.value ??
          '',
      ),
    null,
    { timeout: TEAM_TIMEOUT_MS },
  );
  const inviteHash = new URL(await linkField.inputValue()).hash;

  // The book with its outbox entries, written from a same-origin page that does not run the
  // app (as seed-book.ts does), in the shape the repositories write (record-repository.ts).
  await page.goto(`${url}/api/health`);
  const changedAt = new Date().toISOString();
  const tables = [
    ['cases', 'case', book.cases],
    ['persons', 'person', book.persons],
  ] as const;
  for (const [store, kind, records] of tables) {
    for (let i = 0; i < records.length; i += WRITE_CHUNK) {
      const json = JSON.stringify(records.slice(i, i + WRITE_CHUNK));
      await page.evaluate(
        async ({ store, kind, json, changedAt }) => {
          const records = JSON.parse(json) as { id: string }[];
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const request = indexedDB.open('lotse');
            request.onerror = () => reject(request.error);
            request.onsuccess = () => resolve(request.result);
          });
          try {
            await new Promise<void>((resolve, reject) => {
              const tx = db.transaction([store, 'outbox'], 'readwrite');
              const objects = tx.objectStore(store);
              const outbox = tx.objectStore('outbox');
              for (const record of records) {
                objects.put(record);
                outbox.add({ kind, recordId: record.id, op: 'put', changedAt });
              }
              tx.oncomplete = () => resolve();
              tx.onerror = () => reject(tx.error);
              tx.onabort = () => reject(tx.error ?? new Error(`transaction on ${store} aborted`));
            });
          } finally {
            db.close();
          }
        },
        { store, kind, json, changedAt },
      );
    }
  }
  const started = performance.now();
  await page.goto(`${url}/#/team`);
  await waitForSynced(page, SEED_SYNC_TIMEOUT_MS);
  const seedPushMs = performance.now() - started;
  const left = await countRecords(page);
  if (left.outbox !== 0) throw new Error(`A still has ${left.outbox} outbox entries`);
  await page.close();
  return { inviteHash, seedPushMs, seedRateLimited: rateLimited };
}

type Counts = { cases: number; persons: number; outbox: number; syncProblems: number };

const countRecords = (page: Page): Promise<Counts> =>
  page.evaluate(
    () =>
      new Promise<Counts>((resolve, reject) => {
        const request = indexedDB.open('lotse');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const names = ['cases', 'persons', 'outbox', 'syncProblems'] as const;
          const tx = db.transaction([...names], 'readonly');
          const result = { cases: -1, persons: -1, outbox: -1, syncProblems: -1 };
          for (const name of names) {
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

/** Every SAMPLE_EVERY-th record of the book as B stored it. */
const readSample = (page: Page, store: string, ids: string[]): Promise<unknown[]> =>
  page.evaluate(
    ({ store, ids }) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = indexedDB.open('lotse');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction(store, 'readonly');
          const result: unknown[] = [];
          ids.forEach((id, index) => {
            const read = tx.objectStore(store).get(id);
            read.onsuccess = () => {
              result[index] = read.result;
            };
          });
          tx.oncomplete = () => {
            db.close();
            resolve(result);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { store, ids },
  );

async function checkStored(page: Page, book: InitialBook): Promise<void> {
  const counts = await countRecords(page);
  if (
    counts.cases !== book.cases.length ||
    counts.persons !== book.persons.length ||
    counts.outbox !== 0 ||
    counts.syncProblems !== 0
  ) {
    throw new Error(`B's initial sync is incomplete: ${JSON.stringify(counts)}`);
  }
  for (const [store, records] of [
    ['cases', book.cases],
    ['persons', book.persons],
  ] as const) {
    const expected = records.filter((_, index) => index % SAMPLE_EVERY === 0);
    const stored = await readSample(
      page,
      store,
      expected.map((r) => r.id),
    );
    const differ = expected.filter((record, index) => !isDeepStrictEqual(stored[index], record));
    if (differ.length > 0) {
      throw new Error(`${differ.length} of ${expected.length} sampled ${store} differ on B`);
    }
  }
}

const within = (entries: [number, number][], from: number, to: number) =>
  entries.filter(([start, duration]) => start + duration > from && start < to);

/** `onServer` hears of the part's own server (and of null once stopped), for cleanup on signals. */
export async function runSyncBrowserBench(
  browser: Browser,
  staticDir: string,
  onServer: (server: AppServer | null) => void = () => undefined,
): Promise<SyncBrowserResult> {
  const book = initialSyncBook(Number(process.env.SYNC_BROWSER_CASES ?? INITIAL_CASES));
  const server = await startSyncServer(staticDir);
  onServer(server);
  const contexts: BrowserContext[] = [];
  try {
    const { url } = server;
    const a = await browser.newContext(contextOptions);
    contexts.push(a);
    await a.addInitScript(NAME_SHIM);
    console.log(
      `  A: creating a team, pushing ${book.cases.length.toLocaleString('en')} cases and ` +
        `${book.persons.length.toLocaleString('en')} persons (not timed) …`,
    );
    const { inviteHash, seedPushMs, seedRateLimited } = await seedTeam(a, url, book);
    console.log(`  A synced after ${ms(seedPushMs)} (${seedRateLimited} answers 429)`);
    await a.close();
    contexts.pop();

    const b = await browser.newContext(contextOptions);
    contexts.push(b);
    await b.addInitScript(NAME_SHIM);
    await b.addInitScript(SYNC_PROBE);
    const page = await newPage(b);
    page.on('pageerror', (error) => console.error(`  B: ${error.message}`));
    // Opening the link is the phone's first visit; the service worker's precache finishes
    // while the user types a passphrase, so it is waited for here.
    await page.goto(`${url}/${inviteHash}`);
    await page.getByTestId('join-form').waitFor();
    await waitForServiceWorker(page);
    await fillPassphrase(page, 'join-form');

    let pullRequests = 0;
    let rateLimited = 0;
    const cpu: { atFirstPull?: Promise<number> } = {};
    page.on('request', (request) => {
      if (!request.url().includes(syncPaths.pull)) return;
      pullRequests += 1;
      cpu.atFirstPull ??= rendererCpuSeconds(browser);
    });
    page.on('response', (response) => {
      if (response.url().includes('/api/') && response.status() === 429) rateLimited += 1;
    });
    console.log('  B: joining; its first sync is timed …');
    await page.getByRole('button', { name: team.join, exact: true }).click();
    await waitForRole(page, team.roleMember);
    await waitForSynced(page, SYNC_TIMEOUT_MS);
    const cpuAtSynced = await rendererCpuSeconds(browser);
    const probe = await page.evaluate(
      () => (globalThis as unknown as { __benchSync: Probe }).__benchSync,
    );
    const firstPull = probe.pulls.reduce((min, [start]) => Math.min(min, start), Infinity);
    const syncedAt = probe.states.find(([, state]) => state === 'synced')?.[0];
    // The events long-poll may start another run (and pull) once the first has finished.
    const lastPullEnd = probe.pulls
      .filter(([start]) => syncedAt === undefined || start < syncedAt)
      .reduce((max, [, end]) => Math.max(max, end), -Infinity);
    if (!Number.isFinite(firstPull) || syncedAt === undefined || !cpu.atFirstPull) {
      throw new Error(
        `B's probe saw no pull or no "synced" state: ${JSON.stringify(probe.states)}`,
      );
    }
    await checkStored(page, book);
    const tasks = within(probe.longTasks, firstPull, syncedAt);
    const frames = probe.frames.filter((time) => time >= firstPull && time <= syncedAt);
    // The gaps between frames in the span, its edges included.
    const frameTimes = [firstPull, ...frames, syncedAt];
    const gaps = frameTimes.slice(1).map((time, index) => time - frameTimes[index]!);
    const result: SyncBrowserResult = {
      cases: book.cases.length,
      persons: book.persons.length,
      plaintextBytes: plaintextBytes(book),
      pullPageSize: syncLimits.defaultPullLimit,
      syncedMs: syncedAt - firstPull,
      lastPullMs: lastPullEnd - firstPull,
      pullRequests,
      rateLimited,
      rendererCpuMs: (cpuAtSynced - (await cpu.atFirstPull)) * 1000,
      longestTaskMs: Math.max(0, ...tasks.map(([, d]) => d)),
      longTasksTotalMs: tasks.reduce((sum, [, d]) => sum + d, 0),
      frames: frames.length,
      longestFrameGapMs: Math.max(...gaps),
      seedPushMs,
      seedRateLimited,
      loadAverage: os
        .loadavg()
        .map((v) => v.toFixed(2))
        .join(' / '),
    };
    console.log(
      `  B synced ${ms(result.syncedMs)} after its first pull request (last pull answer at ` +
        `${ms(result.lastPullMs)}, ${pullRequests} pull requests, ${rateLimited} answered 429); ` +
        `renderer CPU ${ms(result.rendererCpuMs)}, longest task ${ms(result.longestTaskMs)}, ` +
        `long tasks ${ms(result.longTasksTotalMs)} in all, longest frame gap ` +
        `${ms(result.longestFrameGapMs)} (${result.frames} frames)`,
    );
    return result;
  } finally {
    for (const context of contexts) await context.close().catch(() => undefined);
    onServer(null);
    await server.stop();
  }
}

export function syncBrowserSection(result: SyncBrowserResult): string {
  const records = result.cases + result.persons;
  const perThousand = result.syncedMs / (records / 1000);
  return `## Initial sync in Chromium (the app, into IndexedDB)

The initial sync as a user meets it (tests/bench/sync-browser-bench.ts): ${result.cases.toLocaleString('en')}
cases with 3 persons each (${records.toLocaleString('en')} records, ${(result.plaintextBytes / 1024 / 1024).toFixed(1)} MiB of plaintext JSON, the book
of the Node initial sync) arrive on a fresh phone through the app's own code — the production
build's HTTP transport (binary pull pages of ${result.pullPageSize}, the app's default), AES-GCM
decryption and the Dexie store in IndexedDB (src/db/sync-local-store.ts). Device A created the
team in the UI and pushed the book with its own sync (its outbox; not timed:
${ms(result.seedPushMs)}, ${result.seedRateLimited} requests answered 429); device B, a fresh browser context with its service worker installed,
joined through the invite link and stayed on the team screen. Timed in B's page from the start
of its first pull request until the sync indicator says "synced" (the run that pulled everything
has finished); B's IndexedDB then held every case and person, and a sample of them equal to the
plaintext. "Renderer CPU" is the CPU time of Chromium's renderer processes over the same span
(only B open). Production server (SQLite, default rate limits) on this machine.

| measure | result |
| --- | ---: |
| first pull request → indicator "synced" | ${ms(result.syncedMs)} |
| per 1,000 records | ${ms(perThousand)} |
| first pull request → last pull answer received | ${ms(result.lastPullMs)} |
| last pull answer → "synced" (last page stored, end of the run, status) | ${ms(result.syncedMs - result.lastPullMs)} |
| pull requests (answered 429) | ${result.pullRequests} (${result.rateLimited}) |
| renderer CPU | ${ms(result.rendererCpuMs)} |
| longest main-thread task / long tasks in all | ${ms(result.longestTaskMs)} / ${ms(result.longTasksTotalMs)} |
| longest gap between animation frames (frames drawn) | ${ms(result.longestFrameGapMs)} (${result.frames}) |
| load average at the end (1/5/15 min) | ${result.loadAverage} |`;
}
