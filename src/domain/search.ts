// Client-side search over cases: case-, accent- and script-variant-insensitive.
//
// Both the indexed texts and the query go through `normalizeForSearch`. German
// transliteration (ü = ue) is handled by a second, "folded" form in which every
// "ae"/"oe"/"ue" is collapsed to "a"/"o"/"u": "Müller", "Mueller" and "Muller" all fold to
// "muller". Each document's haystack holds the plain and the folded forms, and a query
// token matches if its plain form or its folded form occurs. Keeping the plain form means
// substrings that cut through a digraph still match ("el" finds "Michael").

export type SearchDoc = { caseId: string; texts: string[] };
export type SearchIndex = { search(query: string): Set<string>; size: number };

// Invisible format characters: soft hyphen, zero-width (non-)joiners, bidi marks, BOM.
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
// Apostrophes vanish ("O'Brien" = "OBrien"); dashes separate words ("Abu-Bakr" = "Abu Bakr").
const APOSTROPHES = /['`\u00b4\u2018\u2019\u02bb\u02bc]/g;
const DASHES = /[-_\u2010-\u2015\u2212]/g;
// Marks that are accents rather than letters: nonspacing marks shared by all scripts
// (combining diacritics) or belonging to Latin, Greek, Cyrillic, Hebrew (points), Arabic
// (harakat, superscript alef, Quranic marks) or Syriac. Indic and Thai vowel signs are
// NOT stripped: they are letters there.
const STRIPPED_MARKS =
  /(?=\p{Mn})(?:\p{Script=Inherited}|\p{Script=Latin}|\p{Script=Greek}|\p{Script=Cyrillic}|\p{Script=Hebrew}|\p{Script=Arabic}|\p{Script=Syriac})/gu;

/**
 * Letters without a decomposition, and script variants of the same letter. Arabic and
 * Persian forms meet in the Arabic code points (ی → ي, ک → ك), so text typed on either
 * keyboard finds the other.
 */
const LETTER_MAP: Readonly<Record<string, string>> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ς: 'σ',
  '\u0640': '', // tatweel (kashida), a stretching stroke
  '\u0671': '\u0627', // alef wasla → alef (أ إ آ lose their hamza/madda as marks)
  '\u0649': '\u064a', // alef maksura → yeh
  '\u06cc': '\u064a', // Persian yeh → Arabic yeh
  '\u06a9': '\u0643', // keheh (Persian kaf) → Arabic kaf
  '\u06aa': '\u0643', // swash kaf → kaf
  '\u0629': '\u0647', // teh marbuta → heh
  '\u06c3': '\u0647', // teh marbuta goal (Urdu) → heh
  '\u06c1': '\u0647', // heh goal (Urdu) → heh
  '\u06be': '\u0647', // heh doachashmee (Urdu, Kurdish) → heh
  '\u06d5': '\u0647', // ae (Kurdish; ۀ decomposes to it) → heh
};
const MAPPED_LETTERS = new RegExp(`[${Object.keys(LETTER_MAP).join('')}]`, 'g');

// Arabic-Indic (U+0660…) and Persian (U+06F0…) digits → ASCII digits.
const EASTERN_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;
const toAsciiDigit = (digit: string): string => String((digit.charCodeAt(0) - 0x0660) % 0x90);

/** The normal form that search compares: see the module comment. */
export function normalizeForSearch(s: string): string {
  return s
    .replace(INVISIBLE, '')
    .replace(APOSTROPHES, '')
    .normalize('NFKD')
    .toLowerCase()
    .replace(STRIPPED_MARKS, '')
    .replace(MAPPED_LETTERS, (letter) => LETTER_MAP[letter] ?? letter)
    .replace(EASTERN_DIGITS, toAsciiDigit)
    .replace(DASHES, ' ')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
}

/** German transliteration folded away: "mueller" → "muller", "michael" → "michal". */
function foldDigraphs(normalized: string): string {
  return normalized.replace(/([aou])e/g, '$1');
}

// Joins texts in a haystack. Query tokens never contain whitespace, so a match cannot
// span two texts.
const SEPARATOR = '\n';

type Entry = { caseId: string; haystack: string };

export type SearchIndexBuilder = {
  /** Adds a document; texts of documents with the same caseId count as one case. */
  add(doc: SearchDoc): void;
  build(): SearchIndex;
};

/**
 * Builds an index document by document, so a caller can spread the work over several
 * tasks. Names repeat a lot (a household shares its family name, given names recur), so
 * each distinct text is normalised once.
 */
export function createSearchIndexBuilder(): SearchIndexBuilder {
  const textsByCase = new Map<string, string[]>();
  const normalized = new Map<string, string>();
  return {
    add(doc) {
      let texts = textsByCase.get(doc.caseId);
      if (!texts) textsByCase.set(doc.caseId, (texts = []));
      for (const text of doc.texts) {
        if (text === '') continue;
        let form = normalized.get(text);
        if (form === undefined) normalized.set(text, (form = normalizeForSearch(text)));
        if (form !== '') texts.push(form);
      }
    },
    build: () => indexOf(textsByCase),
  };
}

/**
 * Builds the index once per data change; `search` then costs one `includes` per token
 * and case. Documents with the same caseId are merged: their texts count as one case.
 */
export function buildSearchIndex(docs: SearchDoc[]): SearchIndex {
  const builder = createSearchIndexBuilder();
  for (const doc of docs) builder.add(doc);
  return builder.build();
}

function indexOf(textsByCase: Map<string, string[]>): SearchIndex {
  const entries: Entry[] = [];
  for (const [caseId, texts] of textsByCase) {
    const plain = texts.join(SEPARATOR);
    entries.push({ caseId, haystack: `${plain}${SEPARATOR}${foldDigraphs(plain)}` });
  }
  const allIds = entries.map((entry) => entry.caseId);

  return {
    size: entries.length,
    search(query: string): Set<string> {
      const normalized = normalizeForSearch(query);
      if (normalized === '') return new Set(allIds);
      const tokens = [...new Set(normalized.split(' '))].map((token) => ({
        plain: token,
        folded: foldDigraphs(token),
      }));
      const result = new Set<string>();
      for (const { caseId, haystack } of entries) {
        const matchesAll = tokens.every(
          ({ plain, folded }) => haystack.includes(plain) || haystack.includes(folded),
        );
        if (matchesAll) result.add(caseId);
      }
      return result;
    },
  };
}
