// Overlay mode in real Chromium: import the real flat Ausländerbehörde form, place two text
// boxes by clicking on the rendered page, link them to family name and date of birth, make a
// draft for a case with a person and create the PDF. The downloaded bytes are read back with
// poppler (`pdftotext -bbox`): each value stands where it was clicked.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import ar from '../../locales/ar.json' with { type: 'json' };
import de from '../../locales/de.json' with { type: 'json' };
import { FormsPage, formPath, slowExpect } from './pages/forms-page';
import { expectNoAxeViolations } from './support/axe';
import { freezeClock, ids, seed } from './support/seed';

const FLAT = 'de_berlin_lea_antrag_aufenthaltstitel_flat.pdf';
/** The form's page size in points (pdfinfo: 595.2 x 841.68, rotation 0). */
const PAGE = { width: 595.2, height: 841.68 };
const t = de.overlay;

type Word = { text: string; page: number; xMin: number; yMin: number; xMax: number; yMax: number };

/** Every word poppler finds in the PDF, with its box in points from the page's top-left. */
function popplerWords(bytes: Uint8Array): Word[] {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-overlay-'));
  try {
    const file = join(dir, 'out.pdf');
    writeFileSync(file, bytes);
    const html = execFileSync('pdftotext', ['-q', '-bbox', file, '-']).toString('utf8');
    const words: Word[] = [];
    let page = 0;
    for (const line of html.split('\n')) {
      if (line.includes('<page ')) page++;
      const m = /xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</.exec(
        line,
      );
      if (!m) continue;
      const [, xMin, yMin, xMax, yMax, text] = m;
      words.push({
        text: text!,
        page,
        xMin: Number(xMin),
        yMin: Number(yMin),
        xMax: Number(xMax),
        yMax: Number(yMax),
      });
    }
    return words;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Clicks the rendered page at a spot given in PDF points (origin bottom-left) and returns the
 * spot as clicked, converted back from the CSS pixels Playwright actually used.
 */
async function clickPageAt(page: Page, x: number, y: number) {
  const canvas = page.locator('.overlay-page__surface canvas');
  const box = await canvas.boundingBox();
  if (!box) throw new Error('page not rendered');
  const scale = box.width / PAGE.width;
  const css = { x: Math.round(x * scale), y: Math.round((PAGE.height - y) * scale) };
  await canvas.click({ position: css });
  return { x: css.x / scale, y: PAGE.height - css.y / scale };
}

test.describe.configure({ timeout: 180_000 });
test.use({ viewport: { width: 900, height: 1000 } });

test('places boxes on a flat form by clicking and fills them from a case', async ({ page }) => {
  const forms = new FormsPage(page, de);
  await freezeClock(page);
  await seed(page);

  // Import: the flat form is recognised and overlay mode is offered.
  await forms.openLibrary();
  await forms.importFile(formPath(FLAT));
  await slowExpect(forms.importResult()).toContainText(de.forms.kind.flat);
  const entry = forms.libraryItems().filter({ hasText: FLAT });
  await entry.getByRole('link', { name: t.open }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.title })).toBeVisible();
  await slowExpect(page.locator('.overlay-page__surface')).toHaveAttribute('data-state', 'drawn');
  // Overlay mode belongs to the forms tab of the navigation.
  const currentTab = page
    .getByRole('navigation', { name: de.nav.main })
    .locator('[aria-current="page"]');
  await expect(currentTab).toHaveText(new RegExp(de.forms.nav));

  // Two boxes by clicking: family name right of "Familienname", date of birth further down.
  const nameSpot = await clickPageAt(page, 330, 720);
  const boxes = page.locator('.overlay-box');
  await expect(boxes).toHaveCount(1);
  await expect(boxes.nth(0).getByLabel(t.linkLabel)).toHaveValue('family-name');
  await page.getByLabel(t.newLink).selectOption({ label: t.link['date-of-birth'] });
  const birthSpot = await clickPageAt(page, 330, 610);
  await expect(boxes).toHaveCount(2);
  await expect(boxes.nth(1).getByLabel(t.linkLabel)).toHaveValue('date-of-birth');
  await expect(page.locator('.overlay-page__box')).toHaveCount(2);
  await expect(page.getByRole('status').filter({ hasText: de.save.saved })).toBeVisible();
  await expectNoAxeViolations(page, 'overlay placement');

  // Survives a reload: the boxes are in the stored pack.
  await page.reload();
  await expect(boxes).toHaveCount(2);
  const storedX = Number(await boxes.nth(0).getByLabel(t.x).inputValue());
  expect(Math.abs(storedX - (nameSpot.x - 90))).toBeLessThan(1);

  // The pack screen of the same form belongs to the forms tab too.
  await page.goto(page.url().replace(/\/overlay$/, '/pack'));
  await expect(page.locator('main h1')).toBeVisible();
  await expect(currentTab).toHaveText(new RegExp(de.forms.nav));

  // A draft for Zahra Haidari: the boxes are fields, filled from the case.
  await page.goto(`/#/cases/${ids.haidari}`);
  await forms.startDraft(FLAT, 'Haidari, Zahra');
  await expect(forms.field(t.link['family-name'])).toHaveValue('Haidari');
  await expect(forms.field(t.link['date-of-birth'])).toHaveValue('12.03.1990');
  // A value too long for its box is flagged before output. The fit is an estimate, so it only
  // warns: "Create PDF" stays available, and the engine refuses what it cannot draw.
  const longName = Array.from({ length: 16 }, () => 'Haidari').join(' ');
  await forms.field(t.link['family-name']).fill(longName);
  const tooLong = page.locator('.draft-field .field__error');
  await expect(tooLong).toHaveCount(1);
  await expect(tooLong).toContainText(`${[...longName].length}`);
  await expect(forms.field(t.link['family-name'])).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(de.forms.output.tooLong)).toHaveCount(0);
  await page.getByRole('button', { name: de.forms.output.create }).click();
  await slowExpect(page.locator('.notice--error[role="alert"]')).toContainText(
    de.forms.errors['pdf-value-too-long'],
  );
  await forms.field(t.link['family-name']).fill('Haidari');
  await expect(tooLong).toHaveCount(0);
  await forms.createPdf();
  const bytes = await forms.download();

  // Each value is on page 1, where it was clicked: the box is centred on the spot, the text
  // starts at its left edge (2 pt inset) and is centred vertically.
  const words = popplerWords(bytes);
  for (const [text, spot] of [
    ['Haidari', nameSpot],
    ['12.03.1990', birthSpot],
  ] as const) {
    const word = words.find((w) => w.text === text);
    expect(word, `${text} in the output`).toBeDefined();
    expect(word!.page).toBe(1);
    expect(Math.abs(word!.xMin - (spot.x - 90 + 2))).toBeLessThan(3);
    const middle = PAGE.height - (word!.yMin + word!.yMax) / 2;
    expect(Math.abs(middle - spot.y)).toBeLessThan(4);
  }
});

