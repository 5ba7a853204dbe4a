// Will a value fit its overlay box? A cheap estimate for the fill screen, which flags a value
// before output instead of waiting for the engine to refuse it. It needs no fonts and imports
// nothing, so the UI may import it statically (the engine itself stays a lazy chunk).
// It mirrors appearance/layout.ts: the engine shrinks text down to 4 pt (also below a box's
// own font size), keeps 2 pt padding on each side, and wraps multiline boxes at spaces,
// breaking a word only when it is wider than the line. Widths are Noto Sans advance widths
// (per mille of the font size) for ASCII letters, and class averages for everything else
// (Cyrillic, Arabic after shaping, other Latin letters by their base letter) — so near the
// limit the estimate can be off by a few per cent either way; the engine decides at output.
import type { PdfOverlayBox } from './types';

type FitBox = Pick<PdfOverlayBox, 'rect' | 'fontSize' | 'multiline'>;

const MIN_SIZE = 4; // appearance/layout.ts MIN_FONT_SIZE
const PADDING = 2; // appearance/layout.ts PADDING
type Script = 'latin' | 'arabic' | 'mixed';
/** A line's ascent − descent in em (the fonts' hhea metrics, as the engine's lines have them). */
const NOMINAL: Record<Script, number> = { latin: 1.362, arabic: 1.45, mixed: 1.519 };
/** Height of the ink with accents and descenders ("Öztürk Ayşe" 1.15 em), in em. */
const INK: Record<Script, number> = { latin: 1.15, arabic: 1.1, mixed: 1.2 };

const LOWER = [
  561, 615, 480, 615, 564, 344, 615, 618, 258, 258, 534, 258, 935, 618, 605, 615, 615, 413, 479,
  361, 618, 508, 786, 529, 510, 470,
];
const UPPER = [
  639, 650, 632, 730, 556, 519, 728, 741, 339, 273, 619, 524, 907, 760, 781, 605, 781, 622, 549,
  556, 731, 600, 930, 586, 566, 572,
];
const NARROW_PUNCTUATION = new Set([...".,;:!|'`()[]{}"]);
const WIDE_CYRILLIC = new Set([...'жшщыюмфЖШЩЫЮМФ']);
const ARABIC = /\p{Script=Arabic}/u;
const MARK = /\p{M}/u;
const WIDE_ASIAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/;

/** Estimated advance width of one character, per mille of the font size. */
const charWidth = (char: string): number => {
  if (MARK.test(char)) return 0;
  const base = char.normalize('NFD')[0] ?? char;
  const code = base.charCodeAt(0);
  if (code >= 97 && code <= 122) return LOWER[code - 97]!;
  if (code >= 65 && code <= 90) return UPPER[code - 65]!;
  if (code >= 48 && code <= 57) return 572;
  if (/\s/.test(base)) return 260;
  if (NARROW_PUNCTUATION.has(base)) return 280;
  if (base === '-' || base === '/') return 350;
  if (code >= 0x400 && code <= 0x4ff) {
    const isUpper = base !== base.toLowerCase();
    return WIDE_CYRILLIC.has(base) ? (isUpper ? 950 : 830) : isUpper ? 680 : 580;
  }
  if (ARABIC.test(base)) return 480;
  if (WIDE_ASIAN.test(base)) return 1000;
  return base !== base.toLowerCase() ? 680 : 580;
};

const textWidth = (chars: readonly string[]): number =>
  chars.reduce((sum, char) => sum + charWidth(char), 0);

/** Lines a paragraph takes at this width (greedy by spaces, long words broken). */
const lineCount = (text: string, maxWidth: number): number => {
  const words = text.split(/(?<=\s)(?=\S)/u); // each word keeps its trailing spaces
  let lines = 1;
  let width = 0;
  for (const word of words) {
    const chars = [...word];
    const inkWidth = textWidth(chars.filter((c) => !/\s/.test(c)));
    if (width > 0 && width + inkWidth > maxWidth) {
      lines++;
      width = 0;
    }
    if (width === 0 && inkWidth > maxWidth) {
      let piece = 0;
      for (const char of chars) {
        const w = charWidth(char);
        if (piece > 0 && piece + w > maxWidth) {
          lines++;
          piece = 0;
        }
        piece += w;
      }
      width = piece;
    } else width += textWidth(chars);
  }
  return lines;
};

/** True when the value fits the box at some size ≥ 4 pt (estimate; empty always fits). */
export function overlayValueFits(box: FitBox, value: string): boolean {
  const texts = (box.multiline ? value.split(LINE_BREAK) : [value]).map((t) =>
    t.replace(/[\p{Cc}\u2028\u2029]/gu, ' '),
  );
  if (value.trim() === '') return true;
  const [, , width, height] = box.rect;
  const hasArabic = ARABIC.test(value);
  const hasOther = /[^\p{Script=Arabic}\p{Script=Common}\p{Script=Inherited}]/u.test(value);
  const script: Script = hasArabic ? (hasOther ? 'mixed' : 'arabic') : 'latin';
  const fixed = box.fontSize !== undefined && box.fontSize > 0 ? box.fontSize : null;
  if (fixed !== null && fixed < MIN_SIZE) return false;
  const innerWidth = width - 2 * PADDING;
  if (innerWidth <= 0) return false;
  if (box.multiline) {
    const innerHeight = height - 2 * PADDING;
    const maxWidth = (innerWidth * 1000) / MIN_SIZE;
    const lines = texts.reduce((sum, text) => sum + lineCount(text, maxWidth), 0);
    return lines * NOMINAL[script] * MIN_SIZE <= innerHeight;
  }
  const widest = textWidth([...texts[0]!]);
  const start = fixed ?? (height - 2) / NOMINAL[script];
  const size = Math.min(start, (innerWidth * 1000) / widest, height / INK[script]);
  return size >= MIN_SIZE;
}

/** How many leading characters of the value fit (estimate), for "about N fit". */
export function overlayCapacity(box: FitBox, value: string): number {
  const chars = [...value];
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (overlayValueFits(box, chars.slice(0, mid).join(''))) low = mid;
    else high = mid - 1;
  }
  return low;
}
