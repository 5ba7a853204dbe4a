// A real flat form rotated by qpdf (/Rotate 90), read by the same pdf.js the previews use: the
// page reports its rotation, overlay mode refuses to place boxes on it (clicks would land on
// swapped axes), and drawn with rotation 0 the page matches its unrotated box — the way the
// pack screen draws a page so the field's mark sits where the field is.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUpright } from '../../../../src/ui/screens/overlay/page-geometry';

const FLAT = resolve(
  import.meta.dirname,
  '../../../../../shared/forms/de_berlin_lea_antrag_aufenthaltstitel_flat.pdf',
);
let dir: string;
let rotated: Uint8Array;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lotse-rotated-'));
  const out = join(dir, 'rotated.pdf');
  execFileSync('qpdf', ['--rotate=+90', FLAT, out]);
  rotated = new Uint8Array(readFileSync(out));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function firstPage(bytes: Uint8Array) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false }).promise;
  return { page: await doc.getPage(1), doc };
}

describe('rotated pages', () => {
  it('an upright page takes boxes, the same page rotated by 90° does not', async () => {
    const upright = await firstPage(new Uint8Array(readFileSync(FLAT)));
    const turned = await firstPage(rotated);
    expect(upright.page.rotate).toBe(0);
    expect(turned.page.rotate).toBe(90);
    expect(isUpright(upright.page.rotate)).toBe(true);
    expect(isUpright(turned.page.rotate)).toBe(false);
    await upright.doc.destroy();
    await turned.doc.destroy();
  });

  it('drawn with rotation 0, the rotated page has its unrotated box again', async () => {
    const { page, doc } = await firstPage(rotated);
    const [x1, y1, x2, y2] = page.view as [number, number, number, number];
    const drawn = page.getViewport({ scale: 1 });
    const unrotated = page.getViewport({ scale: 1, rotation: 0 });
    expect([unrotated.width, unrotated.height]).toEqual([x2 - x1, y2 - y1]);
    expect([drawn.width, drawn.height]).toEqual([y2 - y1, x2 - x1]);
    await doc.destroy();
  });

  it('counts every full turn and negative rotations', () => {
    expect([0, 360, -360, 720].every(isUpright)).toBe(true);
    expect([90, 180, 270, -90, 450].some(isUpright)).toBe(false);
  });
});
