// Transliteration-tolerant name keys for duplicate detection.
//
// A name is reduced to a consonant skeleton: accents and Arabic vowel marks go
// (normalizeForSearch), German ä/ö/ü spellings meet (ae → a), Arabic letters become the
// Latin consonant they are usually written with, common digraphs collapse (kh → h,
// sh → s, ph → f, th → t, dh → d, gh → g), vowels and the half-vowels y/w are dropped,
// doubled letters and a final h (Fatemeh, فاطمة) go. So Mohammed, Muhammad, Mohamad and
// محمد all become "mhmd"; Öztürk, Oeztuerk and Ozturk all become "strk".
// It is a heuristic for OFFERING a merge, never for merging.
import { normalizeForSearch } from '../domain/search';

const ARABIC: Readonly<Record<string, string>> = {
  ا: '',
  ء: '',
  ئ: '',
  ؤ: '',
  ع: '',
  ب: 'b',
  پ: 'p',
  ت: 't',
  ث: 't',
  ج: 'j',
  چ: 'ch',
  ح: 'h',
  خ: 'h',
  د: 'd',
  ذ: 'd',
  ر: 'r',
  ز: 's',
  ژ: 's',
  س: 's',
  ش: 's',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 's',
  غ: 'g',
  ف: 'f',
  ق: 'k',
  ك: 'k',
  گ: 'g',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  و: 'w',
  ي: 'y',
};

function latinize(text: string): string {
  let out = '';
  for (const char of text) out += ARABIC[char] ?? char;
  return out;
}

/** The skeleton of one word (see the module comment). */
export function wordSkeleton(word: string): string {
  return latinize(word)
    .replace(/([aou])e/g, '$1') // German transliteration: ue → u, oe → o, ae → a
    .replace(/sch|sh/g, 's')
    .replace(/kh/g, 'h')
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/dh/g, 'd')
    .replace(/gh/g, 'g')
    .replace(/dj/g, 'j')
    .replace(/[cq]/g, 'k')
    .replace(/z/g, 's')
    .replace(/x/g, 'ks')
    .replace(/v/g, 'w')
    .replace(/[^a-z]/g, '')
    .replace(/[aeiouyw]/g, '')
    .replace(/(.)\1+/g, '$1')
    .replace(/(.)h$/, '$1');
}

/** Skeletons of the words of a name, empty words left out. */
export function nameSkeletons(name: string): string[] {
  return normalizeForSearch(name)
    .split(' ')
    .map(wordSkeleton)
    .filter((skeleton) => skeleton !== '');
}

/** Edit distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length] ?? max + 1;
}
