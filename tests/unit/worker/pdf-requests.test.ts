// What the form engine's worker answers, with the real engine, real forms and the real fonts:
// the engine's own result codes pass through unchanged, the filled PDF's buffer is handed back
// for transfer (not copied), missing fonts are fonts-unavailable, and an exception inside the
// worker (a bug, or an allocation that failed) is pdf-engine-failed — never an unanswered request.
import { describe, expect, it, vi } from 'vitest';
import { answerRequest, type FontLoader } from '../../../src/worker/pdf-requests';
import type { EngineResponse } from '../../../src/worker/pdf-protocol';
import { loadNodeFonts, readForm } from '../../helpers/pdf-forms';

const HA = 'de_jc_hauptantrag_ha_2025-04.pdf';
const fonts: FontLoader = loadNodeFonts;

const resultOf = (response: EngineResponse) => response.result;

describe('the form engine worker', () => {
  it('answers an inspect request with the engine’s inspection, under the request’s id', async () => {
    const { response, transfer } = await answerRequest(
      { id: 7, op: 'inspect', bytes: readForm(HA) },
      fonts,
    );
    expect(response).toMatchObject({ id: 7, op: 'inspect' });
    const result = resultOf(response);
    if (!result.ok) throw new Error(result.code);
    expect(result.value).toMatchObject({ kind: 'acroform', encrypted: false });
    expect(result.value).toHaveProperty('fields.length', 118);
    expect(transfer).toEqual([]);
  });

  it('fills, and hands the filled PDF’s own buffer back for transfer', async () => {
    const { response, transfer } = await answerRequest(
      {
        id: 8,
        op: 'fill',
        bytes: readForm(HA),
        values: { txtfPersonVorname: 'Łukasz Шевченко محمد' },
        options: { flatten: false },
      },
      fonts,
    );
    expect(response).toMatchObject({ id: 8, op: 'fill' });
    const result = resultOf(response);
    if (!result.ok || !(result.value instanceof Uint8Array)) throw new Error('fill failed');
    expect(Buffer.from(result.value.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(transfer).toHaveLength(1);
    expect(transfer[0]).toBe(result.value.buffer);
  });

  it('passes the engine’s codes through unchanged', async () => {
    const damaged = readForm(HA).subarray(0, 40_000);
    const inspected = await answerRequest({ id: 1, op: 'inspect', bytes: damaged }, fonts);
    expect(resultOf(inspected.response)).toMatchObject({ ok: false, code: 'pdf-damaged' });

    const filled = await answerRequest(
      { id: 2, op: 'fill', bytes: readForm(HA), values: { nope: 'x' }, options: {} },
      fonts,
    );
    expect(resultOf(filled.response)).toEqual({
      ok: false,
      code: 'pdf-field-unknown',
      error: expect.objectContaining({ code: 'pdf-field-unknown', field: 'nope' }),
    });
  });

  it('is fonts-unavailable when the fonts cannot be loaded', async () => {
    const { response } = await answerRequest(
      { id: 3, op: 'fill', bytes: readForm(HA), values: {}, options: {} },
      async () => null,
    );
    expect(response).toEqual({
      id: 3,
      op: 'fill',
      result: { ok: false, code: 'fonts-unavailable' },
    });
  });

  it('is pdf-engine-failed when something inside the worker throws', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const outOfMemory: FontLoader = () =>
      Promise.reject(new RangeError('Array buffer allocation failed'));
    const { response, transfer } = await answerRequest(
      { id: 4, op: 'fill', bytes: readForm(HA), values: {}, options: {} },
      outOfMemory,
    );
    expect(response).toEqual({
      id: 4,
      op: 'fill',
      result: { ok: false, code: 'pdf-engine-failed' },
    });
    expect(transfer).toEqual([]);
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });
});
