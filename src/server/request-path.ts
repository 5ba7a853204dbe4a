// Turns the raw request target into a decoded list of path segments, refusing everything that
// could climb out of the served folder: `..`, NUL bytes, backslashes and encoded slashes.
export type RequestPath =
  | { ok: true; pathname: string; segments: string[]; isDirectory: boolean }
  | { ok: false; reason: 'malformed' | 'forbidden' };

const encodedSeparator = /%(2f|5c)/i;

export function parseRequestPath(target: string): RequestPath {
  // Only origin-form targets ("/path?query"); absolute URLs and "*" are not for us.
  if (!target.startsWith('/')) return { ok: false, reason: 'malformed' };
  const raw = target.split(/[?#]/, 1)[0] ?? '';
  if (encodedSeparator.test(raw)) return { ok: false, reason: 'forbidden' };
  let pathname: string;
  try {
    pathname = decodeURIComponent(raw);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { ok: false, reason: 'forbidden' };
  const segments: string[] = [];
  for (const segment of pathname.split('/')) {
    if (segment === '..') return { ok: false, reason: 'forbidden' };
    if (segment === '' || segment === '.') continue;
    segments.push(segment);
  }
  const isDirectory = segments.length > 0 && pathname.endsWith('/');
  return { ok: true, pathname: `/${segments.join('/')}`, segments, isDirectory };
}

export const hasExtension = (segments: readonly string[]): boolean => {
  const last = segments.at(-1);
  return last !== undefined && last.lastIndexOf('.') > 0;
};
