// Accessibility of the team screen (axe-core, WCAG 2.x A/AA and best practices): before a
// team exists, and as the admin of one, with the sync status line in the app shell.
import { expect, test } from '@playwright/test';
import { TeamPage } from './pages/team-page';
import { expectNoAxeViolations } from './support/axe';

test('team screen: not in a team, then admin with an invite link', async ({ page }) => {
  const team = new TeamPage(page);
  await team.open();
  await expectNoAxeViolations(page, 'team (no team)');
  await team.createTeam();
  await team.inviteLink();
  await expect(team.indicator()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('device')).toHaveCount(1);
  await expectNoAxeViolations(page, 'team (admin)');
});
