// 1. JavaScript needed for the first screen: compressed bytes on the wire, fresh context.
import type { Browser } from 'playwright-core';
import { contextOptions, NAME_SHIM, newPage, sleep, waitForCaseListScreen } from './bench-page';

export type JsFile = {
  url: string;
  encoding: string;
  wireBytes: number;
  bodyBytes: number;
  decodedBytes: number;
  beforeFirstScreen: boolean;
  excluded: string;
};

export type FirstScreenJs = { files: JsFile[]; firstScreenBytes: number; otherBytes: number };

// Not first-screen code: the service worker and its runtime (sw.js, workbox-<hash>.js), and
// workbox-window, the page-side helper that registers it (started after the first render).
const SERVICE_WORKER_CODE = /\/(sw\.js|workbox-[0-9a-f]+\.js)(\?|$)/;
const SERVICE_WORKER_REGISTRATION = /\/workbox-[^/]*\.js(\?|$)/;

export async function measureFirstScreenJs(b: Browser, url: string): Promise<FirstScreenJs> {
  const context = await b.newContext(contextOptions);
  try {
    await context.addInitScript(NAME_SHIM);
    const page = await newPage(context);
    const cdp = await context.newCDPSession(page);
    type Response = { url: string; mimeType: string; encoding: string };
    const responses = new Map<string, Response>();
    const finished = new Map<string, number>();
    cdp.on('Network.responseReceived', (event) => {
      const headers = Object.fromEntries(
        Object.entries(event.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]),
      );
      responses.set(event.requestId, {
        url: event.response.url,
        mimeType: event.response.mimeType,
        encoding: headers['content-encoding'] ?? 'identity',
      });
    });
    cdp.on('Network.loadingFinished', (event) => {
      finished.set(event.requestId, event.encodedDataLength);
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });

    await page.goto(url);
    await waitForCaseListScreen(page);
    // Everything the browser had fully received when the first screen stood.
    const loaded = await page.evaluate(() =>
      [...performance.getEntriesByType('resource'), ...performance.getEntriesByType('navigation')]
        .map((e) => e as PerformanceResourceTiming)
        .map((e) => ({
          url: e.name,
          bodyBytes: e.encodedBodySize,
          decodedBytes: e.decodedBodySize,
        })),
    );
    // Let late CDP events and after-start chunks (service worker glue) arrive.
    await sleep(1_500);
    const late = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => {
        const r = e as PerformanceResourceTiming;
        return { url: r.name, bodyBytes: r.encodedBodySize, decodedBytes: r.decodedBodySize };
      }),
    );
    const before = new Map(loaded.map((e) => [e.url, e]));
    const after = new Map(late.map((e) => [e.url, e]));

    const files: JsFile[] = [];
    let otherBytes = 0;
    for (const [requestId, response] of responses) {
      const wireBytes = finished.get(requestId) ?? 0;
      const isJs = /javascript/i.test(response.mimeType) || /\.m?js(\?|$)/.test(response.url);
      const beforeFirstScreen = before.has(response.url);
      if (!isJs) {
        if (beforeFirstScreen) otherBytes += wireBytes;
        continue;
      }
      const timing = before.get(response.url) ?? after.get(response.url);
      files.push({
        url: new URL(response.url).pathname,
        encoding: response.encoding,
        wireBytes,
        bodyBytes: timing?.bodyBytes ?? 0,
        decodedBytes: timing?.decodedBytes ?? 0,
        beforeFirstScreen,
        excluded: [
          SERVICE_WORKER_CODE.test(response.url)
            ? 'service worker'
            : SERVICE_WORKER_REGISTRATION.test(response.url)
              ? 'service worker registration'
              : '',
          beforeFirstScreen ? '' : 'loaded after first screen',
        ]
          .filter(Boolean)
          .join(', '),
      });
    }
    files.sort((a, b) => b.wireBytes - a.wireBytes);
    const firstScreenBytes = files
      .filter((f) => f.excluded === '')
      .reduce((sum, f) => sum + f.wireBytes, 0);
    if (!files.some((f) => f.excluded === '')) {
      throw new Error('no first-screen JavaScript seen: the CDP network listener missed it');
    }
    return { files, firstScreenBytes, otherBytes };
  } finally {
    await context.close().catch(() => undefined);
  }
}
