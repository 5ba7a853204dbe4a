// Realistic fill values for the corpus test and the benchmark: a distinct multi-script value per
// text field, every checkbox ticked — each value within the field's maxLen and small boxes.
import { fillPdf, type FontSet } from '../../src/pdf/index';
import type { PdfField, PdfFieldValues, PdfInspection } from '../../src/pdf/types';

export const WORDS = ['Öztürk', 'Łukasz', 'Шевченко', 'محمد', 'Müller'];

/** The value field number `index` gets: a word and the index, e.g. "Łukasz1". */
export const wordFor = (index: number): string => `${WORDS[index % WORDS.length]!}${index}`;

export const isTextField = (field: PdfField): boolean =>
  field.type === 'text' || field.type === 'multiline';

/**
 * Values cut to maxLen in characters and to what a small box holds (about 5 pt per character
 * keeps the font size well above the appearance module's 4 pt minimum).
 */
export const sampleValues = (inspection: PdfInspection): PdfFieldValues => {
  const values: PdfFieldValues = {};
  inspection.fields.forEach((field, i) => {
    if (field.readOnly) return;
    if (isTextField(field)) {
      const value = [...wordFor(i)];
      const fits = field.rect ? Math.max(1, Math.floor((field.rect.width - 4) / 5)) : value.length;
      values[field.key] = value.slice(0, Math.min(field.maxLen ?? value.length, fits)).join('');
    } else if (field.type === 'checkbox') values[field.key] = true;
  });
  return values;
};

/**
 * Fills; where a field is still too small for its value at the smallest font size (refused as
 * too long), that value is halved and the fill retried — so every field gets a value that fits,
 * and never a silently truncated one.
 */
export const fillFitting = async (
  bytes: Uint8Array,
  initial: PdfFieldValues,
  fonts: FontSet,
): Promise<{ values: PdfFieldValues; saved: Uint8Array }> => {
  const values = { ...initial };
  for (let attempt = 0; attempt < 300; attempt++) {
    const saved = await fillPdf(bytes.slice(), values, { fonts });
    if (saved.ok) return { values, saved: saved.value };
    const key = saved.error.field;
    const current = key === undefined ? undefined : values[key];
    const chars = typeof current === 'string' ? [...current] : [];
    if (saved.code !== 'pdf-value-too-long' || key === undefined || chars.length <= 1) {
      throw new Error(`fill: ${JSON.stringify(saved.error)}`);
    }
    values[key] = chars.slice(0, Math.ceil(chars.length / 2)).join('');
  }
  throw new Error('too many fields too small');
};
