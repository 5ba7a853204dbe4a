// Content types by file extension, and which of them are worth compressing.
import { extname } from 'node:path';

type TypeInfo = { type: string; compressible: boolean };

const text = (type: string): TypeInfo => ({ type: `${type}; charset=utf-8`, compressible: true });
const binary = (type: string): TypeInfo => ({ type, compressible: false });

const byExtension: Readonly<Record<string, TypeInfo>> = {
  '.html': text('text/html'),
  '.js': text('text/javascript'),
  '.mjs': text('text/javascript'),
  '.css': text('text/css'),
  '.json': text('application/json'),
  '.map': text('application/json'),
  '.webmanifest': text('application/manifest+json'),
  '.txt': text('text/plain'),
  '.svg': { type: 'image/svg+xml', compressible: true },
  '.png': binary('image/png'),
  '.webp': binary('image/webp'),
  '.ico': binary('image/x-icon'),
  '.woff2': binary('font/woff2'),
  '.pdf': binary('application/pdf'),
  '.wasm': binary('application/wasm'),
};

const fallback: TypeInfo = binary('application/octet-stream');

export function contentTypeFor(filePath: string): TypeInfo {
  return byExtension[extname(filePath).toLowerCase()] ?? fallback;
}
