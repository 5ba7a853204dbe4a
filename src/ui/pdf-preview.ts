// Page previews with pdf.js, loaded on first use (its own chunk, like the engine). The worker
// is a build asset the service worker precaches, so previews work offline.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

export type PreviewDocument = {
  pages: number;
  /** Draws page `n` (1-based) into the canvas, `width` CSS pixels wide; turned by the page's
   * /Rotate unless `unrotated` (then it matches the coordinates of pageBox and of fields). */
  render(
    n: number,
    canvas: HTMLCanvasElement,
    width: number,
    options?: { unrotated?: boolean },
  ): Promise<void>;
  /** Page `n`'s box in PDF points (x, y of its lower-left corner, width, height), unrotated,
   * and the page's /Rotate (0, 90, 180, 270) that pdf.js applies when it draws. */
  pageBox(n: number): Promise<PageBox>;
  destroy(): void;
};

export type PageBox = { x: number; y: number; width: number; height: number; rotation: number };

/** `password`: the user password of a protected file (LibraryForm.password; '' for none). */
export async function openPreview(
  bytes: Uint8Array,
  options: { password?: string } = {},
): Promise<PreviewDocument> {
  const pdfjs = await import('pdfjs-dist');
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  // pdf.js transfers the buffer to its worker: give it a copy.
  const doc = await pdfjs.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    ...(options.password ? { password: options.password } : {}),
  }).promise;
  return {
    pages: doc.numPages,
    async render(n, canvas, width, options = {}) {
      const page = await doc.getPage(n);
      const rotation = options.unrotated ? 0 : page.rotate;
      const unscaled = page.getViewport({ scale: 1, rotation });
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: (width / unscaled.width) * ratio, rotation });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
      await page.render({ canvas, viewport }).promise;
    },
    async pageBox(n) {
      const page = await doc.getPage(n);
      const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = page.view;
      return { x: x1, y: y1, width: x2 - x1, height: y2 - y1, rotation: page.rotate };
    },
    destroy() {
      void doc.destroy();
    },
  };
}
