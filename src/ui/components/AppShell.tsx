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
    routes: ['cases', 'case', 'case-edit', 'person-edit', 'appointment-edit', 'note-edit', 'draft'],
  },
  { key: 'forms', to: href.forms(), routes: ['forms', 'pack', 'overlay'] },
  { key: 'agenda', to: href.agenda(), routes: ['agenda'] },
  { key: 'settings', to: href.settings(), routes: ['settings'] },
] as const;

const TAB_ICONS = { cases: '▤', forms: '▧', agenda: '◷', settings: '⚙' } as const;

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
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      {/* Above the bottom navigation, over the content: a notice never pushes the screen down. */}
      <div class="notices">{notices}</div>
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
              {TAB_ICONS[tab.key]}
            </span>
            {tab.key === 'forms' ? t('forms.nav') : t(`nav.${tab.key}`)}
          </a>
        ))}
      </nav>
    </div>
  );
}
