// Under "needs attention" on the team screen: the records with open sync conflicts, each a
// link to the screen where they are resolved (conflict-links.ts). Read again whenever the sync
// status changes (after every run), not as a live query: it scans the record tables.
import { useEffect, useId, useState } from 'preact/hooks';
import { loadConflictedRecords } from '../../../db/conflict-records';
import type { SyncStatus } from '../../../sync/status';
import { useServices } from '../../hooks/use-services';
import { useT } from '../../hooks/use-t';
import { conflictLinks, type ConflictLink } from './conflict-links';

export function ConflictedRecords({ status }: { status: SyncStatus | null }) {
  const { t } = useT();
  const { db } = useServices();
  const titleId = useId();
  const [links, setLinks] = useState<ConflictLink[] | null>(null);
  const hasConflicts = status?.state === 'needs-attention' && status.reasons.includes('conflicts');

  useEffect(() => {
    if (!hasConflicts) return setLinks(null);
    let isCurrent = true;
    loadConflictedRecords(db).then(
      (records) => isCurrent && setLinks(conflictLinks(records)),
      () => isCurrent && setLinks(null),
    );
    return () => {
      isCurrent = false;
    };
  }, [db, status, hasConflicts]);

  if (!hasConflicts || !links || links.length === 0) return null;
  return (
    <div class="conflicted-records">
      <p id={titleId}>{t('sync.review.intro')}</p>
      <ul class="item-list" aria-labelledby={titleId} data-testid="conflicted-records">
        {links.map((link) => (
          <li key={link.key}>
            <a class="item-link" href={link.href}>
              <span class="item-link__title" dir="auto">
                {t(`sync.review.kind.${link.kind}`)}
                {link.name && ': '}
                {link.name && <bdi>{link.name}</bdi>}
              </span>
              <span class="item-link__meta">
                {link.caseLabel && (
                  <>
                    {t('sync.review.inCase')} <bdi>{link.caseLabel}</bdi> ·{' '}
                  </>
                )}
                {link.mustChoose
                  ? t('sync.review.mustChoose', { count: link.count })
                  : t('sync.review.count', { count: link.count })}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
