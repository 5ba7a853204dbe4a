// A new install speaks the browser's preferred language if Lotse has it (German otherwise),
// and formats dates for that language.
import { expect, test } from '@playwright/test';
import ar from '../../locales/ar.json' with { type: 'json' };
import de from '../../locales/de.json' with { type: 'json' };
import en from '../../locales/en.json' with { type: 'json' };
import { freezeClock, ids, seed } from './support/seed';

type Expectation = {
  locale: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  texts: typeof de;
  /**
   * The agenda's "today" item, Friday 20 November 2026, 14:00: weekday, day and month name,
   * then the time. (The separator between date and time is not checked.)
   */
  agendaDate: RegExp;
  /** Ali's date of birth, known to the month: March 2015. */
  monthOfBirth: string;
  /** Text that must not appear: the date in another language. */
  notDate: RegExp;
};

const expectations: Expectation[] = [
  {
    locale: 'ar-SY',
    lang: 'ar',
    dir: 'rtl',
    texts: ar as unknown as typeof de,
    agendaDate: /الجمعة، 20 نوفمبر.{1,3}2:00\sم/,
    monthOfBirth: 'مارس 2015',
    notDate: /Nov|Fr\./,
  },
  {
    locale: 'en-GB',
    lang: 'en',
    dir: 'ltr',
    texts: en as unknown as typeof de,
    agendaDate: /Fri, Nov 20.{1,3}2:00\sPM/,
    monthOfBirth: 'March 2015',
    notDate: /Fr\.|Nov\.|نوفمبر/,
  },
  {
    // Lotse has no French: German, the language of the authorities, is the fallback.
    locale: 'fr-FR',
    lang: 'de',
    dir: 'ltr',
    texts: de,
    agendaDate: /Fr\., 20\. Nov\..{1,3}14:00/,
    monthOfBirth: 'März 2015',
    notDate: /nov\.|ven\.|PM/,
  },
];

for (const e of expectations) {
  test.describe(`browser prefers ${e.locale}`, () => {
    test.use({ locale: e.locale, serviceWorkers: 'block' });

    test(`a new install starts in ${e.lang} and formats dates for it`, async ({ page }) => {
      await freezeClock(page);
      await page.goto('/');
      expect(await page.evaluate(() => navigator.languages)).toEqual([e.locale]);
      const html = page.locator('html');
      await expect(html).toHaveAttribute('lang', e.lang);
      await expect(html).toHaveAttribute('dir', e.dir);
      await expect(
        page.getByRole('heading', { level: 1, name: e.texts.cases.title }),
      ).toBeVisible();
      await expect(page.getByRole('navigation', { name: e.texts.nav.main })).toContainText(
        e.texts.nav.settings,
      );
      await expect(page.getByRole('searchbox', { name: e.texts.cases.search })).toHaveAttribute(
        'placeholder',
        e.texts.cases.searchPlaceholder,
      );
      await expect(page.getByText(e.texts.cases.empty)).toBeVisible();

      await seed(page, undefined, '/#/agenda');
      await expect(html).toHaveAttribute('lang', e.lang);
      const today = page.getByRole('region', { name: e.texts.agenda.today });
      const item = today.getByRole('link').filter({ hasText: 'Verlängerung Aufenthaltserlaubnis' });
      await expect(item).toContainText(e.agendaDate);
      await expect(item).not.toContainText(e.notDate);

      await page.goto(`/#/cases/${ids.haidari}`);
      const household = page.getByRole('region', { name: e.texts.caseDetail.household });
      await expect(household.getByRole('link', { name: /Haidari, Ali/ })).toContainText(
        e.monthOfBirth,
      );

      // Settings shows the language in use.
      await page.goto('/#/settings');
      await expect(page.getByLabel(e.texts.settings.language, { exact: true })).toHaveValue(e.lang);
    });
  });
}
