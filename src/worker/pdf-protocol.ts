// The messages between the app (ui/pdf-engine.ts) and the form engine's Web Worker
// (worker/pdf-worker.ts). Types and one tiny helper, importing nothing of the engine itself, so
// the main thread can use them without pulling pdf-lib into its chunks. PDF bytes travel as
// transferred ArrayBuffers in both directions: the app copies the stored bytes once (the engine
// keeps what it is given) and hands the copy over; the filled PDF comes back the same way,
// never copied.
import type { Err } from '../shared/result';
import type { FillOptions } from '../pdf/fill-form';
import type { PdfFieldValues, PdfInspection, PdfResult } from '../pdf/types';

/**
 * Failures of the engine's surroundings rather than of the file: the fonts could not be
 * loaded (a broken install), or the worker failed (its code did not load, it threw, it ran
 * out of memory). The UI says so in a sentence; the file itself may be fine.
 */
export type EngineFailureCode = 'fonts-unavailable' | 'pdf-engine-failed';

/** The engine's result, or a failure of the engine itself. */
export type EngineResult<T> = PdfResult<T> | Err<EngineFailureCode>;

/** Fill options as the app passes them; the worker adds the fonts. */
export type FillRequestOptions = Omit<FillOptions, 'fonts'>;

export type EngineOperations = {
  inspect: {
    request: { bytes: Uint8Array; password?: string };
    // Inspecting needs no fonts.
    result: PdfResult<PdfInspection> | Err<'pdf-engine-failed'>;
  };
  fill: {
    request: { bytes: Uint8Array; values: PdfFieldValues; options: FillRequestOptions };
    result: EngineResult<Uint8Array>;
  };
};

export type EngineOperation = keyof EngineOperations;

/** App → worker. `id` pairs the answer with its request. */
export type EngineRequest = {
  [Op in EngineOperation]: { id: number; op: Op } & EngineOperations[Op]['request'];
}[EngineOperation];

/** Worker → app: exactly one answer per request. */
export type EngineResponse = {
  [Op in EngineOperation]: { id: number; op: Op; result: EngineOperations[Op]['result'] };
}[EngineOperation];

export const engineFailed = (): Err<'pdf-engine-failed'> => ({
  ok: false,
  code: 'pdf-engine-failed',
});
