// The CLI, spawned as a real process: JSON out, filled file written atomically, one-line errors
// with a non-zero exit code and no output left behind.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPdfValues } from '../../../src/pdf/index';
import { FORMS_DIR, makeTempDir, pdfText } from '../../helpers/pdf-forms';

const ROOT = resolve(import.meta.dirname, '../../..');
const temp = makeTempDir();
afterAll(temp.remove);

type Run = { code: number; stdout: string; stderr: string };

/** Spawning tsx costs seconds on a busy machine: tests run concurrently and share runs. */
const cli = (...args: string[]): Promise<Run> =>
  new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/form-cli.ts', ...args],
      { cwd: ROOT, encoding: 'utf8' },
      (error, stdout, stderr) =>
        done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
const form = (name: string) => join(FORMS_DIR, name);
const json = (name: string, value: unknown) => {
  const path = join(temp.dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};

describe.concurrent('form inspect', { timeout: 60_000 }, () => {
  it('prints the inspection as JSON', async () => {
    const run = await cli('inspect', form('de_berlin_wohnungsgeberbestaetigung.pdf'));
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as {
      kind: string;
      fields: { name: string; key: string }[];
    };
    expect(printed).toMatchObject({ kind: 'acroform', encrypted: false, pages: 1 });
    expect(printed.fields).toHaveLength(31);
    expect(printed.fields[0]).toMatchObject({
      name: 'FamiliennameRow1',
      type: 'text',
      label: 'Familienname',
    });
  });

  it('refuses a file that is not a PDF, in one line', async () => {
    const run = await cli('inspect', join(ROOT, 'package.json'));
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual(['error: pdf-not-a-pdf: the file is not a PDF']);
  });

  it('names a missing file', async () => {
    const run = await cli('inspect', join(temp.dir, 'nope.pdf'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('nope.pdf');
  });
});

describe.concurrent('form fill', { timeout: 60_000 }, () => {
  it('fills and writes the output', async () => {
    const out = join(temp.dir, 'filled.pdf');
    const values = json('values.json', { txtfPersonVorname: 'Łukasz', chbxPersonMaennlich: true });
    const run = await cli('fill', form('de_jc_hauptantrag_ha_2025-04.pdf'), values, '-o', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const back = await readPdfValues(new Uint8Array(readFileSync(out)));
    expect(back).toMatchObject({
      ok: true,
      value: { txtfPersonVorname: 'Łukasz', chbxPersonMaennlich: true },
    });
  });

  it('refuses a too long value naming the field, leaving an existing output untouched', async () => {
    const out = json('kept.pdf', 'previous content');
    const values = json('long.json', { Name: 'Abdulrahman Al-Sayed Mohammed' });
    const run = await cli('fill', form('de_kk_viactiv_beitrittserklaerung.pdf'), values, '-o', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: pdf-value-too-long: .*field "Name"/);
    expect(readFileSync(out, 'utf8')).toBe('previous content');
    expect(readdirSync(temp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.each([
    ['bad JSON', '{"Name": ', 'is not valid JSON'],
    ['an array', '["Name"]', 'must be a JSON object'],
    ['a number value', '{"Name": 3}', 'field "Name" must be a string or true/false'],
  ])('refuses %s in VALUES.json', async (name, content, message) => {
    const out = join(temp.dir, `never-${name}.pdf`);
    const run = await cli(
      'fill',
      form('de_kk_viactiv_beitrittserklaerung.pdf'),
      json(`${name}.json`, content),
      '-o',
      out,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(message);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses an unknown field by name', async () => {
    const values = json('unknown.json', { Nichtda: 'x' });
    const out = join(temp.dir, 'u.pdf');
    const run = await cli('fill', form('de_kk_viactiv_beitrittserklaerung.pdf'), values, '-o', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: pdf-field-unknown: .*"Nichtda"/);
    expect(existsSync(out)).toBe(false);
  });

  it('asks for -o', async () => {
    const values = json('empty.json', {});
    const run = await cli('fill', form('de_kk_viactiv_beitrittserklaerung.pdf'), values);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('-o OUT.pdf');
  });
});

describe.concurrent('form fill --overlays', { timeout: 60_000 }, () => {
  const flat = form('de_berlin_lea_antrag_aufenthaltstitel_flat.pdf');
  const boxes = [{ key: 'overlay-1', page: 0, rect: [240, 712, 300, 16] }];

  it('draws the values of the boxes onto a flat form', async () => {
    const out = join(temp.dir, 'flat-out.pdf');
    const run = await cli(
      'fill',
      flat,
      json('flat-values.json', { 'overlay-1': 'Шевченко' }),
      '--overlays',
      json('flat-boxes.json', boxes),
      '-o',
      out,
    );
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(pdfText(temp.dir, readFileSync(out))).toContain('Шевченко');
  });

  it('refuses malformed boxes with one line and writes nothing', async () => {
    const out = join(temp.dir, 'flat-bad.pdf');
    const run = await cli(
      'fill',
      flat,
      json('flat-values-2.json', { 'overlay-1': 'x' }),
      '--overlays',
      json('flat-bad-boxes.json', [{ key: 'overlay-1', page: 0, rect: [1, 2] }]),
      '-o',
      out,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: .*box 1 must be/);
    expect(existsSync(out)).toBe(false);
  });
});
