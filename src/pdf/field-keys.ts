// The fields of a document in /Fields order, each with a key that is unique within the edition:
// the fully qualified name, and for a name the file repeats (duplicate radio groups, e.g. the
// Wohngeld form) the name plus "#2", "#3", ... in document order. Fields are never looked up
// through pdf-lib's name parser, so names with dots, `\.` or sentences stay exact.
import type { PDFDocument, PDFField } from '@cantoo/pdf-lib';

export type KeyedField = { key: string; name: string; field: PDFField };

export const keyedFields = (doc: PDFDocument): KeyedField[] => {
  const used = new Set<string>();
  const result: KeyedField[] = [];
  for (const field of doc.getForm().getFields()) {
    const name = field.getName();
    let key = name;
    for (let n = 2; used.has(key); n++) key = `${name}#${n}`;
    used.add(key);
    result.push({ key, name, field });
  }
  return result;
};
