// Saving a (possibly decrypted) document. pdf-lib keeps the input's cross-reference streams as
// ordinary objects and writes them out again; a reader that scans for /Type /XRef (pdf-lib
// itself, when it reparses the output) then finds the old /Encrypt entry and takes the clean
// output for an encrypted one. So the stale xref streams and encryption dictionaries go first,
// with the input's object-stream containers (their objects were unpacked when parsing; pdf-lib
// skips the containers when writing but still counted them in the trailer's /Size).
// The numbers they leave free must not be gaps in the cross-reference table: pdf-lib writes
// only the objects it has (one subsection per run), and poppler 22 rebuilds the whole table —
// "Syntax Error: Couldn't find trailer dictionary" — when it looks up a number no subsection
// lists. So the saved table is rewritten as one subsection from 0 with the free numbers as free
// entries (the linked list of free objects, as the PDF standard has it).
import {
  PDFArray,
  PDFDict,
  PDFInvalidObject,
  PDFName,
  PDFRawStream,
  PDFRef,
  type PDFDocument,
} from '@cantoo/pdf-lib';

/**
 * A cross-reference stream pdf-lib could not parse — KG 1's, read with a decryption key, which
 * a cross-reference stream never has — is kept as raw bytes; its dictionary is the start.
 */
const rawXrefEncrypt = (object: PDFInvalidObject): { encrypt: PDFRef | null } | null => {
  const bytes = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(bytes, 0);
  const start = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const end = start.indexOf('stream');
  const dict = end < 0 ? start : start.slice(0, end);
  if (!/\/Type\s*\/XRef(?![\w#])/.test(dict)) return null;
  const encrypt = /\/Encrypt\s+(\d+)\s+(\d+)\s+R/.exec(dict);
  return { encrypt: encrypt ? PDFRef.of(Number(encrypt[1]), Number(encrypt[2])) : null };
};

const dropStaleObjects = (doc: PDFDocument): void => {
  const stale: PDFRef[] = [];
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFInvalidObject) {
      const xref = rawXrefEncrypt(object);
      if (xref) stale.push(ref, ...(xref.encrypt ? [xref.encrypt] : []));
      continue;
    }
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

/**
 * /OCProperties must list its optional content groups in /OCGs (an array); some real forms
 * (Elterngeld, VIACTIV) have only a default configuration, which poppler reports as a syntax
 * error. An empty list says the same thing correctly: no groups.
 */
const repairOptionalContent = (doc: PDFDocument): void => {
  const properties = doc.catalog.lookup(PDFName.of('OCProperties'));
  if (
    properties instanceof PDFDict &&
    !(properties.lookup(PDFName.of('OCGs')) instanceof PDFArray)
  ) {
    properties.set(PDFName.of('OCGs'), doc.context.obj([]));
  }
};

const ENTRY = /^(\d{10}) (\d{5}) ([nf]) ?\r?$/;

/**
 * pdf-lib's table ("xref", subsections "first count", 20-byte entries, "trailer") as one
 * subsection from 0. Only the table's bytes change: it starts where it did, so startxref holds.
 * Anything unexpected leaves the bytes as they are.
 */
export const withoutXrefGaps = (pdf: Uint8Array): Uint8Array => {
  const tailStart = Math.max(0, pdf.length - 1024);
  const tail = new TextDecoder('latin1').decode(pdf.subarray(tailStart));
  const found = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!found) return pdf;
  const xrefAt = Number(found[1]);
  const table = new TextDecoder('latin1').decode(pdf.subarray(xrefAt));
  const trailerAt = table.indexOf('trailer');
  if (!table.startsWith('xref') || trailerAt < 0) return pdf;
  const lines = table
    .slice(4, trailerAt)
    .split('\n')
    .filter((line) => line.trim() !== '');
  const entries = new Map<number, string>();
  for (let i = 0; i < lines.length;) {
    const section = /^(\d+) (\d+)\r?$/.exec(lines[i]!);
    if (!section) return pdf;
    const first = Number(section[1]);
    const count = Number(section[2]);
    for (let k = 0; k < count; k++) {
      const entry = ENTRY.exec(lines[i + 1 + k] ?? '');
      if (!entry) return pdf;
      entries.set(first + k, `${entry[1]} ${entry[2]} ${entry[3]}`);
    }
    i += 1 + count;
  }
  let size = 0;
  for (const n of entries.keys()) size = Math.max(size, n + 1);
  const free: number[] = [];
  for (let n = 1; n < size; n++) if (!entries.has(n)) free.push(n);
  if (free.length === 0) return pdf;
  // Object 0 heads the list of free numbers; each names the next one, the last one 0.
  const next = (index: number) => String(free[index] ?? 0).padStart(10, '0');
  entries.set(0, `${next(0)} 65535 f`);
  free.forEach((n, index) => entries.set(n, `${next(index + 1)} 00001 f`));
  let rewritten = `xref\n0 ${size}\n`;
  for (let n = 0; n < size; n++) rewritten += `${entries.get(n)!} \n`;
  rewritten += '\n';
  const head = pdf.subarray(0, xrefAt);
  const rest = pdf.subarray(xrefAt + trailerAt);
  const out = new Uint8Array(head.length + rewritten.length + rest.length);
  out.set(head, 0);
  for (let i = 0; i < rewritten.length; i++) out[head.length + i] = rewritten.charCodeAt(i);
  out.set(rest, head.length + rewritten.length);
  return out;
};

export const savePdf = async (doc: PDFDocument): Promise<Uint8Array> => {
  dropStaleObjects(doc);
  fixObjectCount(doc);
  repairOptionalContent(doc);
  // Our appearances are final: pdf-lib must not redraw dirty fields in Helvetica on save.
  // Without object streams: pdf-lib builds its xref stream with a quadratic insert (about half
  // of the save time of the 733-field Elterngeld form); a classic xref table is linear.
  // objectsPerTick: no yield to the event loop every 50 objects (5× faster on a busy machine).
  const saved = await doc.save({
    updateFieldAppearances: false,
    useObjectStreams: false,
    objectsPerTick: Infinity,
  });
  return withoutXrefGaps(saved);
};
