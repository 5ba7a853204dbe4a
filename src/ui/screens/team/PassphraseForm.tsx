// A passphrase (optionally typed twice) and a submit button. `onSubmit` returns an error
// code (shown through errorMessage) or null on success.
import { useId, useState } from 'preact/hooks';
import { useT } from '../../hooks/use-t';

type PassphraseFormProps = {
  submitLabel: string;
  confirm: boolean;
  hint?: string;
  testId: string;
  onSubmit: (passphrase: string) => Promise<string | null>;
};

export function PassphraseForm({
  submitLabel,
  confirm,
  hint,
  testId,
  onSubmit,
}: PassphraseFormProps) {
  const { t } = useT();
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (confirm && passphrase !== repeat) {
      setError('passphrase-mismatch');
      return;
    }
    setBusy(true);
    setError(null);
    const code = await onSubmit(passphrase);
    setBusy(false);
    setError(code);
  };

  return (
    <form class="form" onSubmit={(e) => void submit(e)} data-testid={testId}>
      <div class="field">
        <label for={`${id}-p`}>{t('sync.team.passphrase')}</label>
        <input
          id={`${id}-p`}
          name="passphrase"
          type="password"
          autocomplete={confirm ? 'new-password' : 'current-password'}
          value={passphrase}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onInput={(e) => setPassphrase(e.currentTarget.value)}
        />
        {hint && (
          <p class="field__hint" id={`${id}-hint`}>
            {hint}
          </p>
        )}
      </div>
      {confirm && (
        <div class="field">
          <label for={`${id}-r`}>{t('sync.team.passphraseRepeat')}</label>
          <input
            id={`${id}-r`}
            name="passphraseRepeat"
            type="password"
            autocomplete="new-password"
            value={repeat}
            onInput={(e) => setRepeat(e.currentTarget.value)}
          />
        </div>
      )}
      {error && (
        <p class="notice notice--warning" role="alert">
          {t(`sync.errors.${error}` as 'sync.errors.locked', { defaultValue: t('errors.unknown') })}
        </p>
      )}
      <button type="submit" class="button button--primary" disabled={isBusy}>
        {isBusy ? t('sync.team.working') : submitLabel}
      </button>
    </form>
  );
}
