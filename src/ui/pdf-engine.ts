// The one door to the form engine (src/pdf/) and its fonts. Everything behind it is loaded
// on first use through dynamic import(), so the PDF code is its own chunk and never weighs on
// the first screen. The Noto fonts are build assets the service worker precaches, so filling
// works offline.
import arabicFontUrl from '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf?url';
import latinFontUrl from '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf?url';
import type { Err } from '../shared/result';
import type { PdfFieldValues, PdfInspection, PdfResult } from '../pdf/types';

type FontSet = { latin: Uint8Array; arabic: Uint8Array };

/** The engine's result, or fonts that could not be loaded (a broken install, never offline). */
export type EngineResult<T> = PdfResult<T> | Err<'fonts-unavailable'>;

const loadEngine = () => import('../pdf/index');

let fonts: Promise<FontSet | null> | null = null;

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`font ${url}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

function loadFonts(): Promise<FontSet | null> {
  fonts ??= Promise.all([fetchBytes(latinFontUrl), fetchBytes(arabicFontUrl)]).then(
    ([latin, arabic]) => ({ latin, arabic }),
    (error: unknown) => {
      console.error('fonts unavailable', error);
      fonts = null; // try again next time
      return null;
    },
  );
  return fonts;
}

export async function inspectForm(
  bytes: Uint8Array,
  password?: string,
): Promise<PdfResult<PdfInspection>> {
  const engine = await loadEngine();
  // The engine may hand bytes to pdf-lib, which keeps them: give it a copy.
  return engine.inspectPdf(bytes.slice(), password === undefined ? {} : { password });
}

export async function fillForm(
  bytes: Uint8Array,
  values: PdfFieldValues,
  options: { password: string; flatten: boolean },
): Promise<EngineResult<Uint8Array>> {
  const [engine, fontSet] = await Promise.all([loadEngine(), loadFonts()]);
  if (!fontSet) return { ok: false, code: 'fonts-unavailable' };
  return engine.fillPdf(bytes.slice(), values, {
    password: options.password,
    flatten: options.flatten,
    fonts: fontSet,
  });
}
