// One rendered page of a flat form with its overlay boxes drawn on top. A click or tap on the
// page reports the spot in PDF points (page-geometry.ts); the boxes are outlines only — they are
// edited in the list below the page, which is also the keyboard way to place them.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { OverlayBox } from '../../../domain/form-packs';
import { useT } from '../../hooks/use-t';
import type { PreviewDocument } from '../../pdf-preview';
import { isUpright, toCssRect, toPdfPoint, type PageView } from './page-geometry';

const MAX_WIDTH = 900;

type OverlayPageProps = {
  doc: PreviewDocument;
  /** 1-based. */
  page: number;
  boxes: readonly OverlayBox[];
  labelOf: (box: OverlayBox) => string;
  onPlace: (point: { x: number; y: number }) => void;
};

export function OverlayPage({ doc, page, boxes, labelOf, onPlace }: OverlayPageProps) {
  const { t } = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [view, setView] = useState<PageView | null>(null);
  const [failed, setFailed] = useState(false);
  const [isRotated, setRotated] = useState(false);

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    let isCurrent = true;
    setView(null);
    setRotated(false);
    const width = Math.min(element.parentElement?.parentElement?.clientWidth ?? 320, MAX_WIDTH);
    Promise.all([doc.pageBox(page), doc.render(page, element, width)]).then(
      ([box]) => {
        if (!isCurrent) return;
        setRotated(!isUpright(box.rotation));
        setView({ box, scale: width / box.width });
      },
      (error: unknown) => {
        console.error('page render failed', error);
        if (isCurrent) setFailed(true);
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [doc, page]);

  const place = (event: MouseEvent) => {
    const element = canvas.current;
    if (!view || !element || isRotated) return;
    const bounds = element.getBoundingClientRect();
    onPlace(toPdfPoint(view, event.clientX - bounds.left, event.clientY - bounds.top));
  };

  return (
    <div class="overlay-page">
      {isRotated && <p class="notice notice--warning">{t('overlay.rotated')}</p>}
      {failed && <p class="notice notice--error">{t('overlay.pageFailed')}</p>}
      {!view && !failed && <p class="empty">{t('overlay.loadingPage')}</p>}
      {/* The keyboard alternative is the "add box" button and the inputs of each box. */}
      <div class="overlay-page__surface" data-state={view ? 'drawn' : 'waiting'} onClick={place}>
        <canvas ref={canvas} role="img" aria-label={t('overlay.pageImage', { page })} />
        {view &&
          !isRotated &&
          boxes.map((box) => {
            const css = toCssRect(view, box.rect);
            return (
              <div
                key={box.key}
                class="overlay-page__box"
                data-key={box.key}
                aria-hidden="true"
                style={{
                  left: `${css.left}px`,
                  top: `${css.top}px`,
                  width: `${css.width}px`,
                  height: `${css.height}px`,
                }}
              >
                <span dir="auto">{labelOf(box)}</span>
              </div>
            );
          })}
      </div>
    </div>
  );
}
