// Requests Node cannot even parse (unknown method, oversized headers, garbage bytes) never reach
// the request handler. Answer them here, with the same security headers, and close the socket.
import type { Duplex } from 'node:stream';
import { apiError } from '../shared/api-errors.js';
import { securityHeaders } from './security-headers.js';

export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
  const body = JSON.stringify(
    apiError('bad-request', tooLarge ? 'Headers too large' : 'Bad request'),
  );
  const headers = {
    ...securityHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    Connection: 'close',
  };
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\r\n');
  socket.end(`HTTP/1.1 ${status}\r\n${head}\r\n\r\n${body}`);
}
