// Turns the benchmark's measurements into result rows (stdout) and docs/benchmarks.md.
import type { ColdStart } from './cold-start';
import type { FirstScreenJs } from './first-screen-js';
import type { Installability } from './installability';
import { LIGHTHOUSE_CATEGORIES, type LighthouseRun } from './lighthouse';
import { formatPdfBrowserBench, type PdfBrowserResult } from './pdf-browser-bench';
import { FIRST_ROWS, kib, median, ms, percentile } from './bench-page';
import type { SearchResult } from './search-latency';
import type { SyncBrowserResult } from './sync-browser-bench';

export const TARGETS = {
  coldStartMs: 300,
  searchP95Ms: 16,
  firstScreenJsBytes: 80 * 1024,
  lighthouse: { performance: 95, accessibility: 100, 'best-practices': 100 },
} as const;

export type BenchResults = {
  js?: FirstScreenJs;
  seedMs?: number;
  starts?: ColdStart[];
  search?: SearchResult;
  heapBytes?: number;
  lighthouse?: LighthouseRun[];
  installability?: Installability;
  pdfBrowser?: PdfBrowserResult;
  syncBrowser?: SyncBrowserResult;
};

export type Row = { measure: string; result: string; target: string; status: string };

function statusOf(pass: boolean | null): string {
  return pass === null ? '—' : pass ? 'PASS' : 'MISSED';
}

export function table(headers: string[], rows: string[][]): string {
  const escape = (cell: string): string => cell.replace(/\|/g, '\\|');
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}

function coldStartRows(starts: ColdStart[]): Row[] {
  const firstRows = starts.map((s) => s.firstRowsMs);
  const rowsOk = starts.every((s) => s.rowsAtMark === FIRST_ROWS && s.rowsAfter === FIRST_ROWS);
  const allControlled = starts.every((s) => s.controlled);
  const longest = starts.map((s) => s.longestTaskAfterFirstRowsMs);
  return [
    {
      measure: `Cold start → first rows, median of ${starts.length}`,
      result: ms(median(firstRows)),
      target: `< ${TARGETS.coldStartMs} ms`,
      status: statusOf(median(firstRows) < TARGETS.coldStartMs),
    },
    {
      measure: `Cold start → first rows, max of ${starts.length}`,
      result: ms(Math.max(...firstRows)),
      target: `< ${TARGETS.coldStartMs} ms`,
      status: statusOf(Math.max(...firstRows) < TARGETS.coldStartMs),
    },
    {
      measure: 'Rows in the list at the first-rows mark (every start)',
      result: starts.map((s) => s.rowsAtMark).join(', '),
      target: `${FIRST_ROWS}`,
      status: statusOf(rowsOk),
    },
    {
      measure: 'Cold start served by the service worker',
      result: allControlled ? 'yes' : 'no',
      target: 'yes',
      status: statusOf(allControlled),
    },
    {
      measure: 'Cold start → whole book loaded (search ready), median',
      result: ms(median(starts.map((s) => s.fullBookMs))),
      target: '—',
      status: '—',
    },
    {
      measure: 'Longest main-thread task between first rows and search ready, median / max',
      result: `${ms(median(longest))} / ${ms(Math.max(...longest))}`,
      target: '—',
      status: '—',
    },
  ];
}

