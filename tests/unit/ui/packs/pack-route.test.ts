// The pack screen's hash route: from a library form's id and back.
import { describe, expect, it } from 'vitest';
import { href, parseRoute } from '../../../../src/ui/routes';

describe('pack route', () => {
  it('round-trips a form id', () => {
    const id = '019aa000-0000-7000-8000-0000000000f1';
    expect(href.pack(id)).toBe(`#/forms/${id}/pack`);
    expect(parseRoute(href.pack(id))).toEqual({ name: 'pack', formId: id });
  });

  it('refuses other paths under a form', () => {
    expect(parseRoute('#/forms/abc')).toEqual({ name: 'not-found' });
    expect(parseRoute('#/forms/abc/pack/x')).toEqual({ name: 'not-found' });
  });
});
