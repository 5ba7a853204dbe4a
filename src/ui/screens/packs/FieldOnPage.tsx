// A small rendering of one page with one field's rectangle marked. pdf.js (a lazy chunk, see
// ui/pdf-preview.ts) draws only this page, and only when the user asks for it.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PdfRect } from '../../../pdf/types';
import { useT } from '../../hooks/use-t';
import type { PreviewDocument } from '../../pdf-preview';

type Box = { left: number; top: number; width: number; height: number };

type Props = {
  openPage: () => Promise<PreviewDocument>;
  page: number;
  rect: PdfRect;
  label: string;
};

export function FieldOnPage({ openPage, page, rect, label }: Props) {
  const { t } = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [mark, setMark] = useState<Box | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    let isCurrent = true;
    const width = Math.min(element.parentElement?.clientWidth ?? 320, 480);
    void openPage()
      .then(async (doc) => {
        const box = await doc.pageBox(page);
        // Unrotated, like the field rectangles (a rotated page would not match the mark).
        await doc.render(page, element, width, { unrotated: true });
        if (!isCurrent || box.width <= 0 || box.height <= 0) return;
        // PDF space has its origin bottom-left; the canvas top-left. Percentages of the page.
        setMark({
          left: ((rect.x - box.x) / box.width) * 100,
          top: ((box.y + box.height - rect.y - rect.height) / box.height) * 100,
          width: (rect.width / box.width) * 100,
          height: (rect.height / box.height) * 100,
        });
      })
      .catch((error: unknown) => {
        console.error('page render failed', error);
        if (isCurrent) setFailed(true);
      });
    return () => {
      isCurrent = false;
    };
    // The rectangle's numbers, not its object: the form is re-read whenever a pack is saved.
  }, [openPage, page, rect.x, rect.y, rect.width, rect.height]);

  if (failed) return <p class="notice notice--error">{t('forms.output.previewFailed')}</p>;
  return (
    <figure class="field-on-page" data-state={mark ? 'drawn' : 'waiting'}>
      {/* A PDF page does not mirror in Arabic: the mark uses physical offsets on purpose. */}
      <div class="field-on-page__sheet" dir="ltr">
        <canvas ref={canvas} role="img" aria-label={label} />
        {mark && (
          <span
            class="field-on-page__mark"
            aria-hidden="true"
            style={{
              left: `${mark.left}%`,
              top: `${mark.top}%`,
              width: `${mark.width}%`,
              height: `${mark.height}%`,
            }}
          />
        )}
      </div>
    </figure>
  );
}
