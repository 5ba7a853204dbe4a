// Accessibility: axe-core (WCAG 2.0/2.1/2.2 A and AA plus best practices) on every screen
// with real data in it, in German and in Arabic (RTL), and touch-target sizes on a phone.
import { expect, test, type Page } from '@playwright/test';
import ar from '../../locales/ar.json' with { type: 'json' };
import { LotseApp, SW_INSTALL_TIMEOUT, text } from './pages/lotse-app';
import { expectNoAxeViolations } from './support/axe';
import { freezeClock, ids, seed } from './support/seed';

const caseUrl = `/#/cases/${ids.haidari}`;
const screens = {
  caseDetail: caseUrl,
  caseEdit: `${caseUrl}/edit`,
  personEdit: `${caseUrl}/persons/${ids.zahra}`,
  appointmentEdit: `${caseUrl}/appointments/${ids.today}`,
  noteEdit: `${caseUrl}/notes/${ids.note}`,
  agenda: '/#/agenda',
  settings: '/#/settings',
};

async function switchLanguage(page: Page, code: string, languageLabel = text.settings.language) {
  await page.goto(screens.settings);
  await page.getByLabel(languageLabel, { exact: true }).selectOption(code);
  await expect(page.locator(`html[lang="${code}"]`)).toBeAttached();
}

