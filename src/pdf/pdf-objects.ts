// Small readers over raw PDF objects that pdf-lib does not offer: inherited entries and text.
import { PDFDict, PDFHexString, PDFName, PDFNumber, PDFString } from '@cantoo/pdf-lib';

/** An entry of a field dictionary, looked up through /Parent as the spec's inheritance says. */
export const inherited = (dict: PDFDict, key: string): unknown => {
  const name = PDFName.of(key);
  let current: PDFDict | undefined = dict;
  for (let depth = 0; current && depth < 32; depth++) {
    const value = current.lookup(name);
    if (value !== undefined) return value;
    const parent: unknown = current.lookup(PDFName.of('Parent'));
    current = parent instanceof PDFDict ? parent : undefined;
  }
  return undefined;
};

export const textOf = (value: unknown): string | null =>
  value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : null;

export const numberOf = (value: unknown): number | null =>
  value instanceof PDFNumber ? value.asNumber() : null;
