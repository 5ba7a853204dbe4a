// One overlay box in the list under the page: what it is linked to, where it sits and how big
// it is (PDF points, origin bottom-left, as printed in the form), its font size, delete.
// Number inputs apply on change (Enter or leaving the input), so typing "1." is not undone;
// a value the pack cannot hold is clamped (overlay-model.ts changeBox) and shown as stored.
import { useId, useLayoutEffect, useRef } from 'preact/hooks';
import type { FieldMapping, OverlayBox } from '../../../domain/form-packs';
import { CheckboxField, SelectField } from '../../components/Field';
import { useT } from '../../hooks/use-t';
import { LINK_IDS, linkOf, type LinkId } from './link-options';
import { MAX_FONT_SIZE, MAX_POINTS, type BoxChange } from './overlay-model';

type BoxEditorProps = {
  box: OverlayBox;
  number: number;
  mapping: FieldMapping | undefined;
  onChange: (change: BoxChange) => void;
  onLink: (link: LinkId) => void;
  onRemove: () => void;
};

export function OverlayBoxEditor({
  box,
  number,
  mapping,
  onChange,
  onLink,
  onRemove,
}: BoxEditorProps) {
  const { t } = useT();
  const link = linkOf(mapping);
  const [x, y, width, height] = box.rect;
  return (
    <li class="overlay-box" data-key={box.key}>
      <fieldset>
        <legend>{t('overlay.box', { number })}</legend>
        <SelectField
          label={t('overlay.linkLabel')}
          value={link ?? ''}
          {...(link === null && { emptyLabel: t('overlay.otherValue', { number }) })}
          options={LINK_IDS.map((id) => ({ value: id, label: t(`overlay.link.${id}`) }))}
          onChange={(value) => value && onLink(value as LinkId)}
        />
        <div class="overlay-box__numbers">
          <NumberField
            label={t('overlay.x')}
            value={x}
            min={-MAX_POINTS}
            max={MAX_POINTS - 1}
            onChange={(n) => onChange({ x: n })}
          />
          <NumberField
            label={t('overlay.y')}
            value={y}
            min={-MAX_POINTS}
            max={MAX_POINTS - 1}
            onChange={(n) => onChange({ y: n })}
          />
          <NumberField
            label={t('overlay.width')}
            value={width}
            min={1}
            max={Math.min(MAX_POINTS, MAX_POINTS - x)}
            onChange={(n) => onChange({ width: n })}
          />
          <NumberField
            label={t('overlay.height')}
            value={height}
            min={1}
            max={Math.min(MAX_POINTS, MAX_POINTS - y)}
            onChange={(n) => onChange({ height: n })}
          />
          <NumberField
            label={t('overlay.fontSize')}
            value={box.fontSize ?? 0}
            min={0}
            max={MAX_FONT_SIZE}
            onChange={(n) => onChange({ fontSize: n })}
          />
        </div>
        <CheckboxField
          label={t('overlay.multiline')}
          checked={box.multiline === true}
          onChange={(multiline) => onChange({ multiline })}
        />
        <button type="button" class="button" onClick={onRemove}>
          {t('overlay.remove')}
        </button>
      </fieldset>
    </li>
  );
}

type NumberFieldProps = {
  label: string;
  value: number;
  min?: number;
  max?: number;
  onChange: (value: number) => void;
};

function NumberField({ label, value, min, max, onChange }: NumberFieldProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  // Not a controlled input: a re-render (an autosave finishing, a synced change) must not
  // reset what is being typed. The stored value is written in when it changes.
  useLayoutEffect(() => {
    if (input.current) input.current.value = String(value);
  }, [value]);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        ref={input}
        id={id}
        type="number"
        inputMode="decimal"
        step="any"
        min={min}
        max={max}
        dir="ltr"
        defaultValue={String(value)}
        onChange={(e) => {
          const next = Number(e.currentTarget.value.replace(',', '.'));
          if (e.currentTarget.value.trim() !== '' && Number.isFinite(next)) onChange(next);
          // Back to the stored value; the effect above then shows the new one. A value the
          // pack clamps to what it already held (font size 2 → 4 again) shows as stored, too.
          e.currentTarget.value = String(value);
        }}
      />
    </div>
  );
}
