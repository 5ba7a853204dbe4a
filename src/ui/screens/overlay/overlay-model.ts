// Pure rules of overlay mode: which stored pack holds the boxes of a flat form's edition, the
// boxes as labelled text fields for the draft screens, and editing a pack's boxes (place, move,
// resize, link, delete) so that its mappings always match its boxes.
import {
  findPacksForForm,
  overlayField,
  type FieldMapping,
  type FormPack,
  type OverlayBox,
} from '../../../domain/form-packs';
import type { Authority } from '../../../domain/types';
import type { PdfField, PdfInspection } from '../../../pdf/types';
import { linkMapping, linkOf, type LinkId } from './link-options';

/** The pack made for exactly this edition that has boxes, if any. */
export function overlayPackFor(
  inspection: PdfInspection,
  packs: readonly FormPack[],
): FormPack | null {
  const same = findPacksForForm(packs, inspection).filter((c) => c.match.sameEdition);
  return same.find((c) => (c.pack.overlays?.length ?? 0) > 0)?.pack ?? null;
}

/** The boxes as text fields, each labelled with what it is linked to. */
export function overlayFields(
  pack: FormPack | null,
  labelOf: (link: LinkId | null, index: number) => string,
): PdfField[] {
  const boxes = pack?.overlays ?? [];
  return boxes.map((box, index) => {
    const mapping = pack?.mappings.find((m) => m.key === box.key);
    return { ...overlayField(box), label: labelOf(linkOf(mapping), index) };
  });
}

/** A new pack for a flat form's edition, with no boxes yet. */
export function newOverlayPack(
  inspection: PdfInspection,
  fileName: string,
  authority: Authority,
): FormPack {
  const title = fileName.replace(/\.pdf$/i, '').slice(0, 200) || 'PDF';
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return {
    format: 'lotse-form-pack',
    version: 1,
    id: `overlay-${slug || 'form'}-${inspection.fingerprint.slice(0, 8)}`,
    title: { de: title, en: title },
    authority,
    edition: { label: '', fingerprint: inspection.fingerprint, fields: [] },
    mappings: [],
    overlays: [],
  };
}

export const DEFAULT_BOX = { width: 180, height: 18 } as const;

/** The next free key: overlay-1, overlay-2, … (never reused while the pack has the key). */
export function nextBoxKey(pack: FormPack): string {
  const taken = new Set([
    ...(pack.overlays ?? []).map((b) => b.key),
    ...pack.edition.fields.map((f) => f.key),
  ]);
  for (let n = 1; ; n++) if (!taken.has(`overlay-${n}`)) return `overlay-${n}`;
}

/** Adds a box centred on a point (PDF points of that page), linked to `link`. */
export function addBox(
  pack: FormPack,
  page: number,
  centre: { x: number; y: number },
  link: LinkId,
): { pack: FormPack; key: string } {
  const key = nextBoxKey(pack);
  const box: OverlayBox = {
    key,
    page,
    rect: [
      round(centre.x - DEFAULT_BOX.width / 2),
      round(centre.y - DEFAULT_BOX.height / 2),
      DEFAULT_BOX.width,
      DEFAULT_BOX.height,
    ],
  };
  const mapping: FieldMapping = { key, ...linkMapping(link) };
  return {
    pack: {
      ...pack,
      overlays: [...(pack.overlays ?? []), box],
      mappings: [...pack.mappings, mapping],
    },
    key,
  };
}

export type BoxChange = {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  /** 0 = auto size. */
  fontSize?: number;
  multiline?: boolean;
};

const round = (n: number): number => Math.round(n * 100) / 100;

/** Changes a box; sizes that make no box (≤ 0, not a number) are ignored. */
export function changeBox(pack: FormPack, key: string, change: BoxChange): FormPack {
  const overlays = (pack.overlays ?? []).map((box) => {
    if (box.key !== key) return box;
    const [x, y, width, height] = box.rect;
    const valid = (n: number | undefined, min: number) =>
      n !== undefined && Number.isFinite(n) && n >= min ? round(n) : undefined;
    const next: OverlayBox = {
      ...box,
      rect: [
        valid(change.x, -14_400) ?? x,
        valid(change.y, -14_400) ?? y,
        valid(change.width, 1) ?? width,
        valid(change.height, 1) ?? height,
      ],
    };
    if (change.fontSize !== undefined) {
      const size = valid(change.fontSize, 0);
      if (size === 0) delete next.fontSize;
      else if (size !== undefined && size >= 4 && size <= 144) next.fontSize = size;
    }
    if (change.multiline !== undefined) {
      if (change.multiline) next.multiline = true;
      else delete next.multiline;
    }
    return next;
  });
  return { ...pack, overlays };
}

export function linkBox(pack: FormPack, key: string, link: LinkId): FormPack {
  const mapping: FieldMapping = { key, ...linkMapping(link) };
  const exists = pack.mappings.some((m) => m.key === key);
  return {
    ...pack,
    mappings: exists
      ? pack.mappings.map((m) => (m.key === key ? mapping : m))
      : [...pack.mappings, mapping],
  };
}

export function removeBox(pack: FormPack, key: string): FormPack {
  return {
    ...pack,
    overlays: (pack.overlays ?? []).filter((b) => b.key !== key),
    mappings: pack.mappings.filter((m) => m.key !== key),
  };
}
