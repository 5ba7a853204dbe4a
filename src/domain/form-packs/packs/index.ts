// The packs Lotse ships, one module each. They are Lotse's own data: the PDFs are what users
// import, and findPacksForForm (../edition.ts) picks the pack for an imported form.
import type { FormPack } from '../types';
import { beratungshilfe } from './beratungshilfe';
import { berlinAnmeldung } from './berlin-anmeldung';
import { berlinWohnungsgeberbestaetigung } from './berlin-wohnungsgeberbestaetigung';
import { jobcenterHauptantrag } from './jobcenter-hauptantrag-2025-04';
import { kindergeldKg1 } from './kindergeld-kg1';

export const SHIPPED_PACKS: readonly FormPack[] = [
  jobcenterHauptantrag,
  kindergeldKg1,
  berlinAnmeldung,
  berlinWohnungsgeberbestaetigung,
  beratungshilfe,
];
