// Lighthouse (mobile, its default config: Moto G Power viewport, simulated slow 4G and 4× CPU
// slowdown) against the production build as our own server serves it. Chromium is started by
// chrome-launcher (Lighthouse's own launcher) with a fresh profile and German as its
// language, so the page loads as on a German phone's first visit: no service worker, no
// IndexedDB.
//
// The PWA category no longer exists in Lighthouse 12; installability is checked separately
// (installability.ts) with Chromium's own installability check.
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_PATH } from '../helpers/chromium';

export const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
export type LighthouseCategory = (typeof LIGHTHOUSE_CATEGORIES)[number];

/** Metrics of the performance category, in ms (CLS unitless). */
const METRICS = {
  'first-contentful-paint': 'FCP',
  'largest-contentful-paint': 'LCP',
  'total-blocking-time': 'TBT',
  'cumulative-layout-shift': 'CLS',
  'speed-index': 'Speed Index',
} as const;

export type LighthouseRun = {
  lighthouseVersion: string;
  /** 0–100 per category; null when Lighthouse could not score it. */
  scores: Record<LighthouseCategory, number | null>;
  metrics: { name: string; value: string }[];
  /** Audits that counted against a score (score < 1), with their display value. */
  failedAudits: { category: LighthouseCategory; id: string; title: string; detail: string }[];
  warnings: string[];
};

const CHROME_FLAGS = [
  // German, as the rest of the benchmark (and most of Lotse's users' phones).
  '--lang=de-DE',
  '--headless=new',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function runLighthouse(url: string): Promise<LighthouseRun> {
  const chrome = await launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROME_FLAGS });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      logLevel: 'error',
      output: 'json',
      onlyCategories: [...LIGHTHOUSE_CATEGORIES],
    });
    if (!result) throw new Error('Lighthouse returned no result');
    const lhr = result.lhr;
    if (lhr.runtimeError) {
      throw new Error(`Lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    }
    const scores = Object.fromEntries(
      LIGHTHOUSE_CATEGORIES.map((id) => {
        const score = lhr.categories[id]?.score;
        return [id, typeof score === 'number' ? Math.round(score * 100) : null];
      }),
    ) as Record<LighthouseCategory, number | null>;
    const failedAudits: LighthouseRun['failedAudits'] = [];
    for (const category of LIGHTHOUSE_CATEGORIES) {
      for (const ref of lhr.categories[category]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
        failedAudits.push({
          category,
          id: audit.id,
          title: audit.title,
          detail: [audit.displayValue, `score ${audit.score.toFixed(2)}`]
            .filter(Boolean)
            .join(', '),
        });
      }
    }
    const metrics = Object.entries(METRICS).map(([id, name]) => ({
      name,
      value: lhr.audits[id]?.displayValue ?? '—',
    }));
    return {
      lighthouseVersion: lhr.lighthouseVersion,
      scores,
      metrics,
      failedAudits,
      warnings: lhr.runWarnings,
    };
  } finally {
    chrome.kill();
  }
}
