// Bootstrap: language, database, render, service worker. Nothing else.
import { render } from 'preact';
import { App } from './app/App';
import { openDatabase } from './db/database';
import { createRepositories } from './db/repositories';
import { initI18n } from './i18n/i18n';
import { isUiLanguage, pickLanguage } from './i18n/languages';
import { startServiceWorker } from './pwa/service-worker-bridge';
import { flushOnPageHide } from './ui/autosave-registry';
import './ui/styles.css';

async function start(): Promise<void> {
  const db = openDatabase();
  const repositories = createRepositories(db);
  const [savedLanguage, volunteerName] = await Promise.all([
    repositories.settings.get('language').catch(() => null),
    repositories.settings.get('volunteerName').catch(() => ''),
  ]);
  const language = isUiLanguage(savedLanguage) ? savedLanguage : pickLanguage(navigator.languages);
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