test.describe('axe on every screen', () => {
  // No service worker here: its "works offline now" notice would appear at a random
  // moment during a scan. The notice gets its own test below.
  test.use({ serviceWorkers: 'block' });

  test.beforeEach(async ({ page }) => {
    await freezeClock(page);
    await seed(page);
  });

  test('case list with cases', async ({ page }) => {
    const app = new LotseApp(page);
    await app.open('/');
    await expect(app.caseRows()).toHaveCount(2);
    await expect(
      page.getByText(text.cases.count_other.replace('{{formatted}}', '2')),
    ).toBeVisible();
    await expect(app.caseRows().first()).toContainText('Familie Haidari');
    await expect(app.caseRows().first()).toContainText('1 Dokument läuft ab');
    await expectNoAxeViolations(page, 'case list');
  });

  test('case detail with persons, an expiring document, appointments and a note', async ({
    page,
  }) => {
    await page.goto(screens.caseDetail);
    await expect(page.getByRole('heading', { level: 1, name: 'Familie Haidari' })).toBeVisible();
    const household = page.getByRole('region', { name: text.caseDetail.household });
    await expect(household.getByRole('link')).toHaveCount(3); // add person + two persons
    const expiring = page.getByRole('region', { name: text.caseDetail.expiringDocs });
    await expect(expiring).toContainText('Haidari, Zahra');
    await expect(expiring).toContainText('in 25 Tagen');
    const upcoming = page.getByRole('region', { name: text.caseDetail.upcoming });
    await expect(upcoming).toContainText('Verlängerung Aufenthaltserlaubnis');
    await upcoming.locator('summary').click(); // past appointments, scanned expanded
    await expect(upcoming).toContainText('Anmeldung');
    await expect(page.getByRole('region', { name: text.caseDetail.notes })).toContainText(
      'Hausbesuch',
    );
    await expectNoAxeViolations(page, 'case detail');
  });

  test('case edit', async ({ page }) => {
    await page.goto(screens.caseEdit);
    await expect(
      page.getByRole('heading', { level: 1, name: text.caseForm.titleEdit }),
    ).toBeVisible();
    await expect(page.getByLabel(text.caseForm.label, { exact: true })).toHaveValue(
      'Familie Haidari',
    );
    await expect(page.getByLabel(text.caseForm.interpreterLanguage, { exact: true })).toHaveValue(
      'fa',
    );
    await expectNoAxeViolations(page, 'case edit');
  });

  test('person edit', async ({ page }) => {
    await page.goto(screens.personEdit);
    await expect(
      page.getByRole('heading', { level: 1, name: text.person.titleEdit }),
    ).toBeVisible();
    await expect(page.getByLabel(text.person.familyName, { exact: true })).toHaveValue('Haidari');
    await expect(page.getByLabel(text.person.iban, { exact: true })).toHaveValue(
      'DE89370400440532013000',
    );
    await expectNoAxeViolations(page, 'person edit');
  });

  test('person edit showing a validation error (invalid IBAN)', async ({ page }) => {
    const app = new LotseApp(page);
    await page.goto(screens.personEdit);
    const iban = app.field(text.person.iban);
    await expect(iban).toHaveValue('DE89370400440532013000');
    await iban.fill('DE89 3704 0044 0532 0130 01');
    await expect(page.getByText(text.errors['iban-checksum'])).toBeVisible();
    await expect(iban).toHaveAttribute('aria-invalid', 'true');
    await app.waitForSaved();
    await expectNoAxeViolations(page, 'person edit with an invalid IBAN');
  });

  test('appointment edit with a checklist', async ({ page }) => {
    await page.goto(screens.appointmentEdit);
    await expect(
      page.getByRole('heading', { level: 1, name: text.appointment.titleEdit }),
    ).toBeVisible();
    await expect(page.getByLabel(text.appointment.purpose, { exact: true })).toHaveValue(
      'Verlängerung Aufenthaltserlaubnis',
    );
    await expect(page.getByRole('checkbox', { name: 'Reisepass' })).not.toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Biometrisches Foto' })).toBeChecked();
    await expectNoAxeViolations(page, 'appointment edit');
  });

  test('note edit', async ({ page }) => {
    await page.goto(screens.noteEdit);
    await expect(page.getByRole('heading', { level: 1, name: text.note.titleEdit })).toBeVisible();
    await expect(page.getByLabel(text.note.text, { exact: true })).toHaveValue(/^Hausbesuch/);
    await expectNoAxeViolations(page, 'note edit');
  });

  test('agenda with overdue, today, this week and later', async ({ page }) => {
    await page.goto(screens.agenda);
    for (const [group, purpose] of [
      [text.agenda.overdue, 'Weiterbewilligungsantrag'],
      [text.agenda.today, 'Verlängerung Aufenthaltserlaubnis'],
      [text.agenda.thisWeek, 'Elternabend'],
      [text.agenda.later, 'Kindergeld'],
    ] as const) {
      await expect(page.getByRole('region', { name: group })).toContainText(purpose);
    }
    await expectNoAxeViolations(page, 'agenda');
  });

  test('settings', async ({ page }) => {
    await page.goto(screens.settings);
    await expect(page.getByLabel(text.settings.language, { exact: true })).toHaveValue('de');
    // Storage facts are read asynchronously; scan once they are there.
    await expect(page.getByTestId('usage')).not.toHaveText(text.common.unknown);
    await expectNoAxeViolations(page, 'settings');
  });

  test('not-found screens', async ({ page }) => {
    await page.goto('/#/no/such/page');
    await expect(page.getByRole('heading', { level: 1, name: text.common.notFound })).toBeVisible();
    await expectNoAxeViolations(page, 'not-found route');

    await page.goto('/#/cases/does-not-exist');
    await expect(
      page.getByRole('heading', { level: 1, name: text.caseDetail.notFound }),
    ).toBeVisible();
    await expectNoAxeViolations(page, 'missing case');
  });

  test('delete confirmation dialog open', async ({ page }) => {
    await page.goto(screens.caseDetail);
    await expect(page.getByRole('heading', { level: 1, name: 'Familie Haidari' })).toBeVisible();
    await page.getByRole('button', { name: text.caseDetail.deleteCase }).click();
    const dialog = page.getByRole('dialog', { name: text.caseDetail.deleteCase });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(text.caseDetail.deleteConfirm);
    await expectNoAxeViolations(page, 'delete-confirm dialog');
  });

  test('case list in Arabic', async ({ page }) => {
    await switchLanguage(page, 'ar');
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1, name: ar.cases.title })).toBeVisible();
    await expect(page.locator('.case-list > li')).toHaveCount(2);
    await expect(page.getByText(ar.cases.expiringBadge_one)).toBeVisible();
    await expectNoAxeViolations(page, 'case list (Arabic)');
  });

  test('person edit in Arabic', async ({ page }) => {
    await switchLanguage(page, 'ar');
    await page.goto(screens.personEdit);
    await expect(page.getByRole('heading', { level: 1, name: ar.person.titleEdit })).toBeVisible();
    await expect(page.getByLabel(ar.person.familyName, { exact: true })).toHaveValue('Haidari');
    await expectNoAxeViolations(page, 'person edit (Arabic)');
  });
});

test('axe on the offline-ready notice over the case list', async ({ page }) => {
  const app = new LotseApp(page);
  await app.open('/');
  await expect(page.getByText(text.pwa.offlineReady)).toBeVisible({ timeout: SW_INSTALL_TIMEOUT });
  await app.createCase('Familie Haidari');
  await app.addPerson({ familyName: 'Haidari', givenNames: 'Zahra' });
  await page.getByRole('link', { name: text.nav.cases }).click();
  await expect(app.caseRows()).toHaveCount(1);
  await expect(page.getByText(text.pwa.offlineReady)).toBeVisible({ timeout: SW_INSTALL_TIMEOUT });
  await expectNoAxeViolations(page, 'case list with the offline-ready notice');
});

