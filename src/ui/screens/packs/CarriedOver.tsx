// On the pack screen of a copy made for another edition: which mappings came over (the fields
// are marked in the list below) and the old edition's mappings that do not fit this edition —
// the old field (label when known, and key) and what it was mapped to — to map again.
import type { PackOrigin } from '../../../db/pack-repository';
import { Section } from '../../components/Section';
import { useT } from '../../hooks/use-t';
import { mappingText } from './mapping-text';

export function CarriedOver({ origin }: { origin: PackOrigin }) {
  const { t, language } = useT();
  const title = origin.label
    ? t('packs.origin.title', { edition: origin.label })
    : t('packs.origin.titleUnlabelled');
  return (
    <Section title={title}>
      <div class="pack-origin">
        <p dir="auto">
          {t('packs.origin.from', { name: language === 'de' ? origin.title.de : origin.title.en })}
        </p>
        <p>{t('packs.origin.kept', { count: origin.kept.length })}</p>
        {origin.remap.length === 0 ? (
          <p>{t('packs.origin.remapNone')}</p>
        ) : (
          <>
            <p>{t('packs.origin.remapIntro', { count: origin.remap.length })}</p>
            <ul class="pack-remap">
              {origin.remap.map(({ mapping, reason, label }) => (
                <li key={mapping.key} class="pack-remap__item" data-field={mapping.key}>
                  <p class="pack-remap__field">
                    <span dir="auto">{label ?? mapping.key}</span>
                    {label && label !== mapping.key && (
                      <>
                        {' '}
                        <code dir="ltr">{mapping.key}</code>
                      </>
                    )}
                  </p>
                  <p>{t('packs.origin.mappedTo', { mapping: mappingText(t, mapping) })}</p>
                  <p class="item-link__meta">{t(`packs.origin.reason.${reason}`)}</p>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </Section>
  );
}
