// Shows loading / not found / storage errors for an editor, or the editor itself.
import type { ComponentChildren } from 'preact';
import type { RecordKind } from '../../domain/types';
import type { AutosavedRecord } from '../hooks/use-autosaved-record';
import { useT } from '../hooks/use-t';
import { ScreenHeader } from '../components/ScreenHeader';
import { errorMessage } from '../error-message';

type EditorGateProps<K extends RecordKind> = {
  editor: AutosavedRecord<K>;
  backHref: string;
  children: ComponentChildren;
};

export function EditorGate<K extends RecordKind>({
  editor,
  backHref,
  children,
}: EditorGateProps<K>) {
  const { t } = useT();
  if (editor.loadState === 'loading') return <p class="empty">{t('common.loading')}</p>;
  if (editor.loadState === 'missing' || editor.loadState === 'error') {
    return (
      <>
        <ScreenHeader title={t('common.notFound')} backHref={backHref} />
        <p class="notice notice--error" role="alert">
          {errorMessage(t, editor.loadError ?? 'not-found')}
        </p>
      </>
    );
  }
  return <>{children}</>;
}
