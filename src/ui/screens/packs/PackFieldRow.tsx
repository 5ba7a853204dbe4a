// One field of the form on the pack screen: its label (tooltip, else name), type, page, whether
// its mapping came over from another edition's pack, a small rendering of its page with the
// field marked (drawn only when asked), and its mapping.
import { Component } from 'preact';
import { useState } from 'preact/hooks';
import type { Mapping } from '../../../domain/form-packs';
import type { PdfField } from '../../../pdf/types';
import { useT } from '../../hooks/use-t';
import type { PreviewDocument } from '../../pdf-preview';
import { FieldOnPage } from './FieldOnPage';
import { MappingEditor } from './MappingEditor';

type Props = {
  field: PdfField;
  mapping: Mapping | undefined;
  /** The mapping came over from the pack of another edition (PackOrigin.kept). */
  isCarried: boolean;
  openPage: () => Promise<PreviewDocument>;
  onChange: (key: string, mapping: Mapping | null) => void;
};

/** Re-renders only when its own props change: a screen of hundreds of fields then redraws
 * just the row that changed (the project does without preact/compat's memo). */
export class PackFieldRow extends Component<Props> {
  override shouldComponentUpdate(next: Props): boolean {
    const p = this.props;
    return (
      next.field !== p.field ||
      next.mapping !== p.mapping ||
      next.isCarried !== p.isCarried ||
      next.openPage !== p.openPage ||
      next.onChange !== p.onChange
    );
  }

  override render() {
    return <FieldRow {...this.props} />;
  }
}

function FieldRow(props: Props) {
  const { field, mapping, isCarried, openPage, onChange } = props;
  const { t } = useT();
  const [isShown, setShown] = useState(false);
  const label = field.label ?? field.name;
  const facts = [
    t(`packs.type.${field.type}`),
    field.page ? t('forms.fill.page', { page: field.page }) : t('forms.fill.noPage'),
    field.onValue ? t('packs.onValue', { value: field.onValue }) : '',
    field.maxLen ? t('packs.maxLen', { max: field.maxLen }) : '',
  ].filter(Boolean);

  return (
    <li class="pack-field" data-field={field.key} data-carried={isCarried ? 'yes' : undefined}>
      <fieldset>
        <legend dir="auto">{label}</legend>
        <p class="item-link__meta">{facts.join(' · ')}</p>
        {isCarried && <p class="pack-field__carried">{t('packs.origin.carried')}</p>}
        {field.page && field.rect && (
          <button
            type="button"
            class="button pack-field__show"
            aria-expanded={isShown}
            onClick={() => setShown(!isShown)}
          >
            {isShown ? t('packs.hidePage') : t('packs.showPage')}
          </button>
        )}
        {isShown && field.page && field.rect && (
          <FieldOnPage
            openPage={openPage}
            page={field.page}
            rect={field.rect}
            label={t('packs.pageImage', { page: field.page, field: label })}
          />
        )}
        <MappingEditor field={field} mapping={mapping} onChange={(m) => onChange(field.key, m)} />
      </fieldset>
    </li>
  );
}
