// The form engine on the command line, for pack authors and tests:
//   npm run form -- inspect FILE.pdf [--password PW]
//   npm run form -- fill FILE.pdf VALUES.json -o OUT.pdf [--flatten] [--overlays BOXES.json]
//     [--password PW]
// inspect prints the inspection as JSON; fill takes a JSON object mapping field keys (the names,
// "#2"-suffixed for repeated names) to a string or a boolean. --overlays takes a JSON array of
// text boxes for flat forms ({key, page (0-based), rect: [x, y, width, height] in points from
// the bottom-left, fontSize?, multiline?}); VALUES.json then gives their texts under their keys.
// Every failure exits non-zero with
// one line on stderr; the output is written to a temporary file and renamed, so a failed run
// never leaves a half-written file.
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { loadNodeFonts } from '../src/pdf/appearance/node-fonts';
import { fillPdf, inspectPdf } from '../src/pdf/index';
import type { PdfError, PdfFieldValues, PdfOverlayBox } from '../src/pdf/types';

class UsageError extends Error {}

const USAGE =
  'usage: form inspect FILE.pdf [--password PW] | form fill FILE.pdf VALUES.json -o OUT.pdf [--flatten] [--overlays BOXES.json] [--password PW]';

const MESSAGES: Record<PdfError['code'], string> = {
  'pdf-damaged': 'the PDF is damaged',
  'pdf-not-a-pdf': 'the file is not a PDF',
  'pdf-password-required': 'the PDF is protected: give its password with --password',
  'pdf-password-wrong': 'the password is wrong',
  'pdf-encryption-unsupported': 'the PDF uses an encryption Lotse cannot open correctly',
  'pdf-field-unknown': 'no such field or overlay box',
  'pdf-field-read-only': 'the field is read-only',
  'pdf-value-too-long': 'the value is longer than the field allows',
  'pdf-option-unknown': 'the value is not one of the field’s options',
  'pdf-glyph-missing': 'no font can draw a character of the value',
  'pdf-value-type': 'wrong type of value (checkboxes take true/false, other fields text)',
};

const describeError = (error: PdfError): string =>
  [
    `${error.code}: ${MESSAGES[error.code]}`,
    error.field === undefined ? '' : ` — field ${JSON.stringify(error.field)}`,
    error.detail === undefined ? '' : ` (${error.detail})`,
  ].join('');

type Args = {
  positional: string[];
  password?: string;
  out?: string;
  overlays?: string;
  flatten: boolean;
};

const parseArgs = (argv: string[]): Args => {
  const args: Args = { positional: [], flatten: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = () => {
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`${arg} needs a value`);
      return value;
    };
    if (arg === '--password') args.password = next();
    else if (arg === '-o' || arg === '--output') args.out = next();
    else if (arg === '--flatten') args.flatten = true;
    else if (arg === '--overlays') args.overlays = next();
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else args.positional.push(arg);
  }
  return args;
};

const readInput = async (path: string): Promise<Uint8Array> => {
  try {
    return new Uint8Array(await readFile(path));
  } catch {
    throw new UsageError(`cannot read ${path}`);
  }
};

const readJson = async (path: string): Promise<unknown> => {
  const text = new TextDecoder().decode(await readInput(path));
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
};

const readValues = async (path: string): Promise<PdfFieldValues> => {
  const parsed = await readJson(path);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UsageError(`${path} must be a JSON object mapping field names to values`);
  }
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== 'string' && typeof value !== 'boolean') {
      throw new UsageError(`${path}: field ${JSON.stringify(key)} must be a string or true/false`);
    }
  }
  return parsed as PdfFieldValues;
};

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The boxes' shape; the engine checks pages and sizes against the PDF. */
const readOverlays = async (path: string): Promise<PdfOverlayBox[]> => {
  const parsed = await readJson(path);
  if (!Array.isArray(parsed)) throw new UsageError(`${path} must be a JSON array of boxes`);
  return parsed.map((item: unknown, i) => {
    const box = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const { key, page, rect, fontSize, multiline } = box;
    const isBox =
      typeof key === 'string' &&
      isNumber(page) &&
      Array.isArray(rect) &&
      rect.length === 4 &&
      rect.every(isNumber) &&
      (fontSize === undefined || isNumber(fontSize)) &&
      (multiline === undefined || typeof multiline === 'boolean');
    if (!isBox) {
      throw new UsageError(
        `${path}: box ${i + 1} must be {key, page, rect: [x, y, width, height], fontSize?, multiline?}`,
      );
    }
    return {
      key,
      page,
      rect: rect as PdfOverlayBox['rect'],
      ...(fontSize !== undefined && { fontSize }),
      ...(multiline !== undefined && { multiline }),
    };
  });
};

/** Temp file in the target's folder (same file system), then rename: all or nothing. */
const writeAtomically = async (path: string, bytes: Uint8Array): Promise<void> => {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, bytes);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw new UsageError(`cannot write ${path}: ${(error as Error).message}`);
  }
};

const run = async (argv: string[]): Promise<number> => {
  const [command, ...rest] = argv;
  const args = parseArgs(rest);
  const password = args.password === undefined ? {} : { password: args.password };
  if (command === 'inspect' && args.positional.length === 1) {
    const result = await inspectPdf(await readInput(args.positional[0]!), password);
    if (!result.ok) return fail(describeError(result.error));
    process.stdout.write(`${JSON.stringify(result.value, null, 2)}\n`);
    return 0;
  }
  if (command === 'fill' && args.positional.length === 2) {
    if (!args.out) throw new UsageError('fill needs -o OUT.pdf');
    const [pdfPath, valuesPath] = args.positional as [string, string];
    const bytes = await readInput(pdfPath);
    const values = await readValues(valuesPath);
    const overlays = args.overlays === undefined ? [] : await readOverlays(args.overlays);
    const fonts = await loadNodeFonts();
    const result = await fillPdf(bytes, values, {
      ...password,
      flatten: args.flatten,
      fonts,
      overlays,
    });
    if (!result.ok) return fail(describeError(result.error));
    await writeAtomically(args.out, result.value);
    return 0;
  }
  throw new UsageError(USAGE);
};

const fail = (message: string): number => {
  process.stderr.write(`error: ${message}\n`);
  return 1;
};

run(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (!(error instanceof UsageError)) throw error;
    process.exitCode = fail(error.message);
  },
);
