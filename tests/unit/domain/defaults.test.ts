import { describe, expect, it } from 'vitest';
import { emptyAppointment, emptyCase, emptyNote, emptyPerson } from '../../../src/domain/defaults';

describe('defaults', () => {
  it('creates an open, empty case', () => {
    const c = emptyCase();
    expect(c.status).toBe('open');
    expect(c.label).toBe('');
    expect(c.address).toEqual({ street: '', postalCode: '', city: '' });
    expect(c.languages).toEqual([]);
    expect(c.interpreterNeeded).toBe(false);
    expect(c).not.toHaveProperty('id');
  });

  it('creates an empty person of the case', () => {
    const p = emptyPerson('case-1');
    expect(p.caseId).toBe('case-1');
    expect(p.dateOfBirth).toBe('');
    expect(p.residence).toEqual({ document: '', paragraph: '', documentNumber: '', expiresOn: '' });
    expect(p.languages).toEqual([]);
    expect(p).not.toHaveProperty('deleted');
  });

  it('creates a planned appointment', () => {
    const a = emptyAppointment('case-1', '2026-05-13T10:30');
    expect(a.caseId).toBe('case-1');
    expect(a.startsAt).toBe('2026-05-13T10:30');
    expect(a.status).toBe('planned');
    expect(a.bring).toEqual([]);
  });

  it('creates a note', () => {
    expect(emptyNote('case-1', '2026-05-13', 'Anna')).toEqual({
      caseId: 'case-1',
      date: '2026-05-13',
      author: 'Anna',
      text: '',
    });
  });

  it('returns fresh objects on every call', () => {
    const first = emptyPerson('c');
    first.languages.push('fa');
    first.residence.expiresOn = '2026-01-01';
    expect(emptyPerson('c').languages).toEqual([]);
    expect(emptyPerson('c').residence.expiresOn).toBe('');
    const c = emptyCase();
    c.address.city = 'Köln';
    expect(emptyCase().address.city).toBe('');
    const a = emptyAppointment('c', '2026-05-13T10:30');
    a.bring.push({ id: 'x', text: 'Pass', done: false });
    expect(emptyAppointment('c', '2026-05-13T10:30').bring).toEqual([]);
  });
});
