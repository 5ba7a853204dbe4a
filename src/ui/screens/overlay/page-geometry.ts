// Between the rendered page (CSS pixels of the canvas, origin top-left) and PDF points of the
// page (origin bottom-left of the page's box, as pdf.js reports `view`). Only unrotated pages
// (/Rotate 0) are supported: for a rotated page the axes would swap.
export type PageBox = { x: number; y: number; width: number; height: number };
export type PageView = { box: PageBox; /** CSS pixels per point. */ scale: number };

export function toPdfPoint(view: PageView, cssX: number, cssY: number): { x: number; y: number } {
  return {
    x: view.box.x + cssX / view.scale,
    y: view.box.y + view.box.height - cssY / view.scale,
  };
}

/** A box's rectangle ([x, y, width, height] in points) as CSS pixels on the canvas. */
export function toCssRect(
  view: PageView,
  rect: readonly [number, number, number, number],
): { left: number; top: number; width: number; height: number } {
  const [x, y, width, height] = rect;
  return {
    left: (x - view.box.x) * view.scale,
    top: (view.box.y + view.box.height - (y + height)) * view.scale,
    width: width * view.scale,
    height: height * view.scale,
  };
}

export function pageCentre(box: PageBox): { x: number; y: number } {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Boxes are placed on upright pages only: click coordinates assume an unrotated page. */
export const isUpright = (rotation: number): boolean => ((rotation % 360) + 360) % 360 === 0;