test.describe('in Arabic, with the keyboard', () => {
  test.use({ locale: 'ar-SY' });

  test('adds a box at the page centre without a pointer, and the screen passes axe', async ({
    page,
  }) => {
    const texts = ar as unknown as typeof de;
    const forms = new FormsPage(page, texts);
    await freezeClock(page);
    await seed(page);
    await forms.openLibrary();
    await forms.importFile(formPath(FLAT));
    await slowExpect(forms.importResult()).toContainText(texts.forms.kind.flat);
    await forms.libraryItems().getByRole('link', { name: texts.overlay.open }).click();
    await slowExpect(page.locator('.overlay-page__surface')).toHaveAttribute('data-state', 'drawn');
    await page.getByLabel(texts.overlay.newLink).selectOption('place-date');
    await page.getByRole('button', { name: texts.overlay.addBox }).focus();
    await page.keyboard.press('Enter');
    const box = page.locator('.overlay-box');
    await expect(box).toHaveCount(1);
    // The first box creates the pack; the screen then edits the stored pack.
    await expect(page.getByRole('status').filter({ hasText: texts.save.saving })).toHaveCount(0);
    // Centred on the page: 595.2 × 841.68 pt, the default box 180 × 18 pt.
    await expect(box.getByLabel(texts.overlay.x)).toHaveValue('207.6');
    await expect(box.getByLabel(texts.overlay.y)).toHaveValue('411.84');
    await expect(box.getByLabel(texts.overlay.linkLabel)).toHaveValue('place-date');
    // Resized with the inputs: the outline on the page follows.
    await box.getByLabel(texts.overlay.width).fill('90');
    await box.getByLabel(texts.overlay.width).press('Enter');
    const outline = page.locator('.overlay-page__box');
    const canvas = await page.locator('.overlay-page__surface canvas').boundingBox();
    await expect
      .poll(async () => ((await outline.boundingBox())?.width ?? 0) / (canvas?.width ?? 1))
      .toBeCloseTo(90 / 595.2, 2);
    // Values a pack cannot hold are clamped, and the inputs show what is stored.
    await box.getByLabel(texts.overlay.fontSize).fill('2');
    await box.getByLabel(texts.overlay.fontSize).press('Enter');
    await expect(box.getByLabel(texts.overlay.fontSize)).toHaveValue('4');
    await box.getByLabel(texts.overlay.x).fill('20000');
    await box.getByLabel(texts.overlay.x).press('Enter');
    await expect(box.getByLabel(texts.overlay.x)).toHaveValue('14399');
    await box.getByLabel(texts.overlay.x).fill('207.6');
    await box.getByLabel(texts.overlay.x).press('Enter');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('status').filter({ hasText: texts.save.saved })).toBeVisible();
    await expectNoAxeViolations(page, 'overlay placement (ar)');
    await box.getByRole('button', { name: texts.overlay.remove }).click();
    await expect(box).toHaveCount(0);
    await expect(outline).toHaveCount(0);
  });
});

test('a rotated page shows why no boxes can be placed, and takes none', async ({ page }) => {
  const forms = new FormsPage(page, de);
  const dir = mkdtempSync(join(tmpdir(), 'lotse-rotated-'));
  try {
    const rotated = join(dir, 'gedreht.pdf');
    execFileSync('qpdf', ['--rotate=+90', formPath(FLAT), rotated]);
    await freezeClock(page);
    await seed(page);
    await forms.openLibrary();
    await forms.importFile(rotated);
    await slowExpect(forms.importResult()).toContainText(de.forms.kind.flat);
    await forms.libraryItems().getByRole('link', { name: t.open }).click();
    await slowExpect(page.locator('.overlay-page__surface')).toHaveAttribute('data-state', 'drawn');
    await expect(page.getByText(t.rotated)).toBeVisible();
    await page.locator('.overlay-page__surface canvas').click({ position: { x: 100, y: 100 } });
    await page.getByRole('button', { name: t.addBox }).click();
    await expect(page.getByText(t.noBoxes)).toBeVisible();
    await expect(page.locator('.overlay-box')).toHaveCount(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
