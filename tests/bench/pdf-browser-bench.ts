// Form engine in Chromium: inspect + fill + save per real form, through the app's own engine
// worker — the production build's pdf-worker-*.js, started from a page of the app on Lotse's
// server and spoken to with the messages of src/worker/pdf-protocol.ts, bytes transferred,
// exactly as ui/pdf-engine.ts does. Same forms and values as the Node figures (pdf-bench.ts),
// one warm-up run, then the median of several runs. Timed in the page, from handing the bytes
// over to holding the answer (copy, transfer and the worker's work included). Also recorded:
// the longest pause between animation frames on the page's thread while the worker works,
// and the CPU time of Chromium's renderer processes (page + worker threads).
// Run alone with `BENCH_ONLY=pdf-browser npm run bench`.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { PdfFieldValues } from '../../src/pdf/types';
import type { EngineRequest, EngineResponse } from '../../src/worker/pdf-protocol';
import { loadNodeFonts, readForm } from '../helpers/pdf-forms';
import {
  contextOptions,
  median,
  NAME_SHIM,
  newPage,
  sleep,
  waitForCaseListScreen,
} from './bench-page';
import { benchForms, benchValues, PDF_TARGETS } from './pdf-bench';

export type PdfBrowserRow = {
  form: string;
  fields: number;
  inspectMs: number;
  fillSaveMs: number;
  totalMs: number;
  /** CPU time of Chromium's renderer processes for the same work (page + worker). */
  rendererCpuMs: number;
  /** Longest pause between two animation frames on the page's thread during a run. */
  longestFrameGapMs: number;
  outputKb: number;
  targetMs: number | null;
};

export type PdfBrowserResult = {
  runs: number;
  /**
   * From `new Worker` to the first answer (loading and evaluating the engine's worker file),
   * median of a few starts. The browser's first worker is started once before, uncounted:
   * Playwright attaching to it adds seconds that a phone never sees.
   */
  workerStartMs: number;
  workerFile: string;
  rows: PdfBrowserRow[];
};

/** A request before the page gives it an id. */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
type NewRequest = WithoutId<EngineRequest>;

const WORKER_STARTS = 3;

type RunResult = {
  inspectMs: number;
  fillSaveMs: number;
  fields: number;
  outputBytes: number;
  longestFrameGapMs: number;
  failure: string | null;
};

/** The engine worker's file in the build the server serves. */
function workerFileIn(staticDir: string): string {
  const files = readdirSync(join(staticDir, 'assets')).filter((f) => /^pdf-worker-.+\.js$/.test(f));
  if (files.length !== 1) throw new Error(`expected one pdf-worker-*.js in ${staticDir}/assets`);
  return `/assets/${files[0]!}`;
}

/**
 * Starts the engine's worker in the page, as ui/pdf-engine.ts does (ending the one started
 * before), and returns the time until its first answer.
 */
const startWorker = (page: Page, workerUrl: string): Promise<number> =>
  page.evaluate(async (workerUrl) => {
    type Waiting = (result: EngineResponse['result']) => void;
    const waiting = new Map<number, Waiting>();
    let nextId = 1;
    const started = performance.now();
    const worker = new Worker(workerUrl, { type: 'module', name: 'pdf-engine' });
    worker.addEventListener('message', (event: MessageEvent<EngineResponse>) => {
      waiting.get(event.data.id)?.(event.data.result);
      waiting.delete(event.data.id);
    });
    worker.addEventListener('error', (event) => {
      for (const settle of waiting.values()) settle({ ok: false, code: 'pdf-engine-failed' });
      waiting.clear();
      console.error('engine worker failed', event.message);
    });
    const run = (request: EngineRequest, transfer: Transferable[]) =>
      new Promise<EngineResponse['result']>((resolve) => {
        waiting.set(request.id, resolve);
        worker.postMessage(request, transfer);
      });
    const bench = globalThis as unknown as {
      __engine: (request: NewRequest, transfer: Transferable[]) => Promise<unknown>;
      __worker?: Worker;
    };
    bench.__worker?.terminate();
    bench.__worker = worker;
    bench.__engine = (request, transfer) =>
      run({ ...request, id: nextId++ } as EngineRequest, transfer);
    // The first answer (to bytes that are no PDF) comes once the worker's code has loaded.
    await bench.__engine({ op: 'inspect', bytes: new Uint8Array([1, 2, 3]) }, []);
    return performance.now() - started;
  }, workerUrl);

