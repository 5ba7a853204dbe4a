// Export a pack as a .json file: a download link always, and the share sheet (Web Share API
// with a file) where the platform has one, so a pack can go to a colleague's phone directly.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { FormPack } from '../../../domain/form-packs';
import { useT } from '../../hooks/use-t';
import { packFile } from './pack-file';

export function PackExport({ pack, disabled = false }: { pack: FormPack; disabled?: boolean }) {
  const { t } = useT();
  const file = useMemo(() => packFile(pack), [pack]);
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const objectUrl = URL.createObjectURL(file);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [file]);
  if (disabled) return null;
  const canShare =
    typeof navigator.canShare === 'function' && navigator.canShare({ files: [file] });

  return (
    <div class="pack-export">
      {url && (
        <a class="button" href={url} download={file.name}>
          {t('packs.export.download')}
        </a>
      )}
      {canShare && (
        <button
          type="button"
          class="button"
          onClick={() => {
            navigator.share({ files: [file], title: file.name }).catch(() => {
              // The user closed the share sheet: nothing to report.
            });
          }}
        >
          {t('packs.export.share')}
        </button>
      )}
    </div>
  );
}
