// Opening real forms: classification, encryption (made with qpdf from a real form in every
// cipher the spec allows), password questions, damaged and foreign bytes.
import { afterAll, describe, expect, it } from 'vitest';
import { inspectPdf } from '../../../src/pdf/index';
import { encryptForm, makeTempDir, readForm, type Encryption } from '../../helpers/pdf-forms';

const temp = makeTempDir();
afterAll(temp.remove);

const HAUPTANTRAG = 'de_jc_hauptantrag_ha_2025-04.pdf';
const plain = readForm(HAUPTANTRAG);

const namesAndTypes = async (bytes: Uint8Array, password?: string) => {
  const result = await inspectPdf(bytes, password === undefined ? {} : { password });
  if (!result.ok) throw new Error(`inspect failed: ${result.code}`);
  return result.value;
};

describe('classification', () => {
  it.each([
    ['de_jc_hauptantrag_ha_2025-04.pdf', 'acroform', false],
    ['de_fk_kg1_antrag_kindergeld.pdf', 'xfa-hybrid', true],
    ['de_fk_kg1_unlocked_ilovepdf.pdf', 'acroform', false],
    ['us_irs_fw9_2018.pdf', 'xfa-hybrid', false],
    ['de_berlin_elterngeld_antrag_aes256.pdf', 'acroform', true],
    ['de_berlin_lea_antrag_aufenthaltstitel_flat.pdf', 'flat', false],
  ] as const)('%s is %s, encrypted %s', async (file, kind, encrypted) => {
    const inspection = await namesAndTypes(readForm(file));
    expect(inspection.kind).toBe(kind);
    expect(inspection.encrypted).toBe(encrypted);
  });
});

describe('encryption made with qpdf from the Hauptantrag', () => {
  const reference = namesAndTypes(plain);
  const ciphers: Encryption[] = ['rc4-40', 'rc4-128', 'aes-128', 'aes-256'];

  it.each(ciphers)('%s with a user password asks for it, refuses a wrong one', async (cipher) => {
    const bytes = encryptForm(temp.dir, HAUPTANTRAG, cipher, 'geheim');
    const missing = await inspectPdf(bytes);
    expect(missing).toMatchObject({ ok: false, code: 'pdf-password-required' });
    const wrong = await inspectPdf(bytes, { password: 'falsch' });
    expect(wrong).toMatchObject({ ok: false, code: 'pdf-password-wrong' });
    const opened = await namesAndTypes(bytes, 'geheim');
    const expected = await reference;
    expect(opened.encrypted).toBe(true);
    // Decrypted names, labels, options and on-values equal the unencrypted original exactly.
    expect(opened.fields).toEqual(expected.fields);
    expect(opened.fingerprint).toBe(expected.fingerprint);
  });

  it.each(ciphers)('%s with an empty user password opens without asking', async (cipher) => {
    const bytes = encryptForm(temp.dir, HAUPTANTRAG, cipher, '');
    const opened = await namesAndTypes(bytes);
    expect(opened.encrypted).toBe(true);
    expect(opened.fields).toEqual((await reference).fields);
  });

  it('opens with the owner password too', async () => {
    const bytes = encryptForm(temp.dir, HAUPTANTRAG, 'aes-256', 'geheim', 'chef');
    expect((await namesAndTypes(bytes, 'chef')).fields.length).toBe(118);
  });
});

describe('bytes that are not a usable PDF', () => {
  it('refuses text as not a PDF', async () => {
    const result = await inspectPdf(new TextEncoder().encode('Hallo, kein PDF'));
    expect(result).toMatchObject({ ok: false, code: 'pdf-not-a-pdf' });
  });

  it('refuses empty input as not a PDF', async () => {
    expect(await inspectPdf(new Uint8Array())).toMatchObject({ ok: false, code: 'pdf-not-a-pdf' });
  });

  it.each([2_000, 100_000, 300_000])(
    'refuses a download cut after %i bytes as damaged',
    async (n) => {
      const result = await inspectPdf(plain.slice(0, n));
      expect(result).toMatchObject({ ok: false, code: 'pdf-damaged' });
    },
  );

  it('refuses garbled bytes as damaged without throwing', async () => {
    const garbled = plain.slice();
    for (let i = 2_000; i < garbled.length; i += 7) garbled[i] = (garbled[i]! * 31 + 17) & 0xff;
    const result = await inspectPdf(garbled);
    expect(result).toMatchObject({ ok: false, code: 'pdf-damaged' });
    // pdf-lib scans the whole broken file for objects: ~1 s alone, several on a busy machine.
  }, 30_000);
});
