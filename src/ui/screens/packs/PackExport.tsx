// Export a pack as a .json file: a download link always, and the share sheet where the platform
// has one, so a pack can go to a colleague's phone directly.
import { useMemo } from 'preact/hooks';
import type { FormPack } from '../../../domain/form-packs';
import { FileActions } from '../../components/FileActions';
import { useT } from '../../hooks/use-t';
import { packFile } from './pack-file';

export function PackExport({ pack, disabled = false }: { pack: FormPack; disabled?: boolean }) {
  const { t } = useT();
  const file = useMemo(() => packFile(pack), [pack]);
  if (disabled) return null;
  return (
    <div class="pack-export">
      <FileActions
        file={file}
        downloadLabel={t('packs.export.download')}
        shareLabel={t('packs.export.share')}
      />
    </div>
  );
}
