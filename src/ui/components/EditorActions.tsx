// The end of every record editor: "Done" (everything is autosaved) and, once the record
// exists, deleting it after a confirmation.
import type { Result } from '../../shared/result';
import { useT } from '../hooks/use-t';
import { DeleteButton } from './DeleteButton';

type EditorActionsProps = {
  backHref: string;
  deleteLabel: string;
  deleteQuestion: string;
  /** The record's id; null while it has not been saved yet (nothing to delete). */
  recordId: string | null;
  onDelete: (id: string) => Promise<Result<unknown, string>>;
};

export function EditorActions({
  backHref,
  deleteLabel,
  deleteQuestion,
  recordId,
  onDelete,
}: EditorActionsProps) {
  const { t } = useT();
  return (
    <div class="form-actions">
      <a class="button button--primary" href={backHref}>
        {t('common.done')}
      </a>
      {recordId !== null && (
        <DeleteButton
          label={deleteLabel}
          question={deleteQuestion}
          remove={() => onDelete(recordId)}
          afterHref={backHref}
        />
      )}
    </div>
  );
}
