// The overlay boxes of a flat form (overlay mode) as the draft screens use them: text fields
// labelled with the case value each box is linked to, in page order like any field, and the
// boxes themselves for filling. Empty when no stored pack has boxes for this edition.
import { useMemo } from 'preact/hooks';
import type { OverlayBox } from '../../../domain/form-packs';
import type { PdfField, PdfInspection } from '../../../pdf/types';
import { useT } from '../../hooks/use-t';
import { overlayFields, overlayPackFor } from '../overlay/overlay-model';
import { useStoredPacks } from './use-stored-packs';

export type OverlayFields = { fields: PdfField[]; boxes: OverlayBox[] };

export function useOverlayFields(inspection: PdfInspection): OverlayFields {
  const { t } = useT();
  const packs = useStoredPacks();
  return useMemo(() => {
    if (inspection.fields.length > 0) return { fields: [], boxes: [] };
    const pack = overlayPackFor(inspection, packs);
    const fields = overlayFields(pack, (link, index) =>
      link ? t(`overlay.link.${link}`) : t('overlay.otherValue', { number: index + 1 }),
    );
    return { fields, boxes: pack?.overlays ?? [] };
  }, [inspection, packs, t]);
}
