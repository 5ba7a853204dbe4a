// inspectPdf: open, classify and describe every field.
import { describeField } from './inspect-fields';
import { keyedFields } from './field-keys';
import { fingerprintFields, fingerprintPages } from './fingerprint';
import { classify, openPdf } from './open-pdf';
import { pdfFail } from './pdf-error';
import type { PdfInspection, PdfResult } from './types';
import { widgetPages } from './widget-pages';

export const inspectPdf = async (
  bytes: Uint8Array,
  options: { password?: string } = {},
): Promise<PdfResult<PdfInspection>> => {
  const opened = await openPdf(bytes, options.password);
  if (!opened.ok) return opened;
  const { doc, encrypted, hasXfa } = opened.value;
  let fields;
  try {
    const pages = widgetPages(doc);
    fields = keyedFields(doc).map((keyed) => describeField(keyed, pages));
  } catch {
    // A field tree pdf-lib cannot walk (broken references, wrong object types) is damage.
    return pdfFail('pdf-damaged', undefined, 'field tree');
  }
  let fingerprint;
  try {
    // A form without fields is recognised by what its pages draw (overlay mode).
    fingerprint = fields.length > 0 ? await fingerprintFields(fields) : await fingerprintPages(doc);
  } catch {
    return pdfFail('pdf-damaged', undefined, 'page tree');
  }
  return {
    ok: true,
    value: {
      kind: classify(hasXfa, fields.length),
      encrypted,
      pages: doc.getPageCount(),
      fingerprint,
      fields,
    },
  };
};
