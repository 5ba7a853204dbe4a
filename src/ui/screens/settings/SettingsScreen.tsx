// Language, the volunteer's own name, and the state of the device's storage.
import { useEffect, useState } from 'preact/hooks';
import {
  needsHomeScreenHint,
  readStorageState,
  requestPersistence,
  type StorageState,
} from '../../../db/storage-state';
import { formatBytes, formatPercent, languageName } from '../../../i18n/format';
import { COMPLETE_LANGUAGES, type UiLanguage } from '../../../i18n/languages';
import { SelectField, TextField } from '../../components/Field';
import { SaveStatus } from '../../components/SaveStatus';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Section } from '../../components/Section';
import { useAutosavedSetting } from '../../hooks/use-autosaved-setting';
import { useServices } from '../../hooks/use-services';
import { useT } from '../../hooks/use-t';
import { href } from '../../routes';

type SettingsScreenProps = {
  onLanguageChange: (language: UiLanguage) => void;
  volunteerName: string;
  onVolunteerNameChange: (name: string) => void;
};

function isStandalone(): boolean {
  return (
    window.matchMedia?.('(display-mode: standalone)').matches ||
    (navigator as Navigator & { standalone?: boolean }).standalone === true
  );
}

export function SettingsScreen({
  onLanguageChange,
  volunteerName,
  onVolunteerNameChange,
}: SettingsScreenProps) {
  const { t, language } = useT();
  const { repositories } = useServices();
  const [storage, setStorage] = useState<StorageState | null>(null);
  const name = useAutosavedSetting(repositories.settings, 'volunteerName', volunteerName);
  const refresh = () => void readStorageState().then(setStorage);
  useEffect(refresh, []);
  const showHomeScreenHint = needsHomeScreenHint(navigator.userAgent, isStandalone());

  return (
    <>
      <ScreenHeader title={t('settings.title')} />
      <form class="form" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label={t('settings.language')}
          value={language}
          options={COMPLETE_LANGUAGES.map((code) => ({
            value: code,
            label: languageName(code, code),
          }))}
          onChange={(v) => onLanguageChange(v as UiLanguage)}
          name="language"
        />
        <TextField
          label={t('settings.volunteerName')}
          hint={t('settings.volunteerNameHint')}
          value={name.value}
          onInput={(value) => {
            name.update(value);
            onVolunteerNameChange(value);
          }}
          name="volunteerName"
        />
        <SaveStatus state={name.saveState} />
      </form>

      <Section title={t('settings.storage')}>
        <dl class="facts">
          <dt>{t('settings.persistence')}</dt>
          <dd data-testid="persistence">
            {storage?.isPersisted === true
              ? t('settings.persisted')
              : storage?.isPersisted === false
                ? t('settings.notPersisted')
                : t('common.unknown')}
          </dd>
          <dt>{t('settings.usage')}</dt>
          <dd data-testid="usage">
            {storage?.usage != null && storage.quota
              ? t('settings.usageOf', {
                  used: formatBytes(storage.usage, language),
                  quota: formatBytes(storage.quota, language),
                  percent: formatPercent(storage.usage / storage.quota, language),
                })
              : t('common.unknown')}
          </dd>
        </dl>
        {storage?.isPersisted === false && (
          <>
            <p class="hint">{t('settings.notPersistedHelp')}</p>
            <button
              type="button"
              class="button"
              onClick={() => void requestPersistence().then(refresh)}
            >
              {t('settings.requestPersistence')}
            </button>
          </>
        )}
        {showHomeScreenHint && (
          <p class="notice notice--warning" data-testid="home-screen-hint">
            {t('settings.homeScreenHint')}
          </p>
        )}
      </Section>

      <Section title={t('sync.team.title')}>
        <p class="hint">{t('sync.team.settingsHint')}</p>
        <a class="button" href={href.team()} data-testid="team-link">
          {t('sync.team.settingsLink')}
        </a>
      </Section>

      <Section title={t('settings.about')}>
        <p>{t('settings.aboutText')}</p>
        <p class="hint">
          {t('settings.version', { version: import.meta.env.VITE_APP_VERSION ?? '0.1.0' })}
        </p>
      </Section>
    </>
  );
}
