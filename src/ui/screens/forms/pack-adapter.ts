// Form packs (src/domain/form-packs) as the form screens use them: which pack fits an
// imported form (same edition, or another edition with n fields still matching), and the
// values a new draft starts with.
import type { TFunction } from 'i18next';
import {
  evaluatePack,
  findPacksForForm,
  SHIPPED_PACKS,
  type FieldProblemCode,
  type FormPack,
  type PackContext,
  type SourceRef,
} from '../../../domain/form-packs';
import type { PdfFieldValues, PdfInspection } from '../../../pdf/types';

export type PackMatch = {
  pack: FormPack;
  /** Made or imported in the app (and stored) rather than shipped with Lotse. */
  isStored: boolean;
  edition: 'same' | 'other';
  /** Mapped fields that fill this file as they are. */
  matching: number;
  /** Mapped fields this file lacks or that no longer suit (they need mapping again). */
  missing: number;
};

/** The best pack for this file: its own edition, else the most similar other edition. Among
 * equals the earlier pack in `packs` wins (the ranking sort is stable). */
export function matchPack(
  inspection: PdfInspection,
  packs: readonly FormPack[],
  stored: ReadonlySet<FormPack> = new Set(),
): PackMatch | null {
  const [best] = findPacksForForm(packs, inspection);
  if (!best) return null;
  return {
    pack: best.pack,
    isStored: stored.has(best.pack),
    edition: best.match.sameEdition ? 'same' : 'other',
    matching: best.match.matching.length,
    missing: best.match.remap.length,
  };
}

/** The pack for this file among the stored packs (made or imported in the app) and the shipped
 * ones. Stored packs come first, so a stored pack for the same edition wins over a shipped one:
 * it is a volunteer's newer work on that form. */
export function matchPackOf(
  inspection: PdfInspection,
  storedPacks: readonly FormPack[] = [],
): PackMatch | null {
  return matchPack(inspection, [...storedPacks, ...SHIPPED_PACKS], new Set(storedPacks));
}

export function packTitle(pack: FormPack, language: string): string {
  return language === 'de' ? pack.title.de : pack.title.en;
}

export function packMatchText(t: TFunction, match: PackMatch | null, language: string): string {
  if (!match) return t('forms.pack.none');
  const label = match.pack.edition.label;
  const title = packTitle(match.pack, language);
  const name = label ? `${title} (${label})` : title;
  const text =
    match.edition === 'same'
      ? t('forms.pack.same', { name })
      : t('forms.pack.other', { name, count: match.matching, missing: match.missing });
  return match.isStored ? `${text} ${t('packs.storedNote')}` : text;
}

export type DraftStart = {
  packId: string | null;
  values: PdfFieldValues;
  fromCase: PdfFieldValues;
  sources: Record<string, SourceRef>;
};

// Problems that mean "this value cannot go into this field at all"; a value that is merely
// too long stays in the draft, where the fill screen flags it (never cut silently).
const UNFILLABLE: ReadonlySet<FieldProblemCode> = new Set([
  'field-unknown',
  'field-type',
  'field-read-only',
  'option-unknown',
]);

/** The values a draft starts with: everything the pack derives from the case for this file. */
export function startDraft(
  match: PackMatch | null,
  inspection: PdfInspection,
  /** null when the case has no person yet (packs fill person fields). */
  context: PackContext | null,
): DraftStart {
  if (!match || !context) return { packId: null, values: {}, fromCase: {}, sources: {} };
  const evaluation = evaluatePack(match.pack, context, inspection);
  const values: PdfFieldValues = {};
  const fromCase: PdfFieldValues = {};
  const sources: Record<string, SourceRef> = {};
  for (const field of evaluation.fields) {
    if (field.value === null || field.problems.some((p) => UNFILLABLE.has(p.code))) continue;
    values[field.key] = field.value;
    if (field.origin !== 'fixed') fromCase[field.key] = field.value;
    if (field.source) sources[field.key] = field.source;
  }
  return { packId: match.pack.id, values, fromCase, sources };
}
