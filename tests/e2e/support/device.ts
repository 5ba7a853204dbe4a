// One simulated phone for the multi-device specs: its own browser context (own IndexedDB,
// own service worker) with the page models the specs drive.
import type { Browser, BrowserContextOptions } from '@playwright/test';
import { LotseApp } from '../pages/lotse-app';
import { TeamPage } from '../pages/team-page';

export async function openDevice(
  browser: Browser,
  baseURL: string | undefined,
  options: BrowserContextOptions = {},
) {
  const context = await browser.newContext({ baseURL, locale: 'de-DE', ...options });
  const page = await context.newPage();
  return { context, page, app: new LotseApp(page), team: new TeamPage(page) };
}
