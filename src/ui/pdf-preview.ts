// Page previews with pdf.js, loaded on first use (its own chunk, like the engine). The worker
// is a build asset the service worker precaches, so previews work offline.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

export type PreviewDocument = {
  pages: number;
  /** Draws page `n` (1-based) into the canvas, `width` CSS pixels wide. */
  render(n: number, canvas: HTMLCanvasElement, width: number): Promise<void>;
  /** Page `n`'s box in PDF points (x, y of its lower-left corner, width, height). */
  pageBox(n: number): Promise<{ x: number; y: number; width: number; height: number }>;
  destroy(): void;
};

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
    async render(n, canvas, width) {
      const page = await doc.getPage(n);
      const unscaled = page.getViewport({ scale: 1 });
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: (width / unscaled.width) * ratio });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
      await page.render({ canvas, viewport }).promise;
    },
    async pageBox(n) {
      const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = (await doc.getPage(n)).view;
      return { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
    },
    destroy() {
      void doc.destroy();
    },
  };
}
