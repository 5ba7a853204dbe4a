// Overlay boxes (flat forms) as the rest of the pack code sees them: a box is a text field of
// the edition — single- or multiline, on its page, at its rectangle, without length limit (the
// engine reports a value that does not fit the box). So evaluating, matching editions and the
// draft screens need no second code path.
import type { PdfField, PdfInspection } from '../../pdf/types';
import type { FormPack, OverlayBox } from './types';

export function overlayField(box: OverlayBox): PdfField {
  const [x, y, width, height] = box.rect;
  return {
    name: box.key,
    key: box.key,
    type: box.multiline ? 'multiline' : 'text',
    label: null,
    page: box.page + 1,
    rect: { x, y, width, height },
    maxLen: null,
    comb: false,
    options: [],
    onValue: null,
    readOnly: false,
  };
}

/** The inspection with the pack's boxes added as text fields (unchanged without boxes). */
export function withOverlayFields(pack: FormPack, inspection: PdfInspection): PdfInspection {
  const boxes = pack.overlays ?? [];
  if (boxes.length === 0) return inspection;
  const taken = new Set(inspection.fields.map((f) => f.key));
  const added = boxes.filter((box) => !taken.has(box.key)).map(overlayField);
  return { ...inspection, fields: [...inspection.fields, ...added] };
}
