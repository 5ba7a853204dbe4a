// Removing a device owes the team a new key epoch. When the rotation cannot be made (here:
// the server unreachable for it), the admin's device says so and keeps it owed; after a
// reload, unlocking the keys makes it. Two browser contexts against the real server.
import { expect, test, type Page } from '@playwright/test';
import { text } from './pages/lotse-app';
import { openDevice } from './support/device';

/** The key epoch this device writes with, and whether a rotation is owed (syncState 'team'). */
function teamKeys(page: Page): Promise<{ current: number | null; owed: boolean }> {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const request = indexedDB.open('lotse');
        request.onsuccess = () => {
          const read = request.result.transaction('syncState').objectStore('syncState').get('team');
          read.onsuccess = () => {
            const row = read.result as
              | { value?: { syncKeys?: { current?: number }; pendingKeyRotation?: boolean } }
              | undefined;
            resolve({
              current: row?.value?.syncKeys?.current ?? null,
              owed: row?.value?.pendingKeyRotation === true,
            });
            request.result.close();
          };
        };
      }),
  );
}

test('a key rotation that fails after removing a device is made when the keys are unlocked', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const a = await openDevice(browser, baseURL);
  const b = await openDevice(browser, baseURL);
  await a.team.createTeam();
  const link = await a.team.inviteLink();
  await b.team.join(link);

  // Back to the team screen without a reload: the keys are still unlocked from creating it.
  for (const hash of ['#/', '#/team']) await a.page.evaluate((to) => (location.hash = to), hash);
  const devices = a.page.getByTestId('device');
  await expect(devices).toHaveCount(2);
  const epoch = (await teamKeys(a.page)).current ?? 0;

  // The rotation request does not get through.
  await a.page.route('**/api/v1/key-epochs', (route) => route.abort('internetdisconnected'));
  const other = devices.filter({ hasText: text.sync.team.roleMember });
  await other.getByRole('button', { name: text.sync.team.revoke }).click();
  await a.page.getByRole('dialog').getByRole('button', { name: text.sync.team.revoke }).click();
  await expect(other).toContainText(text.sync.team.revokedOn.split(' ')[0]!);
  await expect(a.page.getByRole('alert')).toHaveText(text.sync.errors['rotation-failed']);
  await expect(a.page.getByTestId('rotation-owed')).toHaveText(text.sync.team.rotationOwed);
  expect(await teamKeys(a.page)).toEqual({ current: epoch, owed: true });

  // Later (a reload locks the keys): still owed; unlocking makes it.
  await a.page.unroute('**/api/v1/key-epochs');
  await a.page.reload();
  await expect(a.page.getByTestId('rotation-owed')).toBeVisible();
  await a.team.unlockDevices();
  await expect
    .poll(() => teamKeys(a.page), { timeout: 20_000 })
    .toEqual({
      current: epoch + 1,
      owed: false,
    });
  await expect(a.page.getByTestId('rotation-owed')).toBeHidden();
  await expect(a.page.getByRole('alert')).toHaveCount(0);

  await a.context.close();
  await b.context.close();
});
