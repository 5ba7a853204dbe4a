// Search latency, keystroke to updated list, typing real names character by character,
// and the JS heap after loading the book and one search.
import type { BrowserContext, Page } from 'playwright-core';
import { newPage, sleep, waitForFullBook } from './bench-page';

/** Typed character by character; together well over 60 keystrokes. */
export const QUERIES = [
  'muller',
  'ozturk',
  'haidari',
  'шевч',
  'محمد',
  'ayse k',
  'schäfer',
  'kovalenko',
  'حیدری',
  'al hassan',
  'yilmaz',
  'fatima a',
];
/** Pause between two keystrokes (a fast typist on a phone). */
export const KEY_GAP_MS = 60;

type KeyRecord = {
  key: string;
  via: 'keydown' | 'beforeinput';
  start: number;
  inputs: number;
  mutation: number | null;
  settled: number | null;
  frame: number | null;
};
type SearchProbe = { active: boolean; keys: KeyRecord[] };
type ProbeWindow = { __benchSearch?: SearchProbe };

async function installSearchProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('#case-search');
    const list = document.querySelector('.case-list');
    const summary = document.querySelector('.list-summary');
    if (!input || !list || !summary) throw new Error('search box, list or summary missing');
    const probe: SearchProbe = { active: false, keys: [] };
    (window as unknown as ProbeWindow).__benchSearch = probe;
    const current = (): KeyRecord | undefined => probe.keys[probe.keys.length - 1];
    // A task queued after the current one (and after any rendering the browser does first).
    const afterCurrentTask = (callback: () => void): void => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => callback();
      channel.port2.postMessage(null);
    };
    const begin = (via: KeyRecord['via'], key: string): void => {
      const record: KeyRecord = {
        key,
        via,
        start: performance.now(),
        inputs: 0,
        mutation: null,
        settled: null,
        frame: null,
      };
      probe.keys.push(record);
      // End of the next animation frame: rAF runs before that frame's rendering, a task
      // posted from it runs after.
      requestAnimationFrame(() =>
        afterCurrentTask(() => {
          record.frame = performance.now();
        }),
      );
    };
    let awaitingInputOf: KeyRecord | null = null;
    input.addEventListener(
      'keydown',
      (event) => {
        if (!probe.active) return;
        begin('keydown', event.key);
        awaitingInputOf = current() ?? null;
      },
      true,
    );
    // Characters outside the US keyboard (Cyrillic, Arabic) are typed by Playwright as text
    // insertion without a keydown: then the keystroke starts at beforeinput.
    input.addEventListener(
      'beforeinput',
      (event) => {
        if (!probe.active) return;
        if (awaitingInputOf && awaitingInputOf === current()) {
          awaitingInputOf = null;
          return;
        }
        begin('beforeinput', event.data ?? '');
      },
      true,
    );
    input.addEventListener(
      'input',
      () => {
        const record = current();
        if (probe.active && record) record.inputs += 1;
      },
      true,
    );
    // The last listener the input event reaches (window, bubbling): the app's onInput handler
    // has run, and so has Preact's render, which it queues as a microtask (microtasks run
    // after every listener). This is when the app is done with a keystroke that changes
    // nothing in the DOM.
    window.addEventListener('input', (event) => {
      const record = current();
      if (probe.active && record && event.target === input) record.settled ??= performance.now();
    });
    const observer = new MutationObserver(() => {
      const record = current();
      if (probe.active && record && record.mutation === null) record.mutation = performance.now();
    });
    const options = { childList: true, subtree: true, characterData: true, attributes: true };
    observer.observe(list, options);
    observer.observe(summary, options);
  });
}

export type SearchResult = {
  keys: KeyRecord[];
  /** Mutation, or (no DOM change) the app finished handling the input event. */
  latencies: number[];
  /** Mutation, or (no DOM change) the end of the next animation frame. */
  latenciesFrameRule: number[];
  /** Keystroke to end of the next animation frame, for every keystroke. */
  toNextFrame: number[];
  withoutMutation: number;
  withInput: number;
  viaBeforeInput: number;
  /** Keystrokes whose DOM change came after the input event had passed all listeners. */
  lateRenders: number;
  perQuery: { query: string; latencies: number[]; changed: boolean[] }[];
};

