// Making a pack for a form of the library: a new, empty one for exactly this file's edition, or
// a copy of the pack that matches it (same or other edition) moved onto this edition, keeping
// the mappings that still fit — and, for another edition, a note of what came over and what
// needs mapping again (PackOrigin, stored with the copy). Pure: no storage, no UI.
import type { PackOrigin } from '../../../db/pack-repository';
import {
  FORM_PACK_FORMAT,
  FORM_PACK_VERSION,
  matchEdition,
  type FieldMapping,
  type FormPack,
} from '../../../domain/form-packs';
import type { PdfInspection } from '../../../pdf/types';

/** The edition block of a pack for this file: its fingerprint and every field. */
export function editionOf(inspection: PdfInspection, label: string): FormPack['edition'] {
  return {
    label,
    fingerprint: inspection.fingerprint,
    fields: inspection.fields.map((f) => ({ key: f.key, type: f.type })),
  };
}

/** A pack id from a file name: "Antrag_Beratungshilfe (2).pdf" → "antrag-beratungshilfe-2". */
export function packIdFromFileName(fileName: string): string {
  const slug = fileName
    .replace(/\.pdf$/i, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'form';
}

/** A pack with no field mapped yet, for exactly this file's edition. */
export function newPackFor(fileName: string, inspection: PdfInspection): FormPack {
  const title = fileName.replace(/\.pdf$/i, '').slice(0, 200) || fileName.slice(0, 200);
  return {
    format: FORM_PACK_FORMAT,
    version: FORM_PACK_VERSION,
    id: packIdFromFileName(fileName),
    title: { de: title, en: title },
    authority: 'other',
    edition: editionOf(inspection, ''),
    mappings: [],
  };
}

/** A copy of `pack` for this file's edition: same family id, titles and authority; only the
 * mappings that fill this edition as they are (matchEdition) are kept. */
export function copyPackFor(pack: FormPack, inspection: PdfInspection): FormPack {
  const match = matchEdition(pack, inspection);
  const keep = new Set(match.matching);
  const mappings: FieldMapping[] = pack.mappings.filter((m) => keep.has(m.key));
  return {
    ...pack,
    title: { ...pack.title },
    edition: editionOf(inspection, match.sameEdition ? pack.edition.label : ''),
    mappings: structuredClone(mappings),
  };
}

/**
 * What a copy for another edition takes over (null for the same edition): the keys whose
 * mapping came over, and the old mappings that do not fit, each with why and — when a form of
 * the old edition is in the library (`oldLabels`, key → label) — the old field's label.
 */
export function originOf(
  pack: FormPack,
  inspection: PdfInspection,
  oldLabels: ReadonlyMap<string, string> = new Map(),
): PackOrigin | null {
  const match = matchEdition(pack, inspection);
  if (match.sameEdition) return null;
  const byKey = new Map(pack.mappings.map((m) => [m.key, m]));
  const remap: PackOrigin['remap'] = [];
  for (const { key, reason } of match.remap) {
    const mapping = byKey.get(key);
    if (!mapping) continue;
    const label = oldLabels.get(key);
    remap.push({ mapping: structuredClone(mapping), reason, ...(label ? { label } : {}) });
  }
  return {
    title: { ...pack.title },
    label: pack.edition.label,
    fingerprint: pack.edition.fingerprint,
    kept: [...match.matching],
    remap,
  };
}

/** The labels of a form's fields by key (tooltip, else name), for originOf. */
export function labelsOf(inspection: PdfInspection): Map<string, string> {
  return new Map(inspection.fields.map((f) => [f.key, f.label ?? f.name]));
}
