// The application root: providers, routing and app-wide notices.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { t as translate } from '../i18n/i18n';
import { setLanguage } from '../i18n/i18n';
import type { UiLanguage } from '../i18n/languages';
import { applyUpdate, dismissOfflineReady } from '../pwa/service-worker-bridge';
import { flushAll } from '../ui/autosave-registry';
import { AppShell } from '../ui/components/AppShell';
import { Notices } from '../ui/components/Notices';
import { SyncIndicator } from '../ui/components/SyncIndicator';
import { ServicesContext, type Services } from '../ui/hooks/use-services';
import { LanguageContext } from '../ui/hooks/use-t';
import { useRoute } from '../ui/hooks/use-route';
import { startSyncLater } from '../ui/hooks/use-sync';
import { Screen } from './Screen';

type AppProps = { services: Services; initialLanguage: UiLanguage; initialVolunteerName: string };

export function App({ services, initialLanguage, initialVolunteerName }: AppProps) {
  const route = useRoute();
  const [language, setLanguageState] = useState(initialLanguage);
  const [volunteerName, setVolunteerName] = useState(initialVolunteerName);
  const languageValue = useMemo(() => ({ language, t: translate }), [language]);

  const changeLanguage = useCallback(
    async (next: UiLanguage) => {
      await setLanguage(next);
      await services.repositories.settings.set('language', next);
      setLanguageState(next);
    },
    [services],
  );

  // Team sync: a lazy chunk, started once the first screen is up.
  useEffect(() => startSyncLater(services.db), [services]);

  // Write everything typed before the new version takes over the page.
  const update = useCallback(async () => {
    await flushAll();
    await applyUpdate();
  }, []);

  return (
    <ServicesContext.Provider value={services}>
      <LanguageContext.Provider value={languageValue}>
        <SyncIndicator />
        <AppShell
          route={route}
          notices={<Notices onUpdate={update} onDismissOfflineReady={dismissOfflineReady} />}
        >
          <Screen
            route={route}
            volunteerName={volunteerName}
            onVolunteerNameChange={setVolunteerName}
            onLanguageChange={(l) => void changeLanguage(l)}
          />
        </AppShell>
      </LanguageContext.Provider>
    </ServicesContext.Provider>
  );
}
