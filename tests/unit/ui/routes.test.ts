import { describe, expect, it } from 'vitest';
import { href, parseRoute } from '../../../src/ui/routes';

describe('routes', () => {
  it('parse every screen and round-trip through href', () => {
    const id = '0194a0a0-0000-7000-8000-000000000001';
    const pid = '0194a0a0-0000-7000-8000-000000000002';
    expect(parseRoute('')).toEqual({ name: 'cases' });
    expect(parseRoute(href.cases())).toEqual({ name: 'cases' });
    expect(parseRoute(href.case(id))).toEqual({ name: 'case', id });
    expect(parseRoute(href.caseEdit(null))).toEqual({ name: 'case-edit', id: null });
    expect(parseRoute(href.caseEdit(id))).toEqual({ name: 'case-edit', id });
    expect(parseRoute(href.person(id, null))).toEqual({
      name: 'person-edit',
      caseId: id,
      id: null,
    });
    expect(parseRoute(href.person(id, pid))).toEqual({ name: 'person-edit', caseId: id, id: pid });
    expect(parseRoute(href.appointment(id, pid))).toEqual({
      name: 'appointment-edit',
      caseId: id,
      id: pid,
    });
    expect(parseRoute(href.note(id, null))).toEqual({ name: 'note-edit', caseId: id, id: null });
    expect(parseRoute(href.agenda())).toEqual({ name: 'agenda' });
    expect(parseRoute(href.settings())).toEqual({ name: 'settings' });
  });
  it('reject unknown paths', () => {
    expect(parseRoute('#/nope')).toEqual({ name: 'not-found' });
    expect(parseRoute('#/cases/x/unknown/y')).toEqual({ name: 'not-found' });
    expect(parseRoute('#/settings/extra')).toEqual({ name: 'not-found' });
  });
});
