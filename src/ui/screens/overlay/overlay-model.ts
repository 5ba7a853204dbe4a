// Pure rules of overlay mode: which stored pack holds the boxes of a flat form's edition, the
// boxes as labelled text fields for the draft screens, and editing a pack's boxes (place, move,
// resize, link, delete) so that its mappings always match its boxes.
import {
  overlayField,
  type FieldMapping,
  type FormPack,
  type OverlayBox,
} from '../../../domain/form-packs';
import type { Authority } from '../../../domain/types';
import type { PdfField, PdfInspection } from '../../../pdf/types';
import { linkMapping, linkOf, type LinkId } from './link-options';

/**
 * The one stored pack of exactly this edition that overlay mode uses, both to edit its boxes
 * and to fill them in drafts: a pack with boxes before one without, then the newest change.
 */
export function packForEdition<T extends { pack: FormPack; updatedAt: string }>(
  inspection: Pick<PdfInspection, 'fingerprint'>,
  stored: readonly T[],
): T | null {
  const hasBoxes = (s: T) => ((s.pack.overlays?.length ?? 0) > 0 ? 1 : 0);
  const same = stored.filter((s) => s.pack.edition.fingerprint === inspection.fingerprint);
  const sorted = [...same].sort(
    (a, b) => hasBoxes(b) - hasBoxes(a) || b.updatedAt.localeCompare(a.updatedAt),
  );
  return sorted[0] ?? null;
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

/**
 * A new key: overlay-<n> with n one more than the highest number among the pack's boxes,
 * mappings and fields, so deleting a box in the middle never hands its key (and an old
 * draft's value for it) to the next box. The pack format has no counter, so the key of the
 * highest-numbered box, once deleted, can come back.
 */
export function nextBoxKey(pack: FormPack): string {
  const keys = [
    ...(pack.overlays ?? []).map((b) => b.key),
    ...pack.mappings.map((m) => m.key),
    ...pack.edition.fields.map((f) => f.key),
  ];
  const numbers = keys.map((key) => /^overlay-(\d+)$/.exec(key)?.[1]).map(Number);
  const highest = Math.max(0, ...numbers.filter((n) => Number.isSafeInteger(n)));
  return `overlay-${highest + 1}`;
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

/** The largest page side PDF allows (200 inches); parseFormPack refuses coordinates beyond. */
export const MAX_POINTS = 14_400;
export const MIN_FONT_SIZE = 4;
export const MAX_FONT_SIZE = 144;

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));
const finite = (n: number | undefined): n is number => n !== undefined && Number.isFinite(n);

/**
 * Changes a box. Values that make no box (width or height ≤ 0, not a number) are ignored;
 * others are clamped to what a pack may hold (the box stays on a 14,400 pt page; font size
 * 4–144 pt, 0 = automatic), so what the inputs show is always what is stored.
 */
export function changeBox(pack: FormPack, key: string, change: BoxChange): FormPack {
  const overlays = (pack.overlays ?? []).map((box) => {
    if (box.key !== key) return box;
    const [oldX, oldY, oldWidth, oldHeight] = box.rect;
    const x = finite(change.x) ? round(clamp(change.x, -MAX_POINTS, MAX_POINTS - 1)) : oldX;
    const y = finite(change.y) ? round(clamp(change.y, -MAX_POINTS, MAX_POINTS - 1)) : oldY;
    const size = (n: number | undefined, old: number, start: number) =>
      round(clamp(finite(n) && n > 0 ? n : old, 1, Math.min(MAX_POINTS, MAX_POINTS - start)));
    const next: OverlayBox = {
      ...box,
      rect: [x, y, size(change.width, oldWidth, x), size(change.height, oldHeight, y)],
    };
    const { fontSize } = change;
    if (finite(fontSize) && fontSize === 0) delete next.fontSize;
    else if (finite(fontSize) && fontSize > 0) {
      next.fontSize = round(clamp(fontSize, MIN_FONT_SIZE, MAX_FONT_SIZE));
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
