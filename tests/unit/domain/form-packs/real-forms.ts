// The real forms the shipped packs are for, inspected once per test file with the real engine.
import { readdirSync } from 'node:fs';
import { inspectPdf } from '../../../../src/pdf/index';
import type { PdfInspection } from '../../../../src/pdf/types';
import { FORMS_DIR, readForm } from '../../../helpers/pdf-forms';

/** Pack id → the form file it was made from. */
export const PACK_FORMS: Record<string, string> = {
  'de-jobcenter-hauptantrag': 'de_jc_hauptantrag_ha_2025-04.pdf',
  'de-familienkasse-kg1': 'de_fk_kg1_antrag_kindergeld.pdf',
  'de-berlin-anmeldung': 'de_berlin_anmeldung_wohnung.pdf',
  'de-berlin-wohnungsgeberbestaetigung': 'de_berlin_wohnungsgeberbestaetigung.pdf',
  'de-justiz-beratungshilfe': 'de_justiz_beratungshilfe_antrag.pdf',
};

export const ALL_FORMS = readdirSync(FORMS_DIR).filter((name) => name.endsWith('.pdf'));

const cache = new Map<string, Promise<PdfInspection>>();

export function inspectForm(file: string): Promise<PdfInspection> {
  let inspection = cache.get(file);
  if (!inspection) {
    inspection = inspectPdf(readForm(file)).then((result) => {
      if (!result.ok) throw new Error(`${file}: ${result.code}`);
      return result.value;
    });
    cache.set(file, inspection);
  }
  return inspection;
}
