// Entry of the form engine's module worker, started by ui/pdf-engine.ts on first use: the
// engine (src/pdf, pdf-lib, fontkit) loads and runs here, so inspecting or filling a large form
// never blocks the page. The Noto fonts are build assets fetched from here (the service worker
// precaches them and this file, so filling works offline); they are kept for the worker's life.
import arabicFontUrl from '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf?url';
import latinFontUrl from '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf?url';
import type { FontSet } from '../pdf/index';
import type { EngineRequest } from './pdf-protocol';
import { answerRequest } from './pdf-requests';

// The app's tsconfig has the DOM library, not the WebWorker one: this is the part of the
// worker's global scope used here.
type WorkerScope = {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<EngineRequest>) => void): void;
};
const scope = globalThis as unknown as WorkerScope;

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

scope.addEventListener('message', (event) => {
  void answerRequest(event.data, loadFonts).then(({ response, transfer }) =>
    scope.postMessage(response, transfer),
  );
});
