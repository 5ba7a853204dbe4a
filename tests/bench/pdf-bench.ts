// Form engine in Node: inspect + fill + save per real form, median of several runs, with the
// embedded Unicode font. Wall time is what counts; CPU time is printed too, because on a shared
// machine wall time mostly measures the other processes. Targets (issue 3): Hauptantrag < 250 ms, Elterngeld (733 fields)
// < 1.5 s. Run alone with `npx tsx tests/bench/pdf-bench.ts [runs]`; run-bench can import
// runPdfBench() and print or record the rows.
import { readdirSync } from 'node:fs';
import { fillPdf, inspectPdf, type FontSet } from '../../src/pdf/index';
import type { PdfFieldValues } from '../../src/pdf/types';
import { FORMS_DIR, loadNodeFonts, readForm } from '../helpers/pdf-forms';
import { fillFitting, sampleValues } from '../helpers/pdf-values';
import { median } from './bench-page';

export type PdfBenchRow = {
  form: string;
  fields: number;
  inspectMs: number;
  fillSaveMs: number;
  totalMs: number;
  /** CPU time of inspect + fill + save: what the wall time would be on an idle core. */
  totalCpuMs: number;
  outputKb: number;
  targetMs: number | null;
};

export const PDF_TARGETS: Record<string, number> = {
  'de_jc_hauptantrag_ha_2025-04.pdf': 250,
  'de_berlin_elterngeld_antrag_aes256.pdf': 1500,
};

/** Wall time and CPU time (user + system, all threads of the process) of one piece of work. */
const time = async <T>(work: () => Promise<T>): Promise<[number, T, number]> => {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await work();
  const used = process.cpuUsage(cpu);
  return [performance.now() - start, result, (used.user + used.system) / 1000];
};

/** Every real form in ../shared/forms (or the ones named), sorted. */
export const benchForms = (only?: string[]): string[] =>
  readdirSync(FORMS_DIR)
    .filter((f) => f.endsWith('.pdf') && (!only || only.includes(f)))
    .sort();

/** The values a form is filled with: multi-script text in every text field, boxes ticked. */
export const benchValues = async (bytes: Uint8Array, fonts: FontSet): Promise<PdfFieldValues> => {
  const inspection = await inspectPdf(bytes.slice());
  if (!inspection.ok) throw new Error(`inspect: ${inspection.code}`);
  return (await fillFitting(bytes, sampleValues(inspection.value), fonts)).values;
};

export const runPdfBench = async (runs = 5, only?: string[]): Promise<PdfBenchRow[]> => {
  const fonts = await loadNodeFonts();
  const rows: PdfBenchRow[] = [];
  for (const form of benchForms(only)) {
    const bytes = readForm(form);
    const inspectTimes: number[] = [];
    const fillTimes: number[] = [];
    const cpuTimes: number[] = [];
    let fields = 0;
    let outputKb = 0;
    let values: PdfFieldValues | undefined;
    // One warm-up run (JIT, font parsing caches), then the measured runs.
    for (let run = 0; run <= runs; run++) {
      const [inspectMs, inspection, inspectCpu] = await time(() => inspectPdf(bytes.slice()));
      if (!inspection.ok) throw new Error(`${form}: ${inspection.code}`);
      // Values that fit (found once, outside the timing), then the timed fill + save.
      values ??= await benchValues(bytes, fonts);
      const fillValues = values;
      const [fillMs, filled, fillCpu] = await time(() =>
        fillPdf(bytes.slice(), fillValues, { fonts }),
      );
      if (!filled.ok) throw new Error(`${form}: ${JSON.stringify(filled.error)}`);
      if (run === 0) continue;
      inspectTimes.push(inspectMs);
      fillTimes.push(fillMs);
      cpuTimes.push(inspectCpu + fillCpu);
      fields = inspection.value.fields.length;
      outputKb = filled.value.length / 1024;
    }
    const inspectMs = median(inspectTimes);
    const fillSaveMs = median(fillTimes);
    rows.push({
      form,
      fields,
      inspectMs,
      fillSaveMs,
      totalMs: inspectMs + fillSaveMs,
      totalCpuMs: median(cpuTimes),
      outputKb,
      targetMs: PDF_TARGETS[form] ?? null,
    });
  }
  return rows;
};

export const formatPdfBench = (rows: PdfBenchRow[]): string => {
  const head = '| form | fields | inspect | fill + save | total | total CPU | target | output |';
  const rule = '| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |';
  const lines = rows.map((r) => {
    const target =
      r.targetMs === null ? '' : `< ${r.targetMs} ms ${r.totalMs < r.targetMs ? 'met' : 'MISSED'}`;
    return `| ${r.form} | ${r.fields} | ${r.inspectMs.toFixed(0)} ms | ${r.fillSaveMs.toFixed(0)} ms | ${r.totalMs.toFixed(0)} ms | ${r.totalCpuMs.toFixed(0)} ms | ${target} | ${r.outputKb.toFixed(0)} KB |`;
  });
  return [head, rule, ...lines].join('\n');
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const runs = Number(process.argv[2] ?? 5);
  const only = process.argv.slice(3);
  console.log(formatPdfBench(await runPdfBench(runs, only.length > 0 ? only : undefined)));
}
