// Loading a PDF: decryption, the password questions and classification. @cantoo/pdf-lib
// decrypts RC4 and AES when given a password (the empty string opens owner-password-only
// files); its errors are plain `Error`s, so they are mapped to codes here by message and type.
// A file that decrypts to garbage is refused rather than filled and corrupted.
import {
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  ParseSpeeds,
  decodePDFRawStream,
} from '@cantoo/pdf-lib';
import { pdfFail, type PdfFailure } from './pdf-error';
import type { PdfKind } from './types';

export type OpenedPdf = {
  doc: PDFDocument;
  encrypted: boolean;
  /** True when the AcroForm carries an XFA part (the file is an XFA hybrid). */
  hasXfa: boolean;
};

const HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** The header may follow some junk, but within the first KB (as viewers accept it). */
export const hasPdfHeader = (bytes: Uint8Array): boolean => {
  const end = Math.min(bytes.length - HEADER.length, 1024);
  for (let i = 0; i <= end; i++) {
    if (HEADER.every((b, j) => bytes[i + j] === b)) return true;
  }
  return false;
};

export const openPdf = async (
  bytes: Uint8Array,
  password?: string,
): Promise<{ ok: true; value: OpenedPdf } | PdfFailure> => {
  if (!hasPdfHeader(bytes)) return pdfFail('pdf-not-a-pdf');
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, {
      password: password ?? '',
      preserveXFA: true,
      updateMetadata: false,
      // pdf-lib yields to the event loop every 100 objects by default; on a busy device each
      // yield costs a timer tick, which made the 733-field Elterngeld load 40 % slower.
      parseSpeed: ParseSpeeds.Fastest,
    });
  } catch (error) {
    return loadFailure(error, password);
  }
  // The parser sets isDecrypted only when it ran with a decryption key.
  const encrypted = doc.context.isDecrypted;
  try {
    if (doc.getPageCount() < 1) return pdfFail('pdf-damaged', undefined, 'no pages');
    if (encrypted && !decryptsCleanly(doc)) return pdfFail('pdf-encryption-unsupported');
    return {
      ok: true,
      value: { doc, encrypted, hasXfa: acroFormOf(doc)?.has(PDFName.of('XFA')) ?? false },
    };
  } catch {
    // pdf-lib throws on broken page trees and object types; for input bytes that is damage.
    return pdfFail('pdf-damaged');
  }
};

const loadFailure = (error: unknown, password: string | undefined): PdfFailure => {
  const message = error instanceof Error ? error.message : '';
  if (message === 'NEEDS PASSWORD') {
    return pdfFail(password ? 'pdf-password-wrong' : 'pdf-password-required');
  }
  if (message === 'Password incorrect') {
    return pdfFail(password ? 'pdf-password-wrong' : 'pdf-password-required');
  }
  if (/invalid key length|Unknown (crypt|encryption)|unsupported/i.test(message)) {
    return pdfFail('pdf-encryption-unsupported', undefined, message.slice(0, 120));
  }
  return pdfFail('pdf-damaged');
};

export const acroFormOf = (doc: PDFDocument): PDFDict | undefined => {
  const acroForm = doc.catalog.lookup(PDFName.of('AcroForm'));
  return acroForm instanceof PDFDict ? acroForm : undefined;
};

export const classify = (hasXfa: boolean, fieldCount: number): PdfKind =>
  fieldCount === 0 ? 'flat' : hasXfa ? 'xfa-hybrid' : 'acroform';

/**
 * With a wrong key, strings decrypt to noise and compressed streams no longer inflate: check the
 * first page's content streams — a correct key always yields an inflatable stream.
 */
const decryptsCleanly = (doc: PDFDocument): boolean => {
  const page = doc.getPage(0);
  const contents = page.node.Contents();
  const streams =
    contents === undefined ? [] : 'asArray' in contents ? contents.asArray() : [contents];
  for (const entry of streams) {
    const stream = doc.context.lookup(entry);
    if (!(stream instanceof PDFRawStream)) continue;
    try {
      decodePDFRawStream(stream).decode();
    } catch {
      return false;
    }
  }
  return true;
};
