// Recognising a form a pack exists for, and what of the pack still fits another edition.
//
// The fingerprint identifies an edition exactly (the KG 1 as downloaded and after iLovePDF
// removed its encryption and XFA share it). Across editions, field names change a lot: the
// Jobcenter Hauptantrag 04/2025 (118 fields) and 04/2026 share only 17 names
// ("txtfPersonStaatsangehoerigkeit" became "txtfPersonStaat", "chbxPersonWeiblich"
// "chbxWeiblich"), while the 04/2025 edition shares 10 names with its own 63-field Anlage KI, so
// counting shared names cannot tell a new edition from a sibling form. What survives is the
// vocabulary: names split into words (camelCase and separators split, XFA indices and structure
// words dropped, umlauts folded) give a word-set Jaccard similarity of 0.545 between the two
// Hauptantrag editions, against at most 0.29 between two different forms (the Anlage KI, same
// publisher and naming scheme, is the closest) among the 15 fillable forms in the shared folder
// plus the 04/2026 names, and below 0.19 across publishers. The threshold sits between the two.
import type { PdfInspection } from '../../pdf/types';
import { checkMappingAgainstField, type FieldMismatch } from './field-compat';
import { withOverlayFields } from './overlays';
import type { FormPack } from './types';

export const OTHER_EDITION_THRESHOLD = 0.45;

export type RemapReason = 'field-missing' | FieldMismatch;

export type EditionMatch = {
  /** Fingerprints equal: the pack was made for exactly this edition. */
  sameEdition: boolean;
  /** Mapped keys that fill this edition as they are. */
  matching: string[];
  /** Mapped keys that need mapping again, and why. */
  remap: { key: string; reason: RemapReason }[];
};

export function matchEdition(pack: FormPack, inspection: PdfInspection): EditionMatch {
  const byKey = new Map(withOverlayFields(pack, inspection).fields.map((f) => [f.key, f]));
  const matching: string[] = [];
  const remap: EditionMatch['remap'] = [];
  for (const mapping of pack.mappings) {
    const field = byKey.get(mapping.key);
    const reason = field ? checkMappingAgainstField(mapping, field) : 'field-missing';
    if (reason === null) matching.push(mapping.key);
    else remap.push({ key: mapping.key, reason });
  }
  return { sameEdition: pack.edition.fingerprint === inspection.fingerprint, matching, remap };
}

// Words that say how a form was made, not what it asks: XFA structure, field-type prefixes.
const STRUCTURE_WORDS = new Set([
  'topmost',
  'subform',
  'page',
  'seite',
  'area',
  'row',
  'zeile',
  'zelle',
  'txtf',
  'txtarea',
  'chbx',
  'rbtn',
  'rtbn',
  'numf',
]);

const FOLD: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ß: 'ss',
  Ä: 'Ae',
  Ö: 'Oe',
  Ü: 'Ue',
};

/** The words of a field name: "txtfPersonGebOrt" → person, geb, ort (words under 3 letters dropped). */
export function nameWords(name: string): string[] {
  return name
    .replace(/[äöüßÄÖÜ]/g, (c) => FOLD[c] ?? c)
    .replace(/\[\d+\]/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length >= 3 && !STRUCTURE_WORDS.has(w));
}

/** Jaccard similarity of the word sets of two forms' field names, 0..1. */
export function nameSimilarity(a: readonly string[], b: readonly string[]): number {
  const wordsA = new Set(a.flatMap(nameWords));
  const wordsB = new Set(b.flatMap(nameWords));
  let shared = 0;
  for (const w of wordsA) if (wordsB.has(w)) shared++;
  const union = wordsA.size + wordsB.size - shared;
  return union === 0 ? 0 : shared / union;
}

export type PackCandidate = {
  pack: FormPack;
  /** 1 for the same edition, else the name similarity. */
  similarity: number;
  match: EditionMatch;
};

/** Packs for this form: the same edition first, then other editions by similarity. */
export function findPacksForForm(packs: readonly FormPack[], inspection: PdfInspection) {
  const keys = inspection.fields.map((f) => f.key);
  const candidates: PackCandidate[] = [];
  for (const pack of packs) {
    const same = pack.edition.fingerprint === inspection.fingerprint;
    const similarity = same
      ? 1
      : nameSimilarity(
          pack.edition.fields.map((f) => f.key),
          keys,
        );
    if (same || similarity >= OTHER_EDITION_THRESHOLD) {
      candidates.push({ pack, similarity, match: matchEdition(pack, inspection) });
    }
  }
  const rank = (c: PackCandidate) => (c.match.sameEdition ? 2 : c.similarity);
  return candidates.sort((x, y) => rank(y) - rank(x));
}
