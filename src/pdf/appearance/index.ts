// Unicode appearances for filled form fields: the value is drawn with embedded subset Noto fonts
// (Latin, Cyrillic, Greek, Vietnamese; Arabic script shaped and laid out right to left with the
// Unicode Bidirectional Algorithm), so every viewer shows what was filled and pdftotext finds it.
// Usage: `const fonts = await embedFonts(doc, fontSet)` once per document, then a setter per
// field; save as usual — the fonts are written as subsets when pdf-lib saves.
// - A character neither font can draw is refused ('pdf-glyph-missing', naming the field and the
//   character), as is a value that would only fit below 4 pt or beyond /MaxLen
//   ('pdf-value-too-long'). A refused value leaves the field untouched.
// - Alignment follows /Q, except that a value whose base direction is right-to-left (its first
//   strong letter is Arabic) starts at the right edge when /Q says left, the default: for Arabic
//   the start of a line is its right side. /Q center and right are kept as they are.
// - /DA keeps its size and colour and names the embedded font (listed in the AcroForm /DR).

export type { EmbeddedFonts, FontSet } from './fonts';
export { embedFonts } from './fonts';
export { setTextFieldValue } from './text-field';
export { setChoiceFieldValue } from './choice-field';
