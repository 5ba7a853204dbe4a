// Adding a PDF to the library: pick a file, let the engine inspect it, ask for a password
// when the file needs one, store it, and say plainly what it is.
import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../../error-message';
import { useT } from '../../hooks/use-t';
import { inspectForm } from '../../pdf-engine';
import { takeSharedFiles } from '../../shared-files';
import { describeInspection, formErrorMessage } from './form-messages';
import { matchPackOf, packMatchText } from './pack-adapter';
import { useFormServices } from './use-form-services';
import { useStoredPacks } from './use-stored-packs';

type ImportState =
  | { step: 'idle' }
  | { step: 'checking' }
  | { step: 'password'; fileName: string; bytes: Uint8Array; wrong: boolean; password: string }
  | { step: 'done'; lines: string[] }
  | { step: 'failed'; message: string };

export function FormImport() {
  const { t, language } = useT();
  const { library } = useFormServices();
  const storedPacks = useStoredPacks();
  const [state, setState] = useState<ImportState>({ step: 'idle' });

  const open = async (fileName: string, bytes: Uint8Array, password?: string) => {
    setState({ step: 'checking' });
    const inspected = await inspectForm(bytes, password).catch((error: unknown) => {
      // Only a bug or an engine chunk that failed to load ends up here.
      console.error('inspect failed', error);
      return null;
    });
    if (!inspected) {
      setState({ step: 'failed', message: errorMessage(t, 'unknown') });
      return;
    }
    if (!inspected.ok) {
      if (inspected.code === 'pdf-password-required' || inspected.code === 'pdf-password-wrong') {
        setState({
          step: 'password',
          fileName,
          bytes,
          wrong: inspected.code === 'pdf-password-wrong' || password !== undefined,
          password: '',
        });
      } else {
        setState({ step: 'failed', message: formErrorMessage(t, inspected.code) });
      }
      return;
    }
    const inspection = inspected.value;
    const stored = await library.add({ fileName, password: password ?? '', inspection }, bytes);
    if (!stored.ok) {
      setState({ step: 'failed', message: errorMessage(t, stored.code) });
      return;
    }
    setState({
      step: 'done',
      lines: [
        t('forms.library.added', { name: fileName }),
        ...describeInspection(t, inspection),
        packMatchText(t, matchPackOf(inspection, storedPacks), language),
      ],
    });
  };

  // PDFs shared from other apps (Web Share Target) are imported as if picked here.
  useEffect(() => {
    void takeSharedFiles().then(async (files) => {
      for (const file of files) await open(file.name, file.bytes);
    });
    // Once, when the library opens.
  }, []);

  return (
    <div class="form-import">
      <div class="field">
        <label for="form-import-file">{t('forms.library.import')}</label>
        <input
          id="form-import-file"
          type="file"
          accept="application/pdf,.pdf"
          disabled={state.step === 'checking'}
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            if (!file) return;
            void file.arrayBuffer().then((buffer) => {
              input.value = '';
              return open(file.name, new Uint8Array(buffer));
            });
          }}
        />
      </div>
      {state.step === 'checking' && (
        <p role="status" aria-live="polite">
          {t('forms.library.checking')}
        </p>
      )}
      {state.step === 'password' && (
        <form
          class="form-import__password"
          onSubmit={(e) => {
            e.preventDefault();
            void open(state.fileName, state.bytes, state.password);
          }}
        >
          <p>{t('forms.password.needed')}</p>
          <PasswordField
            value={state.password}
            error={state.wrong ? formErrorMessage(t, 'pdf-password-wrong') : undefined}
            onInput={(password) => setState({ ...state, password })}
          />
          <button type="submit" class="button button--primary">
            {t('forms.password.open')}
          </button>
        </form>
      )}
      {state.step === 'done' && (
        <div class="notice notice--info form-import__result" role="status">
          {state.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
      {state.step === 'failed' && (
        <p class="notice notice--error" role="alert">
          {state.message}
        </p>
      )}
    </div>
  );
}

function PasswordField(props: {
  value: string;
  error: string | undefined;
  onInput: (value: string) => void;
}) {
  const { t } = useT();
  // TextField has no password type; a password must not be autocompleted into the form.
  return (
    <div class={`field${props.error ? ' field--invalid' : ''}`}>
      <label for="form-import-password">{t('forms.password.label')}</label>
      <input
        id="form-import-password"
        type="password"
        autoComplete="off"
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? 'form-import-password-error' : undefined}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      {props.error && (
        <p class="field__error" id="form-import-password-error" role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}
