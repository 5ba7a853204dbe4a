// Team sync in two browsers (two contexts = two devices) against the real server: A creates
// a team, B joins through the invite link, an edit on A shows up on B by itself (long-poll),
// then both go offline, edit different fields of the same case, and converge once online.
import { expect, test, type Page } from '@playwright/test';
import { text } from './pages/lotse-app';
import { openDevice } from './support/device';

/** In-app navigation (no page load: it works offline without waiting for the service worker). */
async function go(page: Page, hash: string) {
  await page.evaluate((to) => {
    location.hash = to;
  }, hash);
}

/** The key epoch this device writes with (from its IndexedDB: syncState 'team'). */
function keyEpochOf(page: Page): Promise<number | null> {
  return page.evaluate(
    () =>
      new Promise<number | null>((resolve) => {
        const request = indexedDB.open('lotse');
        request.onsuccess = () => {
          const read = request.result.transaction('syncState').objectStore('syncState').get('team');
          read.onsuccess = () => {
            const row = read.result as { value?: { syncKeys?: { current?: number } } } | undefined;
            resolve(row?.value?.syncKeys?.current ?? null);
            request.result.close();
          };
          read.onerror = () => resolve(null);
        };
        request.onerror = () => resolve(null);
      }),
  );
}

async function editCase(page: Page, caseId: string, label: string, value: string) {
  await go(page, `#/cases/${caseId}/edit`);
  const field = page.getByLabel(label, { exact: true });
  await field.fill(value);
  await expect(page.getByRole('status').filter({ hasText: text.save.saved })).toBeVisible();
}

test('an edit on one device appears on the other; offline edits on both merge', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const a = await openDevice(browser, baseURL);
  const b = await openDevice(browser, baseURL);

  await a.team.createTeam();
  const link = await a.team.inviteLink();
  await a.app.open('/');
  const caseId = await a.app.createCase('Familie Sync');
  await expect(a.team.indicator()).toHaveAttribute('data-state', 'synced', { timeout: 20_000 });

  await b.team.join(link);
  await go(b.page, '#/');
  await expect(b.page.getByText('Familie Sync')).toBeVisible({ timeout: 20_000 });

  // Live: B keeps its case list open, A renames the case.
  await editCase(a.page, caseId, text.caseForm.label, 'Familie Sync-Haidari');
  await expect(b.page.getByText('Familie Sync-Haidari')).toBeVisible({ timeout: 15_000 });
  await expect(b.team.indicator()).toHaveAttribute('data-state', 'synced', { timeout: 15_000 });

  // Offline on both, different fields of the same case (the editor is opened while online:
  // a first visit's service worker may not have cached the screen's chunk yet).
  await go(a.page, `#/cases/${caseId}/edit`);
  await go(b.page, `#/cases/${caseId}/edit`);
  await expect(b.page.getByLabel(text.caseForm.city, { exact: true })).toBeVisible();
  await a.context.setOffline(true);
  await b.context.setOffline(true);
  await editCase(a.page, caseId, text.caseForm.phone, '0151 1234567');
  await editCase(b.page, caseId, text.caseForm.city, 'Leipzig');
  await expect(a.team.indicator()).toHaveAttribute('data-state', /offline|pending/, {
    timeout: 15_000,
  });
  await expect(a.team.indicator()).not.toHaveAttribute('data-state', 'synced');

  await a.context.setOffline(false);
  await b.context.setOffline(false);
  // The case detail reads through a live query: it shows what sync writes, when it arrives.
  for (const { page, team } of [a, b]) {
    await go(page, `#/cases/${caseId}`);
    await expect(page.getByText('0151 1234567')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText('Leipzig')).toBeVisible({ timeout: 30_000 });
    await expect(team.indicator()).toHaveAttribute('data-state', 'synced', { timeout: 30_000 });
  }

  await a.context.close();
  await b.context.close();
});

test('an admin removes a device; the removed device is told and wipes the team data', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const a = await openDevice(browser, baseURL);
  const b = await openDevice(browser, baseURL);
  await a.team.createTeam();
  const link = await a.team.inviteLink();
  await a.app.open('/');
  await a.app.createCase('Familie Geheim');
  await b.team.join(link);
  await go(b.page, '#/');
  await expect(b.page.getByText('Familie Geheim')).toBeVisible({ timeout: 20_000 });

  // After a reload the keys are locked: removing a device asks for the passphrase.
  await a.team.open();
  await a.team.unlockDevices();
  const devices = a.page.getByTestId('device');
  await expect(devices).toHaveCount(2);
  const other = devices.filter({ hasText: text.sync.team.roleMember });
  await other.getByRole('button', { name: text.sync.team.revoke }).click();
  await a.page.getByRole('dialog').getByRole('button', { name: text.sync.team.revoke }).click();
  await expect(other).toContainText(text.sync.team.revokedOn.split(' ')[0]!);
  // A new key epoch went out for the devices that stay; A keeps syncing under it.
  await expect.poll(() => keyEpochOf(a.page), { timeout: 20_000 }).toBe(2);
  await expect(a.page.getByRole('alert')).toHaveCount(0);
  await a.app.open('/');
  await a.app.createCase('Familie Neu');
  await expect(a.team.indicator()).toHaveAttribute('data-state', 'synced', { timeout: 20_000 });

  // B's next contact with the server (its long-poll, or "sync now"): told to wipe.
  await go(b.page, '#/team');
  const syncNow = b.page.getByRole('button', { name: text.sync.team.syncNow });
  if (await syncNow.isVisible()) await syncNow.click();
  await expect(b.page.getByTestId('revoked-notice')).toHaveText(text.sync.team.revokedNotice);
  await expect(b.page.getByTestId('team-member')).toBeHidden();
  await go(b.page, '#/');
  await expect(b.page.getByText('Familie Geheim')).toBeHidden();
  await expect(b.team.indicator()).toBeHidden();

  await a.context.close();
  await b.context.close();
});
