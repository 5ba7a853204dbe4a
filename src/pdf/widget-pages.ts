// Where a widget sits: pdf-lib finds a widget's page only through /P, which many forms lack or
// get wrong. The truth is the page whose /Annots lists the widget; a widget listed on no page
// (orphan fields, as in the PKH Hinweisblatt) is not displayed anywhere.
import { PDFArray, PDFDict, type PDFDocument } from '@cantoo/pdf-lib';

/** Widget dictionary → 0-based page index. */
export type WidgetPages = Map<PDFDict, number>;

export const widgetPages = (doc: PDFDocument): WidgetPages => {
  const pages: WidgetPages = new Map();
  doc.getPages().forEach((page, index) => {
    const annots = page.node.Annots();
    if (!(annots instanceof PDFArray)) return;
    for (let i = 0; i < annots.size(); i++) {
      const annot = annots.lookup(i);
      if (annot instanceof PDFDict && !pages.has(annot)) pages.set(annot, index);
    }
  });
  return pages;
};