function searchRows(search: SearchResult): Row[] {
  const p95 = percentile(search.latencies, 95);
  const p95FrameRule = percentile(search.latenciesFrameRule, 95);
  const keystrokes = search.keys.length;
  return [
    {
      measure: `Search keystroke → result, p50 (${keystrokes} keystrokes)`,
      result: ms(percentile(search.latencies, 50), 1),
      target: '—',
      status: '—',
    },
    {
      measure: 'Search keystroke → result, p95',
      result: ms(p95, 1),
      target: `< ${TARGETS.searchP95Ms} ms`,
      status: statusOf(p95 < TARGETS.searchP95Ms),
    },
    {
      measure: 'Search keystroke → result, max',
      result: ms(Math.max(...search.latencies), 1),
      target: '—',
      status: '—',
    },
    {
      measure: 'Search p95, no-change keystrokes counted to end of next frame',
      result: ms(p95FrameRule, 1),
      target: `< ${TARGETS.searchP95Ms} ms`,
      status: statusOf(p95FrameRule < TARGETS.searchP95Ms),
    },
    {
      measure: 'Search keystroke → end of next frame (painted), p50 / p95',
      result: `${ms(percentile(search.toNextFrame, 50), 1)} / ${ms(percentile(search.toNextFrame, 95), 1)}`,
      target: '—',
      status: '—',
    },
    {
      measure: 'Keystrokes with an input event / without DOM change',
      result: `${search.withInput} of ${keystrokes} / ${search.withoutMutation}`,
      target: `${keystrokes} of ≥ 60`,
      status: statusOf(search.withInput === keystrokes && keystrokes >= 60),
    },
  ];
}

function jsRows(js: FirstScreenJs): Row[] {
  return [
    {
      measure: 'JavaScript for the first screen (compressed, on the wire)',
      result: kib(js.firstScreenBytes),
      target: `≤ ${kib(TARGETS.firstScreenJsBytes)}`,
      status: statusOf(js.firstScreenBytes <= TARGETS.firstScreenJsBytes),
    },
    {
      measure: 'Other first-screen transfer (HTML, CSS, manifest, …)',
      result: kib(js.otherBytes),
      target: '—',
      status: '—',
    },
  ];
}

/** The run whose performance score is the median of all runs. */
export function medianLighthouseRun(runs: LighthouseRun[]): LighthouseRun | undefined {
  const sorted = [...runs].sort(
    (a, b) => (a.scores.performance ?? -1) - (b.scores.performance ?? -1),
  );
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

function lighthouseRows(runs: LighthouseRun[]): Row[] {
  const middle = medianLighthouseRun(runs);
  if (!middle) return [];
  return LIGHTHOUSE_CATEGORIES.map((category) => {
    const score = middle.scores[category];
    const target = TARGETS.lighthouse[category];
    return {
      measure: `Lighthouse (mobile) ${category}, median of ${runs.length} runs`,
      result: `${score ?? '—'} (runs: ${runs.map((r) => r.scores[category] ?? '—').join(', ')})`,
      target: `≥ ${target}`,
      status: statusOf(score !== null && score >= target),
    };
  });
}

function installabilityRows(installability: Installability): Row[] {
  return [
    {
      measure: 'Installable (Chromium installability check, manifest facts)',
      result:
        installability.errors.length === 0 ? 'yes' : `no: ${installability.errors.join('; ')}`,
      target: 'yes',
      status: statusOf(
        installability.errors.length === 0 && installability.facts.every((f) => f.isOk),
      ),
    },
  ];
}

/** The issue's form targets, measured in Chromium through the app's engine worker. */
function pdfBrowserRows(result: PdfBrowserResult): Row[] {
  return result.rows
    .filter((row) => row.targetMs !== null)
    .map((row) => ({
      measure: `Form engine in Chromium (worker): ${row.form}, inspect + fill + save, median`,
      result: ms(row.totalMs),
      target: `< ${row.targetMs} ms`,
      status: statusOf(row.totalMs < row.targetMs!),
    }));
}

export function resultRows(r: BenchResults): Row[] {
  return [
    ...(r.starts ? coldStartRows(r.starts) : []),
    ...(r.search ? searchRows(r.search) : []),
    ...(r.js ? jsRows(r.js) : []),
    ...(r.heapBytes !== undefined
      ? [
          {
            measure: 'JS heap after loading the book and one search (after GC)',
            result: `${(r.heapBytes / 1024 / 1024).toFixed(1)} MB`,
            target: '—',
            status: '—',
          },
        ]
      : []),
    ...(r.lighthouse ? lighthouseRows(r.lighthouse) : []),
    ...(r.installability ? installabilityRows(r.installability) : []),
    ...(r.pdfBrowser ? pdfBrowserRows(r.pdfBrowser) : []),
  ];
}

export function resultTable(rows: Row[]): string {
  return table(
    ['Measure', 'Result', 'Target', 'Status'],
    rows.map((row) => [row.measure, row.result, row.target, row.status]),
  );
}

export function searchTable(search: SearchResult): string {
  return table(
    ['Query', 'Keystrokes', 'Latency per keystroke (ms; * = list unchanged)'],
    search.perQuery.map((q) => [
      `\`${q.query}\``,
      String(q.latencies.length),
      q.latencies.map((v, i) => `${v.toFixed(1)}${q.changed[i] ? '' : '*'}`).join(', '),
    ]),
  );
}

export function jsTable(js: FirstScreenJs): string {
  return table(
    ['File', 'Encoding', 'On the wire', 'Body (compressed)', 'Uncompressed', 'Counted'],
    js.files.map((f) => [
      `\`${f.url}\``,
      f.encoding,
      kib(f.wireBytes),
      kib(f.bodyBytes),
      kib(f.decodedBytes),
      f.excluded === '' ? 'yes' : `no (${f.excluded})`,
    ]),
  );
}

export function lighthouseSection(runs: LighthouseRun[]): string {
  const middle = medianLighthouseRun(runs);
  if (!middle) return 'Not measured.';
  const scores = table(
    ['Run', ...LIGHTHOUSE_CATEGORIES, ...middle.metrics.map((m) => m.name)],
    runs.map((run, i) => [
      `#${i + 1}`,
      ...LIGHTHOUSE_CATEGORIES.map((c) => String(run.scores[c] ?? '—')),
      ...run.metrics.map((m) => m.value),
    ]),
  );
  const failed =
    middle.failedAudits.length === 0
      ? 'Every scored audit of the median run passed.'
      : `Audits below full score in the median run:\n\n${table(
          ['Category', 'Audit', 'Value'],
          middle.failedAudits.map((a) => [a.category, `${a.title} (\`${a.id}\`)`, a.detail]),
        )}`;
  const warnings = middle.warnings.length
    ? `\n\nLighthouse warnings: ${middle.warnings.join(' ')}`
    : '';
  return `Lighthouse ${middle.lighthouseVersion}, default (mobile) config: emulated phone, simulated
