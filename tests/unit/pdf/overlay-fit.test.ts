// The fill screen's estimate of whether a value fits its overlay box, held against the engine:
// for boxes of several shapes and values in several scripts, the number of leading characters
// the estimate lets through is close to the number the engine really draws (planOverlays, the
// step of fillPdf that refuses 'pdf-value-too-long'), and far-off values are judged alike.
import { PDFDocument } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { embedFonts } from '../../../src/pdf/appearance';
import { planOverlays } from '../../../src/pdf/overlay';
import { overlayCapacity, overlayValueFits } from '../../../src/pdf/overlay-fit';
import type { PdfOverlayBox } from '../../../src/pdf/types';
import { loadNodeFonts } from '../../helpers/pdf-forms';

const fonts = await embedFonts(await PDFDocument.create(), await loadNodeFonts());

const engineFits = (box: PdfOverlayBox, value: string): boolean =>
  planOverlays([box], new Map([[box.key, value]]), fonts).ok;

/** The longest prefix the engine accepts (its refusals are monotonic in the prefix length). */
const engineCapacity = (box: PdfOverlayBox, value: string): number => {
  const chars = [...value];
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (engineFits(box, chars.slice(0, mid).join(''))) low = mid;
    else high = mid - 1;
  }
  return low;
};

const box = (width: number, height: number, more: Partial<PdfOverlayBox> = {}): PdfOverlayBox => ({
  key: 'overlay-1',
  page: 0,
  rect: [100, 100, width, height],
  ...more,
});

const BOXES: Record<string, PdfOverlayBox> = {
  'narrow 40×18': box(40, 18),
  'default 180×18': box(180, 18),
  'fixed 10 pt 120×18': box(120, 18, { fontSize: 10 }),
  'multiline 120×40': box(120, 40, { multiline: true }),
  'multiline 200×24': box(200, 24, { multiline: true }),
};

const repeat = (text: string, times: number) =>
  Array.from({ length: times * 3 }, () => text).join(' ');

const VALUES: Record<string, string> = {
  latin: repeat('Öztürk, Ayşe Nur Musterstraße 12a', 12),
  polish: repeat('Łukasz Wiśniewski-Kowalczyk', 14),
  cyrillic: repeat('Шевченко Тарас Григорьевич', 14),
  arabic: repeat('محمد عبد الرحمن الأحمد', 16),
  digits: repeat('17.05.1990 10115', 24),
  wide: repeat('WMWMWM', 40),
  narrow: repeat('illlil', 60),
};

describe.each(Object.entries(BOXES))('%s', (_, fitBox) => {
  it.each(Object.entries(VALUES))('%s: estimate within 10% of the engine', (script, value) => {
    const real = engineCapacity(fitBox, value);
    expect(real, 'the value must be too long for the box').toBeLessThan([...value].length);
    const estimate = overlayCapacity(fitBox, value);
    expect(
      Math.abs(estimate - real),
      `${script}: engine ${real}, estimate ${estimate}`,
    ).toBeLessThanOrEqual(Math.max(1, Math.ceil(real * 0.1)));
    // Clearly too long, and clearly short enough, are judged like the engine judges them.
    const chars = [...value];
    const long = chars.slice(0, Math.ceil(real * 1.25) + 2).join('');
    const short = chars.slice(0, Math.floor(real * 0.8)).join('');
    expect(overlayValueFits(fitBox, long)).toBe(false);
    expect(overlayValueFits(fitBox, short)).toBe(engineFits(fitBox, short));
  });
});

describe('edge cases', () => {
  it('an empty value fits any box; a font size below 4 pt fits nothing', () => {
    expect(overlayValueFits(box(1, 1), '  ')).toBe(true);
    expect(overlayValueFits(box(180, 18, { fontSize: 3 }), 'A')).toBe(false);
    expect(engineFits(box(180, 18, { fontSize: 3 }), 'A')).toBe(false);
  });

  it('a box too low for 4 pt text fits nothing, as in the engine', () => {
    const low = box(180, 6);
    expect(overlayValueFits(low, 'Anna')).toBe(false);
    expect(engineFits(low, 'Anna')).toBe(false);
  });

  it('multiline counts line breaks', () => {
    const twoLines = box(200, 15, { multiline: true });
    expect(overlayValueFits(twoLines, 'Anna')).toBe(true);
    expect(engineFits(twoLines, 'Anna')).toBe(true);
    expect(overlayValueFits(twoLines, 'Anna\nBerlin\nMitte')).toBe(false);
    expect(engineFits(twoLines, 'Anna\nBerlin\nMitte')).toBe(false);
  });
});
