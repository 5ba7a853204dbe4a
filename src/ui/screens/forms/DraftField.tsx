// One form field on the fill screen: its label (the tooltip, else the name), where it sits,
// whether its value came from the case, a too-long (or too wide for its overlay box) warning,
// and "save to the case".
import { useId } from 'preact/hooks';
import type { PdfField } from '../../../pdf/types';
import { useT } from '../../hooks/use-t';
import { charLength } from './draft-model';

type DraftFieldProps = {
  field: PdfField;
  value: string | boolean | undefined;
  isFromCase: boolean;
  /** Set when the value is too wide for its overlay box: about how many characters fit. */
  boxHolds?: number | undefined;
  canWriteBack: boolean;
  onChange: (value: string | boolean) => void;
  onWriteBack: () => void;
};

export function DraftField({
  field,
  value,
  isFromCase,
  boxHolds,
  canWriteBack,
  onChange,
  onWriteBack,
}: DraftFieldProps) {
  const { t } = useT();
  const id = useId();
  const label = field.label?.trim() || field.name;
  const text = typeof value === 'string' ? value : '';
  const length = charLength(text);
  const isTooLong = (field.maxLen !== null && length > field.maxLen) || boxHolds !== undefined;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hintId, isTooLong ? errorId : ''].filter(Boolean).join(' ');
  const where =
    field.page === null ? t('forms.fill.noPage') : t('forms.fill.page', { page: field.page });

  if (field.type === 'checkbox') {
    return (
      <div class="field field--checkbox draft-field" data-field={field.key}>
        <input
          id={id}
          type="checkbox"
          checked={value === true}
          aria-describedby={hintId}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
        <label for={id} dir="auto">
          {label}
        </label>
        <p class="field__hint" id={hintId}>
          {where}
          {isFromCase && (
            <span class="badge badge--info draft-field__case">{t('forms.fill.fromCase')}</span>
          )}
        </p>
      </div>
    );
  }

  return (
    <div class={`field draft-field${isTooLong ? ' field--invalid' : ''}`} data-field={field.key}>
      <label for={id} dir="auto">
        {label}
      </label>
      {field.type === 'text' ? (
        <input
          id={id}
          type="text"
          dir="auto"
          autoComplete="off"
          value={text}
          aria-invalid={isTooLong ? 'true' : undefined}
          aria-describedby={describedBy}
          onInput={(e) => onChange(e.currentTarget.value)}
        />
      ) : field.type === 'multiline' ? (
        <textarea
          id={id}
          dir="auto"
          rows={3}
          value={text}
          aria-invalid={isTooLong ? 'true' : undefined}
          aria-describedby={describedBy}
          onInput={(e) => onChange(e.currentTarget.value)}
        />
      ) : (
        <select
          id={id}
          value={text}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.currentTarget.value)}
        >
          <option value="">{t('forms.fill.none')}</option>
          {field.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      )}
      <p class="field__hint" id={hintId}>
        {where}
        {field.maxLen !== null && ` · ${length}/${field.maxLen}`}
        {isFromCase && (
          <span class="badge badge--info draft-field__case">{t('forms.fill.fromCase')}</span>
        )}
      </p>
      {isTooLong && (
        <p class="field__error" id={errorId}>
          {boxHolds === undefined
            ? t('forms.fill.tooLong', { length, max: field.maxLen })
            : t('forms.fill.tooLongForBox', { length, max: boxHolds })}
        </p>
      )}
      {canWriteBack && (
        <button type="button" class="button draft-field__write-back" onClick={onWriteBack}>
          {t('forms.fill.writeBack')}
        </button>
      )}
    </div>
  );
}
