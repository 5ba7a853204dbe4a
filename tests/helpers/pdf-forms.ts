// The real forms in ../shared/forms (never copied into the repo), Node font loading, and the
// system tools the PDF tests check against: qpdf (encryption, --check) and poppler's pdftotext.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export { loadNodeFonts } from '../../src/pdf/appearance/node-fonts';

export const FORMS_DIR = resolve(import.meta.dirname, '../../../shared/forms');

export const readForm = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(join(FORMS_DIR, name)));

/** A temporary directory for one test file; remove it in afterAll. */
export const makeTempDir = (): { dir: string; remove: () => void } => {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-pdf-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
};

export type Encryption = 'rc4-40' | 'rc4-128' | 'aes-128' | 'aes-256';

const QPDF_KEY: Record<Encryption, string[]> = {
  'rc4-40': ['40'],
  'rc4-128': ['128', '--use-aes=n'],
  'aes-128': ['128', '--use-aes=y'],
  'aes-256': ['256'],
};

/** Encrypts a form with qpdf; an empty user password makes an owner-password-only file. */
export const encryptForm = (
  dir: string,
  form: string,
  encryption: Encryption,
  userPassword: string,
  ownerPassword = 'owner-secret',
): Uint8Array => {
  const out = join(dir, `${encryption}-${userPassword || 'empty'}-${form}`);
  execFileSync('qpdf', [
    '--allow-weak-crypto',
    '--encrypt',
    userPassword,
    ownerPassword,
    ...QPDF_KEY[encryption],
    '--',
    join(FORMS_DIR, form),
    out,
  ]);
  return new Uint8Array(readFileSync(out));
};

/** Runs `qpdf --check`; returns null when it passes, else its complaint. */
export const qpdfCheck = (dir: string, bytes: Uint8Array, name = 'check.pdf'): string | null => {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  try {
    execFileSync('qpdf', ['--check', file], { stdio: 'pipe' });
    return null;
  } catch (error) {
    // Strict: warnings (exit code 3) count too — our output must be clean.
    return (error as { stdout?: Buffer }).stdout?.toString() || String(error);
  }
};

/** The text poppler extracts, NFKC-normalised (Arabic may come out as presentation forms). */
export const pdfText = (dir: string, bytes: Uint8Array, name = 'text.pdf'): string => {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-q', file, '-']).toString('utf8').normalize('NFKC');
};

/**
 * The "Syntax Error" lines poppler writes to stderr while extracting the text of every page
 * (warnings, such as an odd font weight, are not counted).
 */
export const popplerErrors = (dir: string, bytes: Uint8Array, name = 'errors.pdf'): string[] => {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const run = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  if (run.error) throw run.error;
  return run.stderr.split('\n').filter((line) => line.startsWith('Syntax Error'));
};

/**
 * Dark pixels (gray < 128) that poppler renders at 72 dpi inside a rectangle of a page given in
 * PDF user space (origin bottom-left) — to see whether a flattened checkbox mark is drawn.
 */
export const darkPixels = (
  dir: string,
  bytes: Uint8Array,
  page: number,
  rect: { x: number; y: number; width: number; height: number },
  pageHeight: number,
): number => {
  const file = join(dir, `render-${page}.pdf`);
  writeFileSync(file, bytes);
  const crop = [
    ['-x', Math.floor(rect.x)],
    ['-y', Math.floor(pageHeight - rect.y - rect.height)],
    ['-W', Math.ceil(rect.width)],
    ['-H', Math.ceil(rect.height)],
  ].flatMap(([flag, n]) => [String(flag), String(n)]);
  const pgm = execFileSync('pdftoppm', [
    '-gray',
    '-r',
    '72',
    '-f',
    `${page}`,
    '-l',
    `${page}`,
    ...crop,
    file,
  ]);
  // Binary PGM: "P5\n<w> <h>\n255\n" then one byte per pixel.
  const header = pgm
    .subarray(0, 40)
    .toString('latin1')
    .match(/^P5\s+\d+\s+\d+\s+\d+\s/);
  const pixels = pgm.subarray(header ? header[0].length : 0);
  return pixels.reduce((count, value) => count + (value < 128 ? 1 : 0), 0);
};
