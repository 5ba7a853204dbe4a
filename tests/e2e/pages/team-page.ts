// Page model of the team screen (team sync): create a team, make an invite link, join one.
// Labels come from the German locale file, as in lotse-app.ts.
import { expect, type Page } from '@playwright/test';
import { text } from './lotse-app';

export const PASSPHRASE = 'ein langer Satz als Passphrase';

export class TeamPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/#/team');
    await expect(
      this.page.getByRole('heading', { level: 1, name: text.sync.team.title }),
    ).toBeVisible();
  }

  private async fillPassphrase(form: string, confirm: boolean): Promise<void> {
    const scope = this.page.getByTestId(form);
    await scope.getByLabel(text.sync.team.passphrase, { exact: true }).fill(PASSPHRASE);
    if (confirm) {
      await scope.getByLabel(text.sync.team.passphraseRepeat, { exact: true }).fill(PASSPHRASE);
    }
  }

  async createTeam(): Promise<void> {
    await this.open();
    await this.fillPassphrase('create-team-form', true);
    await this.page.getByRole('button', { name: text.sync.team.create }).click();
    await expect(this.page.getByTestId('team-role')).toHaveText(text.sync.team.roleAdmin, {
      timeout: 20_000,
    });
  }

  /** Makes an invite link (the admin's key material is unlocked in this session). */
  async inviteLink(): Promise<string> {
    await this.page.getByTestId('create-invite').click();
    const link = this.page.getByTestId('invite-link');
    await expect(link).toHaveValue(/#invite=[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    return link.inputValue();
  }

  /** Opens the invite link in this page and joins with a new passphrase. */
  async join(link: string): Promise<void> {
    const url = new URL(link);
    await this.page.goto(`/${url.hash}`);
    await this.fillPassphrase('join-form', true);
    await this.page.getByRole('button', { name: text.sync.team.join }).click();
    await expect(this.page.getByTestId('team-role')).toHaveText(text.sync.team.roleMember, {
      timeout: 20_000,
    });
    // The secret leaves the address bar once used.
    await expect(this.page).toHaveURL(/#\/team$/);
  }

  /** Enters the passphrase so that devices can be removed (keys locked after a reload). */
  async unlockDevices(): Promise<void> {
    await this.fillPassphrase('unlock-devices-form', false);
    await this.page.getByRole('button', { name: text.sync.team.unlock }).click();
    await expect(this.page.getByTestId('unlock-devices-form')).toBeHidden({ timeout: 20_000 });
  }

  indicator() {
    return this.page.getByTestId('sync-indicator');
  }
}
