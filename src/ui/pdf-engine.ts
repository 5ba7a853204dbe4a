// The one door to the form engine (src/pdf/). The engine runs in a module worker
// (worker/pdf-worker.ts), started on first use: pdf-lib and the fonts load there, never on the
// first screen and never on the page's thread, so inspecting or filling a 700-field form leaves
// the app responsive. The worker file and the fonts are build assets the service worker
// precaches, so this works offline. Results are the engine's own PdfResult values; a failed
// worker is pdf-engine-failed (see ui/pdf-worker-client.ts).
import type { PdfFieldValues, PdfInspection, PdfResult } from '../pdf/types';
import type { Err } from '../shared/result';
import type { EngineResult, FillRequestOptions } from '../worker/pdf-protocol';
import { createEngineClient } from './pdf-worker-client';

export type { EngineResult } from '../worker/pdf-protocol';

const engine = createEngineClient(
  () =>
    new Worker(new URL('../worker/pdf-worker.ts', import.meta.url), {
      type: 'module',
      name: 'pdf-engine',
    }),
);

export function inspectForm(
  bytes: Uint8Array,
  password?: string,
): Promise<PdfResult<PdfInspection> | Err<'pdf-engine-failed'>> {
  // The caller keeps its bytes; the worker gets one copy, transferred (not cloned again).
  const copy = bytes.slice();
  return engine.run(
    { op: 'inspect', bytes: copy, ...(password === undefined ? {} : { password }) },
    [copy.buffer],
  );
}

export function fillForm(
  bytes: Uint8Array,
  values: PdfFieldValues,
  options: FillRequestOptions & { password: string; flatten: boolean },
): Promise<EngineResult<Uint8Array>> {
  const copy = bytes.slice();
  return engine.run({ op: 'fill', bytes: copy, values, options }, [copy.buffer]);
}
