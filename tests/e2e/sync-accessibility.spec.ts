// Accessibility of the team screen (axe-core, WCAG 2.x A/AA and best practices): before a
// team exists, and as the admin of one, with the sync status line in the app shell.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { TeamPage } from './pages/team-page';

async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const report = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
  expect(violations, `axe violations on ${screen}:\n${report.join('\n')}`).toEqual([]);
}

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
