// The two Noto fonts from node_modules, for Node (CLI, tests, benchmarks). The browser loads the
// same files as assets instead; this module is not re-exported from index.ts.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { FontSet } from './fonts';

const require = createRequire(import.meta.url);

const fontPath = (pkg: string, file: string): string =>
  require.resolve(`@expo-google-fonts/${pkg}/400Regular/${file}`);

let loaded: Promise<FontSet> | undefined;

/** Reads Noto Sans and Noto Sans Arabic once per process. */
export const loadNodeFonts = (): Promise<FontSet> => {
  loaded ??= Promise.all([
    readFile(fontPath('noto-sans', 'NotoSans_400Regular.ttf')),
    readFile(fontPath('noto-sans-arabic', 'NotoSansArabic_400Regular.ttf')),
  ]).then(([latin, arabic]) => ({ latin: new Uint8Array(latin), arabic: new Uint8Array(arabic) }));
  return loaded;
};
