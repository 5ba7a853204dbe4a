// The frame around every screen: skip link, main area, notices, bottom navigation
// (reachable with the thumb on a phone).
import type { ComponentChildren } from 'preact';
import { useT } from '../hooks/use-t';
import { href, type Route } from '../routes';

type AppShellProps = { route: Route; notices: ComponentChildren; children: ComponentChildren };

const TABS = [
  {
    key: 'cases',
    to: href.cases(),
    routes: ['cases', 'case', 'case-edit', 'person-edit', 'appointment-edit', 'note-edit'],
  },
  { key: 'agenda', to: href.agenda(), routes: ['agenda'] },
  { key: 'settings', to: href.settings(), routes: ['settings'] },
] as const;

export function AppShell({ route, notices, children }: AppShellProps) {
  const { t } = useT();
  return (
    <div class="app">
      <a
        class="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('nav.skip')}
      </a>
      <div class="notices">{notices}</div>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <nav class="tab-bar" aria-label={t('nav.main')}>
        {TABS.map((tab) => (
          <a
            key={tab.key}
            href={tab.to}
            class="tab-bar__item"
            aria-current={
              (tab.routes as readonly string[]).includes(route.name) ? 'page' : undefined
            }
          >
            <span class="tab-bar__icon" aria-hidden="true">
              {tab.key === 'cases' ? '▤' : tab.key === 'agenda' ? '◷' : '⚙'}
            </span>
            {t(`nav.${tab.key}`)}
          </a>
        ))}
      </nav>
    </div>
  );
}
