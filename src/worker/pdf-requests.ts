// What the form engine's worker does with one request: run the engine (src/pdf, pure over
// bytes) and answer with its result plus the buffers to transfer. Kept apart from the worker's
// entry (pdf-worker.ts) so it runs in Node too (unit tests with the real engine and fonts).
import { fillPdf, inspectPdf, type FontSet } from '../pdf/index';
import {
  engineFailed,
  type EngineOperations,
  type EngineRequest,
  type EngineResponse,
} from './pdf-protocol';

/** Loads the fonts for filling; null when they cannot be had (reported as fonts-unavailable). */
export type FontLoader = () => Promise<FontSet | null>;

export type Answer = { response: EngineResponse; transfer: ArrayBuffer[] };

const fill = async (
  request: EngineOperations['fill']['request'],
  loadFonts: FontLoader,
): Promise<EngineOperations['fill']['result']> => {
  const fonts = await loadFonts();
  if (!fonts) return { ok: false, code: 'fonts-unavailable' };
  return fillPdf(request.bytes, request.values, { ...request.options, fonts });
};

const inspect = (
  request: EngineOperations['inspect']['request'],
): Promise<EngineOperations['inspect']['result']> =>
  inspectPdf(request.bytes, request.password === undefined ? {} : { password: request.password });

/**
 * Runs one request. Never throws: an exception inside the engine is a bug or an exhausted
 * heap (a failed ArrayBuffer allocation throws RangeError), and comes back as
 * pdf-engine-failed, so the app shows a sentence instead of waiting for an answer.
 */
export const answerRequest = async (
  request: EngineRequest,
  loadFonts: FontLoader,
): Promise<Answer> => {
  try {
    if (request.op === 'inspect') {
      return {
        response: { id: request.id, op: 'inspect', result: await inspect(request) },
        transfer: [],
      };
    }
    const result = await fill(request, loadFonts);
    const transfer =
      result.ok && result.value.buffer instanceof ArrayBuffer ? [result.value.buffer] : [];
    return { response: { id: request.id, op: 'fill', result }, transfer };
  } catch (error) {
    console.error('form engine failed', error);
    const response: EngineResponse =
      request.op === 'inspect'
        ? { id: request.id, op: 'inspect', result: engineFailed() }
        : { id: request.id, op: 'fill', result: engineFailed() };
    return { response, transfer: [] };
  }
};
