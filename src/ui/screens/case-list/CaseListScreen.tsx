// The start screen: every case, searchable across all persons' names, with filters.
// The first rows come from a quick indexed read; the full book (for search and filters)
// is loaded right after and kept live.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { loadCaseBook, loadRecentCases } from '../../../db/repositories';
import { localDateTimeNow, todayIso } from '../../../domain/dates';
import { formatNumber } from '../../../i18n/format';
import { useServices } from '../../hooks/use-services';
import { useT } from '../../hooks/use-t';
import { useWatch } from '../../hooks/use-watch';
import { ScreenHeader } from '../../components/ScreenHeader';
import { href } from '../../routes';
import {
  buildCaseListModel,
  filterRows,
  type CaseFilters,
  type StatusFilter,
} from './case-list-model';
import { CaseRow } from './CaseRow';

export const PAGE_SIZE = 50;

// Kept while the app runs, so coming back from a case shows the same search.
let rememberedFilters: CaseFilters = {
  query: '',
  status: 'open',
  isThisWeekOnly: false,
  isExpiringOnly: false,
};

export function CaseListScreen() {
  const { t, language } = useT();
  const { db, now } = useServices();
  const [filters, setFiltersState] = useState(rememberedFilters);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [recent, setRecent] = useState<Awaited<ReturnType<typeof loadRecentCases>> | null>(null);
  // The whole book is read only after the first rows are on screen: reading and deserialising
  // tens of thousands of records would otherwise delay them.
  const [isFirstPaintDone, setFirstPaintDone] = useState(false);
  const book = useWatch(isFirstPaintDone ? () => loadCaseBook(db) : null, [db, isFirstPaintDone]);

  const setFilters = (patch: Partial<CaseFilters>) => {
    rememberedFilters = { ...filters, ...patch };
    setFiltersState(rememberedFilters);
    setLimit(PAGE_SIZE);
  };

  useEffect(() => {
    // Twice a page: the default filter hides closed cases, and the first page should still be full.
    void loadRecentCases(db, 2 * PAGE_SIZE).then(setRecent, () => setFirstPaintDone(true));
  }, [db]);

  useEffect(() => {
    if (!recent || isFirstPaintDone) return;
    // Let the browser paint the first rows, then load everything for search and filters.
    const frame = requestAnimationFrame(() => setTimeout(() => setFirstPaintDone(true), 0));
    return () => cancelAnimationFrame(frame);
  }, [recent, isFirstPaintDone]);

  const model = useMemo(() => {
    const date = now();
    const today = todayIso(date);
    const nowLocal = localDateTimeNow(date);
    if (book.status === 'ready') return buildCaseListModel(book.value, today, nowLocal);
    if (recent) return buildCaseListModel({ ...recent, appointments: [] }, today, nowLocal);
    return null;
  }, [book, recent, now]);

  const rows = useMemo(() => (model ? filterRows(model, filters) : []), [model, filters]);
  const isComplete = book.status === 'ready';

  useEffect(() => {
    if (model && rows.length > 0 && !performance.getEntriesByName('lotse:first-rows').length) {
      performance.mark('lotse:first-rows');
    }
  }, [model, rows]);

  const statusChoices: StatusFilter[] = ['open', 'closed', 'all'];
  const hasAnyCase = model ? model.rows.length > 0 : false;

  return (
    <>
      <ScreenHeader
        title={t('cases.title')}
        actions={
          <a class="button button--primary" href={href.caseEdit(null)}>
            {t('cases.new')}
          </a>
        }
      />
      <div class="search-bar" role="search">
        <label for="case-search" class="visually-hidden">
          {t('cases.search')}
        </label>
        <input
          id="case-search"
          type="search"
          dir="auto"
          autoComplete="off"
          placeholder={t('cases.searchPlaceholder')}
          value={filters.query}
          onInput={(e) => setFilters({ query: e.currentTarget.value })}
        />
      </div>
      <div class="filters" role="group" aria-label={t('cases.filters.label')}>
        {statusChoices.map((status) => (
          <button
            key={status}
            type="button"
            class="filter-chip"
            aria-pressed={filters.status === status}
            onClick={() => setFilters({ status })}
          >
            {t(`cases.filters.${status}`)}
          </button>
        ))}
        <button
          type="button"
          class="filter-chip"
          aria-pressed={filters.isThisWeekOnly}
          onClick={() => setFilters({ isThisWeekOnly: !filters.isThisWeekOnly })}
        >
          {t('cases.filters.thisWeek')}
        </button>
        <button
          type="button"
          class="filter-chip"
          aria-pressed={filters.isExpiringOnly}
          onClick={() => setFilters({ isExpiringOnly: !filters.isExpiringOnly })}
        >
          {t('cases.filters.expiring')}
        </button>
      </div>
      {book.status === 'error' && (
        <p class="notice notice--error" role="alert">
          {t('errors.storage-unavailable')}
        </p>
      )}
      <p class="list-summary" role="status" aria-live="polite">
        {!model
          ? t('common.loading')
          : isComplete
            ? t('cases.count', {
                count: rows.length,
                formatted: formatNumber(rows.length, language),
              })
            : t('common.loading')}
      </p>
      {model && !hasAnyCase && isComplete && <p class="empty">{t('cases.empty')}</p>}
      {model && hasAnyCase && rows.length === 0 && isComplete && (
        <p class="empty">{t('cases.noResults')}</p>
      )}
      <ul class="case-list" aria-label={t('cases.title')}>
        {rows.slice(0, limit).map((row) => (
          <CaseRow key={row.case.id} row={row} />
        ))}
      </ul>
      {rows.length > limit && (
        <button type="button" class="button show-more" onClick={() => setLimit(limit + PAGE_SIZE)}>
          {t('cases.showMore')}
        </button>
      )}
    </>
  );
}