slow 4G and 4× CPU slowdown; a fresh Chromium profile (language de-DE) loading the production
build from Lotse's own server (first visit: no service worker, empty database).

${scores}

${failed}${warnings}`;
}

export function installabilitySection(installability: Installability): string {
  const errors =
    installability.errors.length === 0
      ? 'Chromium reports no installability errors (`Page.getInstallabilityErrors`).'
      : `Chromium's installability errors: ${installability.errors.join('; ')}.`;
  return `${errors}

${table(
  ['Fact', 'Value', 'OK'],
  installability.facts.map((f) => [f.fact, f.value, f.isOk ? 'yes' : 'no']),
)}`;
}

export function pdfBrowserSection(result: PdfBrowserResult): string {
  return `## Form engine (Chromium, in the app's worker)

The same forms and values as in Node, in Chromium through the app's own engine worker: the
production build's \`${result.workerFile}\`, started from a page of the app on Lotse's server and
spoken to with the app's messages (src/worker/pdf-protocol.ts), bytes transferred
(tests/bench/pdf-browser-bench.ts). Inspect + fill + save, timed in the page from handing over
the bytes to holding the answer; one warm-up run, then the median of ${result.runs} runs.
"renderer CPU" is the CPU time of Chromium's renderer processes (page and worker threads) for
the same work; "longest frame gap" is the longest pause between two animation frames on the
page's thread over all runs of the form — the page stays responsive while the worker works.
From \`new Worker\` to its first answer (loading and evaluating the worker's code):
${ms(result.workerStartMs)}, median of 3 starts (the browser's first worker is started once
before, uncounted: Playwright attaching to it adds seconds that a phone does not see). Targets: Jobcenter Hauptantrag < 250 ms, Elterngeld (733 fields) < 1.5 s.

${formatPdfBrowserBench(result)}`;
}
