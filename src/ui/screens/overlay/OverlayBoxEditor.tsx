// One overlay box in the list under the page: what it is linked to, where it sits and how big
// it is (PDF points, origin bottom-left, as printed in the form), its font size, delete.
// Number inputs apply on change (Enter or leaving the input), so typing "1." is not undone.
import { useId } from 'preact/hooks';
import type { FieldMapping, OverlayBox } from '../../../domain/form-packs';
import { CheckboxField, SelectField } from '../../components/Field';
import { useT } from '../../hooks/use-t';
import { LINK_IDS, linkOf, type LinkId } from './link-options';
import type { BoxChange } from './overlay-model';

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
          <NumberField label={t('overlay.x')} value={x} onChange={(n) => onChange({ x: n })} />
          <NumberField label={t('overlay.y')} value={y} onChange={(n) => onChange({ y: n })} />
          <NumberField
            label={t('overlay.width')}
            value={width}
            min={1}
            onChange={(n) => onChange({ width: n })}
          />
          <NumberField
            label={t('overlay.height')}
            value={height}
            min={1}
            onChange={(n) => onChange({ height: n })}
          />
          <NumberField
            label={t('overlay.fontSize')}
            value={box.fontSize ?? 0}
            min={0}
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
  onChange: (value: number) => void;
};

function NumberField({ label, value, min, onChange }: NumberFieldProps) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        step="any"
        min={min}
        dir="ltr"
        value={String(value)}
        onChange={(e) => {
          const next = Number(e.currentTarget.value.replace(',', '.'));
          if (e.currentTarget.value.trim() !== '' && Number.isFinite(next)) onChange(next);
          else e.currentTarget.value = String(value);
        }}
      />
    </div>
  );
}
