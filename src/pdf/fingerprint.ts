// The edition fingerprint: SHA-256 over the sorted field structure (name, type, options, maxLen).
// Values, metadata, field order, XFA and encryption do not enter, so the same edition downloaded
// twice, or decrypted by a web tool, keeps its fingerprint.
import type { PdfField } from './types';

export const fingerprintFields = async (fields: readonly PdfField[]): Promise<string> => {
  const lines = fields
    .map((field) => JSON.stringify([field.name, field.type, field.options, field.maxLen]))
    .sort();
  const data = new TextEncoder().encode(lines.join('\n'));
  const digest = await globalThis.crypto.subtle.digest('SHA-256', data);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
};