async function setProbeActive(page: Page, active: boolean): Promise<void> {
  await page.evaluate((isActive) => {
    const probe = (window as unknown as ProbeWindow).__benchSearch;
    if (probe) probe.active = isActive;
  }, active);
}

async function clearSearch(page: Page): Promise<void> {
  await setProbeActive(page, false);
  await page.focus('#case-search');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.waitForFunction(
    () => document.querySelector<HTMLInputElement>('#case-search')?.value === '',
  );
  await sleep(300);
}

async function typeMeasured(page: Page, text: string): Promise<void> {
  await setProbeActive(page, true);
  await page.focus('#case-search');
  for (const character of text) {
    const before = await page.evaluate(
      () => (window as unknown as ProbeWindow).__benchSearch?.keys.length ?? 0,
    );
    await page.keyboard.type(character);
    // Wait until this keystroke is fully recorded before the next one, so that a slow render
    // is never attributed to the following key.
    await page.waitForFunction(
      (index) => {
        const record = (window as unknown as ProbeWindow).__benchSearch?.keys[index];
        if (!record) return false;
        const done = record.frame !== null && (record.settled !== null || record.inputs === 0);
        return done || performance.now() - record.start > 2_000;
      },
      before,
      { polling: 'raf' },
    );
    await sleep(KEY_GAP_MS);
  }
  await setProbeActive(page, false);
}

export async function measureSearch(page: Page): Promise<SearchResult> {
  await installSearchProbe(page);
  const ranges: { query: string; from: number; to: number }[] = [];
  const keyCount = (): Promise<number> =>
    page.evaluate(() => (window as unknown as ProbeWindow).__benchSearch?.keys.length ?? 0);
  for (const query of QUERIES) {
    await clearSearch(page);
    const from = await keyCount();
    await typeMeasured(page, query);
    ranges.push({ query, from, to: await keyCount() });
    await sleep(200);
  }
  await clearSearch(page);
  const keys = await page.evaluate(() => (window as unknown as ProbeWindow).__benchSearch!.keys);
  const latencies: number[] = [];
  const latenciesFrameRule: number[] = [];
  const toNextFrame: number[] = [];
  let withoutMutation = 0;
  for (const k of keys) {
    const frame = k.frame ?? Number.NaN;
    const settled = k.settled ?? frame;
    if (k.mutation === null) withoutMutation += 1;
    latencies.push((k.mutation ?? settled) - k.start);
    latenciesFrameRule.push((k.mutation ?? frame) - k.start);
    toNextFrame.push(frame - k.start);
  }
  return {
    keys,
    latencies,
    latenciesFrameRule,
    toNextFrame,
    withoutMutation,
    withInput: keys.filter((k) => k.inputs > 0).length,
    viaBeforeInput: keys.filter((k) => k.via === 'beforeinput').length,
    lateRenders: keys.filter(
      (k) => k.mutation !== null && k.settled !== null && k.mutation > k.settled + 1,
    ).length,
    perQuery: ranges.map(({ query, from, to }) => ({
      query,
      latencies: latencies.slice(from, to),
      changed: keys.slice(from, to).map((k) => k.mutation !== null),
    })),
  };
}

// Memory

export async function measureHeap(context: BrowserContext, url: string): Promise<number> {
  const page = await newPage(context);
  try {
    await page.goto(url);
    await waitForFullBook(page);
    await page.focus('#case-search');
    await page.keyboard.type('muller', { delay: KEY_GAP_MS });
    await page.waitForFunction(() => document.querySelectorAll('.case-list > li').length > 0);
    await sleep(1_000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    await cdp.detach();
    return usage.usedSize;
  } finally {
    await page.close().catch(() => undefined);
  }
}
