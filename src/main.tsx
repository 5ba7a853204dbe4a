// Bootstrap: language, database, render, service worker. Nothing else.
//
// Start-up is on the critical path of the first rows, so nothing waits for anything it does
// not need: the database read of the case list's first rows, the saved settings and the
// language chunk all start at once, and render waits only for the language.
import { render } from 'preact';
import { App } from './app/App';
import { openDatabase } from './db/database';
import { createRepositories } from './db/repositories';
import { initI18n, preloadLanguage } from './i18n/i18n';
import { isUiLanguage, pickLanguage } from './i18n/languages';
import { startServiceWorker } from './pwa/service-worker-bridge';
import { flushOnPageHide } from './ui/autosave-registry';
import { parseRoute } from './ui/routes';
import { prefetchFirstPage } from './ui/screens/case-list/first-page';
import './ui/styles.css';

async function start(): Promise<void> {
  const db = openDatabase();
  const repositories = createRepositories(db);
  if (parseRoute(location.hash).name === 'cases') prefetchFirstPage(db);
  const browserLanguage = pickLanguage(navigator.languages);
  // Most users keep the language their browser asks for: fetch it while settings are read.
  preloadLanguage(browserLanguage);
  const [savedLanguage, volunteerName] = await Promise.all([
    repositories.settings.get('language').catch(() => null),
    repositories.settings.get('volunteerName').catch(() => ''),
  ]);
  const language = isUiLanguage(savedLanguage) ? savedLanguage : browserLanguage;
  await initI18n(language);
  flushOnPageHide();
  const root = document.getElementById('app');
  if (!root) throw new Error('#app missing');
  render(
    <App
      services={{ db, repositories, now: () => new Date() }}
      initialLanguage={language}
      initialVolunteerName={volunteerName}
    />,
    root,
  );
  startServiceWorker();
}

void start();
