import { describe, expect, it } from 'vitest';
import { emptyAppointment, emptyCase, emptyPerson } from '../../../src/domain/defaults';
import type { Appointment, Case, Person } from '../../../src/domain/types';
import {
  ERROR_CODES,
  validateAppointment,
  validateCase,
  validatePerson,
} from '../../../src/domain/validation';

const base = {
  id: 'id-1',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  deleted: false,
};
const today = '2026-03-15';

const person = (overrides: Partial<Person> = {}): Person => ({
  ...base,
  ...emptyPerson('case-1'),
  ...overrides,
});
const withResidence = (expiresOn: string): Person => {
  const p = person();
  return { ...p, residence: { ...p.residence, expiresOn } };
};

describe('validatePerson', () => {
  it('accepts an empty person', () => {
    expect(validatePerson(person(), today)).toEqual({});
  });

  it('accepts a complete valid person', () => {
    const p = person({
      dateOfBirth: '1990-05',
      iban: 'DE89 3704 0044 0532 0130 00',
      taxId: '86095742719',
      pensionInsuranceNumber: '65170839J003',
      email: 'fatima.haidari@example.org',
      nationality: 'AF',
    });
    expect(
      validatePerson({ ...p, residence: { ...p.residence, expiresOn: '2026-09-30' } }, today),
    ).toEqual({});
  });

  it('reports each field under its path', () => {
    const p = person({
      dateOfBirth: '31.02.1990',
      iban: 'DE89370400440532013001',
      taxId: '1234567890',
      pensionInsuranceNumber: '65170839J004',
      email: 'fatima',
      nationality: 'QQ',
    });
    expect(
      validatePerson({ ...p, residence: { ...p.residence, expiresOn: '2026-02-30' } }, today),
    ).toEqual({
      dateOfBirth: 'date-invalid',
      iban: 'iban-checksum',
      taxId: 'tax-id-format',
      pensionInsuranceNumber: 'pension-number-checksum',
      email: 'email-format',
      'residence.expiresOn': 'date-invalid',
      nationality: 'nationality-unknown',
    });
  });

  it('reports a date of birth in the future', () => {
    expect(validatePerson(person({ dateOfBirth: '2026-04' }), today)).toEqual({
      dateOfBirth: 'date-future',
    });
  });

  it('checks e-mail addresses loosely', () => {
    for (const email of ['a@b.de', ' a.b+c@mail.example.org ', 'ä@bücher.de']) {
      expect(validatePerson(person({ email }), today)).toEqual({});
    }
    for (const email of ['a@b', 'a b@c.de', '@b.de', 'a@.de', 'a@b.', 'a@@b.de']) {
      expect(validatePerson(person({ email }), today)).toEqual({ email: 'email-format' });
    }
  });

  it('accepts the special nationality values and known codes', () => {
    for (const nationality of ['', 'stateless', 'unclear', 'SY', 'UA', 'XK']) {
      expect(validatePerson(person({ nationality }), today)).toEqual({});
    }
    for (const nationality of ['sy', 'Syria', 'XX', 'DEU']) {
      expect(validatePerson(person({ nationality }), today)).toEqual({
        nationality: 'nationality-unknown',
      });
    }
  });

  it('requires the residence expiry to be an ISO date when set', () => {
    expect(validatePerson(withResidence('2027-01-31'), today)).toEqual({});
    expect(validatePerson(withResidence('31.01.2027'), today)).toEqual({
      'residence.expiresOn': 'date-invalid',
    });
  });
});

describe('validateCase', () => {
  const aCase = (postalCode: string): Case => {
    const c = { ...base, ...emptyCase() };
    return { ...c, address: { ...c.address, postalCode } };
  };

  it('accepts empty and five-digit postal codes', () => {
    expect(validateCase(aCase(''))).toEqual({});
    expect(validateCase(aCase('01067'))).toEqual({});
    expect(validateCase(aCase(' 10115 '))).toEqual({});
  });

  it('rejects anything else', () => {
    for (const code of ['1011', '101155', 'D-10115', '10 115', 'abcde']) {
      expect(validateCase(aCase(code))).toEqual({ 'address.postalCode': 'postal-code-format' });
    }
  });
});

describe('validateAppointment', () => {
  const appointment = (startsAt: string): Appointment => ({
    ...base,
    ...emptyAppointment('case-1', startsAt),
  });

  it('accepts a valid local date-time', () => {
    expect(validateAppointment(appointment('2026-03-16T09:30'))).toEqual({});
  });

  it('rejects missing or malformed times', () => {
    for (const startsAt of [
      '',
      '2026-03-16',
      '2026-03-16T9:30',
      '2026-02-30T09:30',
      '2026-03-16T25:00',
    ]) {
      expect(validateAppointment(appointment(startsAt))).toEqual({ startsAt: 'datetime-invalid' });
    }
  });
});

describe('ERROR_CODES', () => {
  it('lists unique kebab-case codes', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    for (const code of ERROR_CODES) expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('contains every code the validators produced above and below', () => {
    const p = person({
      dateOfBirth: 'x',
      iban: 'XX00',
      taxId: '12345678901',
      pensionInsuranceNumber: 'x',
      email: 'x',
      nationality: 'x',
    });
    const produced = [
      ...Object.values(validatePerson(p, today)),
      ...Object.values(
        validatePerson(
          person({ dateOfBirth: '2099', iban: 'XX8937040044', taxId: '86095742718' }),
          today,
        ),
      ),
      ...Object.values(
        validatePerson(
          person({
            dateOfBirth: '31.02.1990',
            iban: 'DE893704',
            taxId: '123',
            pensionInsuranceNumber: '65170839J004',
          }),
          today,
        ),
      ),
      ...Object.values(validatePerson(person({ iban: 'DE89370400440532013001' }), today)),
      ...Object.values(
        validateCase({
          ...base,
          ...emptyCase(),
          address: { street: '', postalCode: '1', city: '' },
        }),
      ),
      ...Object.values(validateAppointment({ ...base, ...emptyAppointment('c', '') })),
    ];
    expect(new Set(produced)).toEqual(new Set(ERROR_CODES));
  });
});
