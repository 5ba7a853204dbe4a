// A destructive action that asks first, in a native modal <dialog> (focus is trapped
// and Escape cancels without extra code).
import { useRef } from 'preact/hooks';
import { useT } from '../hooks/use-t';

type ConfirmButtonProps = { label: string; question: string; onConfirm: () => void };

export function ConfirmButton({ label, question, onConfirm }: ConfirmButtonProps) {
  const { t } = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button
        type="button"
        class="button button--danger"
        onClick={() => dialog.current?.showModal()}
      >
        {label}
      </button>
      <dialog ref={dialog} class="dialog" aria-label={label}>
        <p>{question}</p>
        <div class="dialog__actions">
          <button type="button" class="button" onClick={() => dialog.current?.close()}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            class="button button--danger"
            onClick={() => {
              dialog.current?.close();
              onConfirm();
            }}
          >
            {label}
          </button>
        </div>
      </dialog>
    </>
  );
}
