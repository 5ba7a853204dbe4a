import { describe, expect, it } from 'vitest';
import { href, parseRoute } from '../../../src/ui/routes';

describe('form routes', () => {
  const caseId = '0194a0a0-0000-7000-8000-000000000001';
  const draftId = '0194a0a0-0000-7000-8000-000000000003';

  it('parse the library, "fill a form" and a draft, and round-trip through href', () => {
    expect(parseRoute(href.forms())).toEqual({ name: 'forms' });
    expect(parseRoute(href.draft(caseId, null))).toEqual({ name: 'draft', caseId, id: null });
    expect(parseRoute(href.draft(caseId, draftId))).toEqual({
      name: 'draft',
      caseId,
      id: draftId,
    });
  });

  it('reject what is not a form route', () => {
    expect(parseRoute('#/forms/extra')).toEqual({ name: 'not-found' });
    expect(parseRoute(`#/cases/${caseId}/drafts`)).toEqual({ name: 'not-found' });
  });
});
