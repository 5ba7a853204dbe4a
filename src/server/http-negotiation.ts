// Accept-Encoding and If-None-Match, parsed just far enough to be correct.
export type Encoding = 'br' | 'gzip' | 'identity';

function acceptedCodings(header: string): Map<string, number> {
  const accepted = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.trim().split('=');
      if (key === 'q' && value !== undefined) q = Number.parseFloat(value);
    }
    accepted.set(name.trim(), Number.isFinite(q) ? q : 0);
  }
  return accepted;
}

/** The client's preferred of brotli and gzip (brotli on a tie), else the bytes as they are. */
export function chooseEncoding(header: string | undefined): Encoding {
  if (!header) return 'identity';
  const accepted = acceptedCodings(header);
  const wildcard = accepted.get('*') ?? 0;
  const qualityOf = (coding: string): number => accepted.get(coding) ?? wildcard;
  const br = qualityOf('br');
  const gzip = Math.max(qualityOf('gzip'), accepted.get('x-gzip') ?? 0);
  if (br > 0 && br >= gzip) return 'br';
  if (gzip > 0) return 'gzip';
  return 'identity';
}

const opaque = (tag: string): string => tag.trim().replace(/^W\//, '');

/** Weak comparison, as RFC 9110 asks for If-None-Match. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const wanted = opaque(etag);
  return ifNoneMatch.split(',').some((tag) => opaque(tag) === wanted);
}
