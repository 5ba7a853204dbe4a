// Saving a (possibly decrypted) document. pdf-lib keeps the input's cross-reference streams as
// ordinary objects and writes them out again; a reader that scans for /Type /XRef (pdf-lib
// itself, when it reparses the output) then finds the old /Encrypt entry and takes the clean
// output for an encrypted one. So the stale xref streams and encryption dictionaries go first,
// with the input's object-stream containers (their objects were unpacked when parsing; pdf-lib
// skips the containers when writing but still counted them in the trailer's /Size).
import { PDFDict, PDFName, PDFRawStream, PDFRef, type PDFDocument } from '@cantoo/pdf-lib';

const dropStaleObjects = (doc: PDFDocument): void => {
  const stale: PDFRef[] = [];
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    const dict =
      object instanceof PDFRawStream ? object.dict : object instanceof PDFDict ? object : null;
    if (!dict) continue;
    const type = dict.lookup(PDFName.of('Type'));
    if (type === PDFName.of('XRef')) {
      stale.push(ref);
      const encrypt = dict.get(PDFName.of('Encrypt'));
      if (encrypt instanceof PDFRef) stale.push(encrypt);
    } else if (type === PDFName.of('ObjStm')) {
      stale.push(ref);
    } else if (
      dict.lookup(PDFName.of('Filter')) === PDFName.of('Standard') &&
      dict.has(PDFName.of('O')) &&
      dict.has(PDFName.of('U'))
    ) {
      stale.push(ref);
    }
  }
  for (const ref of stale) doc.context.delete(ref);
};

/**
 * The trailer's /Size must be the highest object number + 1 (qpdf --check warns otherwise).
 * pdf-lib carries the input's figure over, which is wrong for inputs that had it wrong (the PKH
 * form) and after dropping objects.
 */
const fixObjectCount = (doc: PDFDocument): void => {
  let largest = 0;
  for (const [ref] of doc.context.enumerateIndirectObjects()) {
    largest = Math.max(largest, ref.objectNumber);
  }
  doc.context.largestObjectNumber = largest;
};

export const savePdf = async (doc: PDFDocument): Promise<Uint8Array> => {
  dropStaleObjects(doc);
  fixObjectCount(doc);
  // Our appearances are final: pdf-lib must not redraw dirty fields in Helvetica on save.
  // Without object streams: pdf-lib builds its xref stream with a quadratic insert (about half
  // of the save time of the 733-field Elterngeld form); a classic xref table is linear.
  // objectsPerTick: no yield to the event loop every 50 objects (5× faster on a busy machine).
  return doc.save({
    updateFieldAppearances: false,
    useObjectStreams: false,
    objectsPerTick: Infinity,
  });
};
