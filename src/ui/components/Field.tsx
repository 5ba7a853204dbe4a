// Labelled form controls. Every control has a visible label; hints and validation
// messages are tied to it with aria-describedby.
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

type FieldFrameProps = {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: (ids: { id: string; describedBy: string | undefined }) => ComponentChildren;
};

export function FieldFrame({ label, hint, error, children }: FieldFrameProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : '';
  const errorId = error ? `${id}-error` : '';
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${error ? ' field--invalid' : ''}`}>
      <label for={id}>{label}</label>
      {children({ id, describedBy })}
      {hint && (
        <p class="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

type TextFieldProps = {
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
  type?: 'text' | 'tel' | 'email' | 'date' | 'datetime-local' | 'search';
  inputMode?: 'text' | 'numeric' | 'tel' | 'email';
  autoComplete?: string;
  dir?: 'auto' | 'ltr' | 'rtl';
  name?: string;
};

export function TextField(props: TextFieldProps) {
  return (
    <FieldFrame label={props.label} hint={props.hint} error={props.error}>
      {({ id, describedBy }) => (
        <input
          id={id}
          name={props.name}
          // Preact's types narrow per input type; all of these share the same attributes.
          type={(props.type ?? 'text') as 'text'}
          value={props.value}
          inputMode={props.inputMode}
          autoComplete={props.autoComplete ?? 'off'}
          dir={props.dir ?? 'auto'}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={describedBy}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
      )}
    </FieldFrame>
  );
}

type TextAreaProps = {
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string | undefined;
  rows?: number;
  name?: string;
};

export function TextArea(props: TextAreaProps) {
  return (
    <FieldFrame label={props.label} hint={props.hint}>
      {({ id, describedBy }) => (
        <textarea
          id={id}
          name={props.name}
          rows={props.rows ?? 4}
          dir="auto"
          value={props.value}
          aria-describedby={describedBy}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
      )}
    </FieldFrame>
  );
}

export type Option = { value: string; label: string };

type SelectFieldProps = {
  label: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
  /** Label of the empty choice; omit to have none. */
  emptyLabel?: string;
  hint?: string | undefined;
  error?: string | undefined;
  name?: string;
};

export function SelectField(props: SelectFieldProps) {
  return (
    <FieldFrame label={props.label} hint={props.hint} error={props.error}>
      {({ id, describedBy }) => (
        <select
          id={id}
          name={props.name}
          value={props.value}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={describedBy}
          onChange={(e) => props.onChange(e.currentTarget.value)}
        >
          {props.emptyLabel !== undefined && <option value="">{props.emptyLabel}</option>}
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

type CheckboxFieldProps = {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  name?: string;
};

export function CheckboxField(props: CheckboxFieldProps) {
  const id = useId();
  return (
    <div class="field field--checkbox">
      <input
        id={id}
        name={props.name}
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <label for={id}>{props.label}</label>
    </div>
  );
}
