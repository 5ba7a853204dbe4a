// Our own flatten. pdf-lib's flatten() finds a widget's page through the field tree and throws
// on orphan fields ("Could not find page for PDFRef") and duplicate names ("Tried to remove
// inexistent field"). Here the pages lead: every widget listed in a page's /Annots has its
// normal appearance drawn into that page, then the widgets and the whole AcroForm go. Fields
// without a widget on any page simply disappear with the AcroForm.
import {
  PDFArray,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFStream,
  type PDFDocument,
  type PDFObject,
  type PDFPage,
} from '@cantoo/pdf-lib';

const WIDGET = PDFName.of('Widget');
const HIDDEN = 1 << 1;
const NO_VIEW = 1 << 5;

export const flattenForm = (doc: PDFDocument): void => {
  for (const page of doc.getPages()) flattenPage(doc, page);
  doc.catalog.delete(PDFName.of('AcroForm'));
};

const flattenPage = (doc: PDFDocument, page: PDFPage): void => {
  const annots = page.node.Annots();
  if (!annots) return;
  const kept: PDFObject[] = [];
  const drawing: string[] = [];
  for (let i = 0; i < annots.size(); i++) {
    const annot = annots.lookup(i);
    if (!(annot instanceof PDFDict) || annot.lookup(PDFName.of('Subtype')) !== WIDGET) {
      kept.push(annots.get(i));
      continue;
    }
    const ref = normalAppearanceRef(doc, annot);
    if (!ref || !isVisible(annot)) continue;
    const stream = doc.context.lookup(ref);
    const matrix = stream instanceof PDFStream ? placement(stream.dict, annot) : null;
    if (!matrix) continue;
    const name = page.node.newXObject('FlatWidget', ref);
    drawing.push(`q ${matrix.map(format).join(' ')} cm ${name.toString()} Do Q`);
  }
  if (kept.length === 0) page.node.delete(PDFName.of('Annots'));
  else page.node.set(PDFName.of('Annots'), doc.context.obj(kept));
  if (drawing.length > 0) appendContent(doc, page, drawing.join('\n'));
};

/** The widget's normal appearance for its current state (/AS picks among checkbox states). */
const normalAppearanceRef = (doc: PDFDocument, widget: PDFDict): PDFRef | null => {
  const ap = widget.lookup(PDFName.of('AP'));
  if (!(ap instanceof PDFDict)) return null;
  let normal = ap.get(PDFName.of('N'));
  const resolved = doc.context.lookup(normal);
  if (resolved instanceof PDFDict && !(resolved instanceof PDFStream)) {
    const state = widget.lookup(PDFName.of('AS'));
    if (!(state instanceof PDFName)) return null;
    normal = resolved.get(state);
  }
  if (normal instanceof PDFRef)
    return doc.context.lookup(normal) instanceof PDFStream ? normal : null;
  // A direct stream object cannot be shared as an XObject: register it.
  return normal instanceof PDFStream ? doc.context.register(normal) : null;
};

const isVisible = (widget: PDFDict): boolean => {
  const flags = widget.lookup(PDFName.of('F'));
  const value = flags instanceof PDFNumber ? flags.asNumber() : 0;
  return (value & (HIDDEN | NO_VIEW)) === 0;
};

type Matrix = [number, number, number, number, number, number];

const numbers = (value: unknown, count: number): number[] | null => {
  if (!(value instanceof PDFArray) || value.size() !== count) return null;
  const result = value.asArray().map((item) => (item instanceof PDFNumber ? item.asNumber() : NaN));
  return result.every(Number.isFinite) ? result : null;
};

/**
 * PDF 32000 §12.5.5: the form's BBox, transformed by its /Matrix, is mapped onto the widget's
 * /Rect by a scale and a translation; Do then applies /Matrix itself.
 */
const placement = (form: PDFDict, widget: PDFDict): Matrix | null => {
  const bbox = numbers(form.lookup(PDFName.of('BBox')), 4);
  const rect = numbers(widget.lookup(PDFName.of('Rect')), 4);
  if (!bbox || !rect) return null;
  const [a, b, c, d, e, f] = numbers(form.lookup(PDFName.of('Matrix')), 6) ?? [1, 0, 0, 1, 0, 0];
  const corners = [
    [bbox[0]!, bbox[1]!],
    [bbox[2]!, bbox[1]!],
    [bbox[0]!, bbox[3]!],
    [bbox[2]!, bbox[3]!],
  ].map(([x, y]) => [a! * x! + c! * y! + e!, b! * x! + d! * y! + f!] as const);
  const xs = corners.map(([x]) => x);
  const ys = corners.map(([, y]) => y);
  const [bx, by] = [Math.min(...xs), Math.min(...ys)];
  const [bw, bh] = [Math.max(...xs) - bx, Math.max(...ys) - by];
  const [rx, ry] = [Math.min(rect[0]!, rect[2]!), Math.min(rect[1]!, rect[3]!)];
  const [rw, rh] = [Math.abs(rect[2]! - rect[0]!), Math.abs(rect[3]! - rect[1]!)];
  if (bw <= 0 || bh <= 0 || rw <= 0 || rh <= 0) return null;
  const [sx, sy] = [rw / bw, rh / bh];
  return [sx, 0, 0, sy, rx - bx * sx, ry - by * sy];
};

const format = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(5));

/** Wraps the page's own content in q … Q so its graphics state cannot leak into ours. */
export const appendContent = (doc: PDFDocument, page: PDFPage, operators: string): void => {
  const { context } = doc;
  const contents = page.node.get(PDFName.of('Contents'));
  const existing = context.lookup(contents);
  const parts: PDFObject[] = [context.register(context.stream('q\n'))];
  if (existing instanceof PDFArray) parts.push(...existing.asArray());
  else if (contents) parts.push(contents);
  parts.push(context.register(context.flateStream(`\nQ\n${operators}\n`)));
  page.node.set(PDFName.of('Contents'), context.obj(parts));
};
