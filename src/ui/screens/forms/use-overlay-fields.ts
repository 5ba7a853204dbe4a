// The overlay boxes of a flat form (overlay mode) as the draft screens use them: text fields
// labelled with the case value each box is linked to, in page order like any field, and the
// boxes themselves for filling. Empty when no stored pack has boxes for this edition.
import { useMemo } from 'preact/hooks';
import type { OverlayBox } from '../../../domain/form-packs';
import type { PdfField, PdfInspection } from '../../../pdf/types';
import { useT } from '../../hooks/use-t';
import { loadStoredPacks, type StoredPack } from '../../../db/pack-repository';
import { useServices } from '../../hooks/use-services';
import { useWatch } from '../../hooks/use-watch';
import { overlayFields, packForEdition } from '../overlay/overlay-model';
import { needsOverlay } from './draft-model';

export type OverlayFields = { fields: PdfField[]; boxes: OverlayBox[] };

const NONE: readonly StoredPack[] = [];

export function useOverlayFields(inspection: PdfInspection): OverlayFields {
  const { t } = useT();
  const { db } = useServices();
  const stored = useWatch(() => loadStoredPacks(db), [db]);
  const packs = stored.status === 'ready' ? stored.value : NONE;
  return useMemo(() => {
    if (!needsOverlay(inspection)) return { fields: [], boxes: [] };
    // The same pack the overlay screen edits.
    const pack = packForEdition(inspection, packs)?.pack ?? null;
    const fields = overlayFields(pack, (link, index) =>
      link ? t(`overlay.link.${link}`) : t('overlay.otherValue', { number: index + 1 }),
    );
    return { fields, boxes: pack?.overlays ?? [] };
  }, [inspection, packs, t]);
}
