// Preview of a filled PDF: pdf.js (a lazily loaded chunk) draws each page when it scrolls
// into view, so a 26-page form costs only the pages looked at.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../../hooks/use-t';
import { openPreview, type PreviewDocument } from '../../pdf-preview';

export function PdfPreview({ bytes }: { bytes: Uint8Array }) {
  const { t } = useT();
  const [doc, setDoc] = useState<PreviewDocument | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let opened: PreviewDocument | null = null;
    let isCurrent = true;
    openPreview(bytes).then(
      (d) => {
        opened = d;
        if (isCurrent) setDoc(d);
        else d.destroy();
      },
      (error: unknown) => {
        console.error('preview failed', error);
        if (isCurrent) setFailed(true);
      },
    );
    return () => {
      isCurrent = false;
      opened?.destroy();
    };
  }, [bytes]);

  if (failed) return <p class="notice notice--error">{t('forms.output.previewFailed')}</p>;
  if (!doc) return <p class="empty">{t('common.loading')}</p>;
  return (
    <div class="pdf-preview">
      {Array.from({ length: doc.pages }, (_, i) => (
        <PreviewPage key={i} doc={doc} page={i + 1} />
      ))}
    </div>
  );
}

function PreviewPage({ doc, page }: { doc: PreviewDocument; page: number }) {
  const { t } = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<'waiting' | 'drawn'>('waiting');

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      const width = element.parentElement?.clientWidth ?? 320;
      void doc.render(page, element, width).then(
        () => setState('drawn'),
        (error: unknown) => console.error('page render failed', error),
      );
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [doc, page]);

  const label = t('forms.output.pageOf', { page, pages: doc.pages });
  return (
    <figure class="pdf-preview__page" data-state={state}>
      <canvas ref={canvas} role="img" aria-label={label} />
      <figcaption>{label}</figcaption>
    </figure>
  );
}
