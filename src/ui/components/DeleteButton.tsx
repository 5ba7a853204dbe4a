// Deletes a record after a confirmation, then leaves for `afterHref`. A failed delete (e.g. a
// full disk: even a tombstone is a write) is explained where the user clicked.
import { useState } from 'preact/hooks';
import type { Result } from '../../shared/result';
import { errorMessage } from '../error-message';
import { useT } from '../hooks/use-t';
import { navigate } from '../routes';
import { ConfirmButton } from './ConfirmButton';

type DeleteButtonProps = {
  label: string;
  question: string;
  remove: () => Promise<Result<unknown, string>>;
  afterHref: string;
};

export function DeleteButton({ label, question, remove, afterHref }: DeleteButtonProps) {
  const { t } = useT();
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <>
      <ConfirmButton
        label={label}
        question={question}
        onConfirm={() => {
          setFailure(null);
          void remove().then((result) => {
            if (result.ok) navigate(afterHref, { replace: true });
            else setFailure(result.code);
          });
        }}
      />
      {failure && (
        <p class="notice notice--error delete-failure" role="alert">
          {errorMessage(t, failure)}
        </p>
      )}
    </>
  );
}
