import type { ComponentChildren } from 'preact';
import { useT } from '../hooks/use-t';

type ScreenHeaderProps = { title: string; backHref?: string; actions?: ComponentChildren };

export function ScreenHeader({ title, backHref, actions }: ScreenHeaderProps) {
  const { t } = useT();
  return (
    <header class="screen-header">
      {backHref && (
        <a class="icon-button back-link" href={backHref} aria-label={t('nav.back')}>
          <span aria-hidden="true" class="back-arrow">
            ←
          </span>
        </a>
      )}
      <h1>{title}</h1>
      {actions && <div class="screen-header__actions">{actions}</div>}
    </header>
  );
}
