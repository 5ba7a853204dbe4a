// Installability, now that Lighthouse 12 has no PWA category: Chromium's own check
// (DevTools protocol Page.getInstallabilityErrors) after the service worker is active, plus
// the manifest facts an install needs. It needs a browser profile on disk: Chromium never
// offers to install from an incognito context (Playwright's usual kind).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../helpers/chromium';
import {
  contextOptions,
  NAME_SHIM,
  newPage,
  STEP_TIMEOUT_MS,
  waitForCaseListScreen,
} from './bench-page';

export type Installability = {
  /** Chromium's reasons why the app cannot be installed; empty when it can. */
  errors: string[];
  facts: { fact: string; value: string; isOk: boolean }[];
};

type Manifest = {
  name?: string;
  short_name?: string;
  start_url?: string;
  display?: string;
  lang?: string;
  dir?: string;
  theme_color?: string;
  background_color?: string;
  icons?: { sizes?: string; purpose?: string; type?: string }[];
};

export async function checkInstallability(url: string): Promise<Installability> {
  const profile = mkdtempSync(join(tmpdir(), 'lotse-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    ...chromiumLaunchOptions(),
    ...contextOptions,
    timeout: STEP_TIMEOUT_MS,
  });
  try {
    await context.addInitScript(NAME_SHIM);
    const page = await newPage(context);
    await page.goto(url);
    await waitForCaseListScreen(page);
    const isControlled = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      const worker = registration.active;
      if (worker && worker.state !== 'activated') {
        await new Promise((resolve) => worker.addEventListener('statechange', resolve));
      }
      return registration.active?.state === 'activated';
    });
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    await cdp.detach();
    const manifestUrl = await page.evaluate(
      () => document.querySelector<HTMLLinkElement>('link[rel="manifest"]')?.href ?? '',
    );
    const manifest = manifestUrl
      ? ((await (await page.request.get(manifestUrl)).json()) as Manifest)
      : {};
    const icons = manifest.icons ?? [];
    const hasIcon = (size: string, purpose: string) =>
      icons.some((i) => i.sizes?.split(' ').includes(size) && (i.purpose ?? 'any') === purpose);
    const facts: Installability['facts'] = [
      { fact: 'manifest linked', value: manifestUrl ? 'yes' : 'no', isOk: Boolean(manifestUrl) },
      {
        fact: 'name / short_name',
        value: `${manifest.name ?? '—'} / ${manifest.short_name ?? '—'}`,
        isOk: Boolean(manifest.name && manifest.short_name),
      },
      {
        fact: 'display',
        value: manifest.display ?? '—',
        isOk: manifest.display === 'standalone',
      },
      { fact: 'start_url', value: manifest.start_url ?? '—', isOk: Boolean(manifest.start_url) },
      {
        fact: 'icons 192 / 512 / maskable 512',
        value: [
          hasIcon('192x192', 'any'),
          hasIcon('512x512', 'any'),
          hasIcon('512x512', 'maskable'),
        ]
          .map((has) => (has ? 'yes' : 'no'))
          .join(' / '),
        isOk:
          hasIcon('192x192', 'any') && hasIcon('512x512', 'any') && hasIcon('512x512', 'maskable'),
      },
      {
        fact: 'theme / background colour',
        value: `${manifest.theme_color ?? '—'} / ${manifest.background_color ?? '—'}`,
        isOk: Boolean(manifest.theme_color && manifest.background_color),
      },
      {
        fact: 'lang / dir',
        value: `${manifest.lang ?? '—'} / ${manifest.dir ?? '—'}`,
        isOk: Boolean(manifest.lang && manifest.dir),
      },
      {
        fact: 'service worker activated (offline after the first visit)',
        value: isControlled ? 'yes' : 'no',
        isOk: isControlled,
      },
    ];
    return {
      errors: installabilityErrors.map((e) =>
        [e.errorId, ...e.errorArguments.map((a) => `${a.name}=${a.value}`)].join(' '),
      ),
      facts,
    };
  } finally {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
}