/** One inspect + fill + save of the form held in the page, frames counted meanwhile. */
const runOnce = (page: Page): Promise<RunResult> =>
  page.evaluate(async () => {
    const bench = globalThis as unknown as {
      __engine: (request: NewRequest, transfer: Transferable[]) => Promise<unknown>;
      __form: { bytes: Uint8Array; values: PdfFieldValues };
    };
    type Answer = EngineResponse['result'];
    const { bytes, values } = bench.__form;
    let last = performance.now();
    let longestFrameGapMs = 0;
    let isRunning = true;
    const tick = (time: number) => {
      longestFrameGapMs = Math.max(longestFrameGapMs, time - last);
      last = time;
      if (isRunning) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const started = performance.now();
    const forInspect = bytes.slice();
    const inspected = (await bench.__engine({ op: 'inspect', bytes: forInspect }, [
      forInspect.buffer,
    ])) as Answer;
    const inspectedAt = performance.now();
    const forFill = bytes.slice();
    const filled = (await bench.__engine({ op: 'fill', bytes: forFill, values, options: {} }, [
      forFill.buffer,
    ])) as Answer;
    const filledAt = performance.now();
    isRunning = false;
    longestFrameGapMs = Math.max(longestFrameGapMs, filledAt - last);
    const fields = inspected.ok && 'fields' in inspected.value ? inspected.value.fields.length : 0;
    const output = filled.ok && filled.value instanceof Uint8Array ? filled.value.byteLength : 0;
    const failure = !inspected.ok ? inspected.code : !filled.ok ? filled.code : null;
    return {
      inspectMs: inspectedAt - started,
      fillSaveMs: filledAt - inspectedAt,
      fields,
      outputBytes: output,
      longestFrameGapMs,
      failure,
    };
  });

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

export async function runPdfBrowserBench(
  browser: Browser,
  url: string,
  staticDir: string,
  runs = 5,
): Promise<PdfBrowserResult> {
  const fonts = await loadNodeFonts();
  const workerFile = workerFileIn(staticDir);
  // No service worker: its install would compete with the first measurements.
  const context = await browser.newContext({ ...contextOptions, serviceWorkers: 'block' });
  try {
    await context.addInitScript(NAME_SHIM);
    const page = await newPage(context);
    page.on('console', (message) => {
      if (message.type() === 'error') console.error(`  page: ${message.text()}`);
    });
    await page.goto(`${url}/`);
    await waitForCaseListScreen(page);
    await sleep(500);
    const firstStartMs = await startWorker(page, workerFile);
    const starts: number[] = [];
    for (let i = 0; i < WORKER_STARTS; i++) starts.push(await startWorker(page, workerFile));
    const workerStartMs = median(starts);
    console.log(
      `  worker ${workerFile}: first answer after ${starts.map((t) => t.toFixed(0)).join(', ')} ms ` +
        `(the browser's first worker, with Playwright attaching: ${firstStartMs.toFixed(0)} ms)`,
    );

    const rows: PdfBrowserRow[] = [];
    for (const form of benchForms()) {
      const bytes = readForm(form);
      const values = await benchValues(bytes, fonts);
      await page.evaluate(
        ({ base64, values }) => {
          const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
          (globalThis as unknown as { __form: unknown }).__form = { bytes, values };
        },
        { base64: Buffer.from(bytes).toString('base64'), values },
      );
      const measured: RunResult[] = [];
      const cpu: number[] = [];
      for (let run = 0; run <= runs; run++) {
        const cpuBefore = await rendererCpuSeconds(browser);
        const result = await runOnce(page);
        const cpuMs = ((await rendererCpuSeconds(browser)) - cpuBefore) * 1000;
        if (result.failure) throw new Error(`${form} in Chromium: ${result.failure}`);
        if (run === 0) continue; // warm-up: JIT, font parsing
        measured.push(result);
        cpu.push(cpuMs);
      }
      const inspectMs = median(measured.map((r) => r.inspectMs));
      const fillSaveMs = median(measured.map((r) => r.fillSaveMs));
      const row: PdfBrowserRow = {
        form,
        fields: measured[0]?.fields ?? 0,
        inspectMs,
        fillSaveMs,
        totalMs: inspectMs + fillSaveMs, // as in the Node table
        rendererCpuMs: median(cpu),
        longestFrameGapMs: Math.max(...measured.map((r) => r.longestFrameGapMs)),
        outputKb: (measured[0]?.outputBytes ?? 0) / 1024,
        targetMs: PDF_TARGETS[form] ?? null,
      };
      console.log(
        `  ${form}: ${row.totalMs.toFixed(0)} ms (inspect ${inspectMs.toFixed(0)}, ` +
          `fill + save ${fillSaveMs.toFixed(0)}), longest frame gap ${row.longestFrameGapMs.toFixed(0)} ms`,
      );
      rows.push(row);
    }
    return { runs, workerStartMs, workerFile, rows };
  } finally {
    await context.close().catch(() => undefined);
  }
}

export const formatPdfBrowserBench = (result: PdfBrowserResult): string => {
  const head =
    '| form | fields | inspect | fill + save | total | renderer CPU | longest frame gap | target | output |';
  const rule = '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |';
  const lines = result.rows.map((r) => {
    const target =
      r.targetMs === null ? '' : `< ${r.targetMs} ms ${r.totalMs < r.targetMs ? 'met' : 'MISSED'}`;
    return `| ${r.form} | ${r.fields} | ${r.inspectMs.toFixed(0)} ms | ${r.fillSaveMs.toFixed(0)} ms | ${r.totalMs.toFixed(0)} ms | ${r.rendererCpuMs.toFixed(0)} ms | ${r.longestFrameGapMs.toFixed(0)} ms | ${target} | ${r.outputKb.toFixed(0)} KB |`;
  });
  return [head, rule, ...lines].join('\n');
};
