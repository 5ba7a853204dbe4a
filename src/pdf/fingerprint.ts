// The edition fingerprint, SHA-256 in hex.
// - Forms with fields: over the sorted field structure (name, type, options, maxLen). Values,
//   metadata, field order, XFA and encryption do not enter, so the same edition downloaded twice,
//   or decrypted by a web tool, keeps its fingerprint.
// - Flat forms (no fields; overlay mode): over what is printed — the page count and, per page,
//   its MediaBox, /Rotate and the *decoded* bytes of its content streams, prefixed with
//   "lotse-flat-v1" so it can never equal a field fingerprint. Decoded, so recompressing,
//   renumbering objects, re-saving with pdf-lib or decrypting keeps the fingerprint; a tool
//   that rewrites the drawing operators (a "print to PDF", qpdf --normalize-content) makes a new
//   edition, which is the safe side: boxes placed on one drawing are not trusted on another.
//   Metadata, annotations and fonts do not enter. Filling overlays changes the content, so a
//   filled output does not match its blank edition (it is not meant to be filled again).
import {
  PDFArray,
  PDFName,
  PDFRawStream,
  PDFStream,
  decodePDFRawStream,
  type PDFDocument,
  type PDFObject,
} from '@cantoo/pdf-lib';
import type { PdfField } from './types';

const sha256Hex = async (data: Uint8Array<ArrayBuffer>): Promise<string> => {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', data);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
};

export const fingerprintFields = async (fields: readonly PdfField[]): Promise<string> => {
  const lines = fields
    .map((field) => JSON.stringify([field.name, field.type, field.options, field.maxLen]))
    .sort();
  return sha256Hex(new TextEncoder().encode(lines.join('\n')));
};

const contentBytes = (doc: PDFDocument, object: PDFObject | undefined): Uint8Array[] => {
  const resolved = object === undefined ? undefined : doc.context.lookup(object);
  if (resolved instanceof PDFArray) {
    return resolved.asArray().flatMap((item) => contentBytes(doc, item));
  }
  if (resolved instanceof PDFRawStream) {
    try {
      return [decodePDFRawStream(resolved).decode()];
    } catch {
      // A filter pdf-lib cannot decode: the stored bytes still identify the drawing.
      return [resolved.getContents()];
    }
  }
  return resolved instanceof PDFStream ? [resolved.getContents()] : [];
};

/** The fingerprint of a flat form's pages (see the header). */
export const fingerprintPages = async (doc: PDFDocument): Promise<string> => {
  const encoder = new TextEncoder();
  const pages = doc.getPages();
  const parts: Uint8Array[] = [encoder.encode(`lotse-flat-v1\n${pages.length}\n`)];
  for (const page of pages) {
    const box = page.getMediaBox();
    const streams = contentBytes(doc, page.node.get(PDFName.of('Contents')));
    const length = streams.reduce((sum, s) => sum + s.length, 0);
    parts.push(
      encoder.encode(
        `${[box.x, box.y, box.width, box.height, page.getRotation().angle].join(' ')} ${length}\n`,
      ),
      ...streams,
    );
  }
  const total = parts.reduce((sum, p) => sum + p.length, 0);
  const data = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    data.set(part, at);
    at += part.length;
  }
  return sha256Hex(data);
};