// Touch targets: visits every screen at phone width and measures each visible control in
// main and the bottom navigation. Inline text links inside paragraphs are exempt.
// Checkboxes are measured together with their label (tapping the label ticks the box).
type TouchTarget = {
  screen: string;
  control: string;
  isCheckbox: boolean;
  width: number;
  height: number;
};

const touchScreens: [name: string, url: string, ready: string][] = [
  ['case list', '/', 'Familie Shevchenko'],
  ['case detail', screens.caseDetail, 'Hausbesuch'],
  ['case edit', screens.caseEdit, text.caseForm.interpreterLanguage],
  ['person edit', screens.personEdit, text.person.sections.contact],
  ['appointment edit', screens.appointmentEdit, 'Biometrisches Foto'],
  ['note edit', screens.noteEdit, text.note.author],
  ['agenda', screens.agenda, 'Kindergeld'],
  ['settings', screens.settings, text.settings.about],
  ['not found', '/#/no/such/page', text.common.notFound],
];

async function measureTouchTargets(page: Page): Promise<TouchTarget[]> {
  await freezeClock(page);
  await seed(page);
  const targets: TouchTarget[] = [];
  for (const [screen, url, ready] of touchScreens) {
    await page.goto(url);
    await expect(page.getByText(ready).first()).toBeVisible();
    if (screen === 'case detail') await page.locator('details summary').click();
    const found = await page.evaluate(() => {
      const selector = 'button, a[href], input, select, textarea, summary';
      const controls = document.querySelectorAll<HTMLElement>(
        `main :is(${selector}), nav :is(${selector})`,
      );
      const describe = (el: HTMLElement) => {
        const type = el instanceof HTMLInputElement ? `[type=${el.type}]` : '';
        const name =
          el.getAttribute('aria-label') ??
          (el as HTMLInputElement).labels?.[0]?.textContent ??
          el.textContent ??
          '';
        return `<${el.tagName.toLowerCase()}${type}> "${name.trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
      };
      const result = [];
      for (const el of controls) {
        if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
        const isInlineTextLink =
          el.tagName === 'A' &&
          el.closest('p') !== null &&
          getComputedStyle(el).display === 'inline';
        if (isInlineTextLink) continue;
        const isCheckbox =
          el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio');
        const rects = [el, ...(isCheckbox ? [...((el as HTMLInputElement).labels ?? [])] : [])].map(
          (e) => e.getBoundingClientRect(),
        );
        const left = Math.min(...rects.map((r) => r.left));
        const right = Math.max(...rects.map((r) => r.right));
        const top = Math.min(...rects.map((r) => r.top));
        const bottom = Math.max(...rects.map((r) => r.bottom));
        result.push({
          control: describe(el),
          isCheckbox,
          width: right - left,
          height: bottom - top,
        });
      }
      return result;
    });
    targets.push(...found.map((t) => ({ screen, ...t })));
  }
  return targets;
}

const isTooSmall = (t: TouchTarget) => t.width < 44 - 0.01 || t.height < 44 - 0.01;
const describeTarget = (t: TouchTarget) =>
  `${t.screen}: ${t.control} is ${t.width.toFixed(1)}×${t.height.toFixed(1)}`;

test.describe('touch targets at 360 px width', () => {
  test.use({ serviceWorkers: 'block', viewport: { width: 360, height: 740 } });

  test('every button, link, input and select in main and the navigation is at least 44×44 CSS px', async ({
    page,
  }) => {
    const targets = (await measureTouchTargets(page)).filter((t) => !t.isCheckbox);
    expect(targets.length, 'controls measured').toBeGreaterThan(80);
    const tooSmall = targets.filter(isTooSmall).map(describeTarget);
    expect(tooSmall, `controls smaller than 44×44 CSS px:\n${tooSmall.join('\n')}`).toEqual([]);
  });

  test('every checkbox, together with its label, is at least 44×44 CSS px', async ({ page }) => {
    const targets = (await measureTouchTargets(page)).filter((t) => t.isCheckbox);
    expect(targets.length, 'checkboxes measured').toBeGreaterThanOrEqual(4);
    const tooSmall = targets.filter(isTooSmall).map(describeTarget);
    expect(tooSmall, `checkbox targets smaller than 44×44 CSS px:\n${tooSmall.join('\n')}`).toEqual(
      [],
    );
  });
});
