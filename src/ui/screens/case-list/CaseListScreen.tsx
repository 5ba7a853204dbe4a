// The start screen: every case, searchable across all persons' names, with filters.
// The first rows come from a quick indexed read (started by main.tsx, see first-page.ts);
// the full book (for search and filters) is loaded right after, kept live, and turned into
// the list model in slices so that the page stays responsive meanwhile.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { loadCaseBook, type RecentCases } from '../../../db/repositories';
import { localDateTimeNow, startOfWeek, todayIso } from '../../../domain/dates';
import { formatNumber } from '../../../i18n/format';
import { useServices } from '../../hooks/use-services';
import { useT } from '../../hooks/use-t';
import { useWatch } from '../../hooks/use-watch';
import { ScreenHeader } from '../../components/ScreenHeader';
import { href } from '../../routes';
import {
  buildCaseListModel,
  buildCaseListModelInSlices,
  filterRows,
  type CaseFilters,
  type CaseListModel,
  type StatusFilter,
} from './case-list-model';
import { CaseRow } from './CaseRow';
import { PAGE_SIZE, takeFirstPage } from './first-page';

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
  const [recent, setRecent] = useState<RecentCases | null>(null);
  // The whole book is read only after the first rows are on screen: reading and deserialising
  // tens of thousands of records would otherwise delay them.
  const [isFirstPaintDone, setFirstPaintDone] = useState(false);
  const book = useWatch(
    isFirstPaintDone
      ? // The list looks at this week and later only (next appointment, "this week").
        () => loadCaseBook(db, { appointmentsFrom: startOfWeek(todayIso(now())) })
      : null,
    [db, isFirstPaintDone],
  );
  const [fullModel, setFullModel] = useState<CaseListModel | null>(null);

  const setFilters = (patch: Partial<CaseFilters>) => {
    rememberedFilters = { ...filters, ...patch };
    setFiltersState(rememberedFilters);
    setLimit(PAGE_SIZE);
  };

  useEffect(() => {
    void takeFirstPage(db).then(setRecent, () => setFirstPaintDone(true));
  }, [db]);

  useEffect(() => {
    if (!recent || isFirstPaintDone) return;
    // Let the browser paint the first rows, then load everything for search and filters.
    const frame = requestAnimationFrame(() => setTimeout(() => setFirstPaintDone(true), 0));
    return () => cancelAnimationFrame(frame);
  }, [recent, isFirstPaintDone]);

  useEffect(() => {
    if (book.status !== 'ready') return;
    let isCancelled = false;
    const date = now();
    void buildCaseListModelInSlices(book.value, todayIso(date), localDateTimeNow(date), {
      isCancelled: () => isCancelled,
    }).then((model) => {
      if (model && !isCancelled) setFullModel(model);
    });
    return () => {
      isCancelled = true;
    };
  }, [book, now]);

  const recentModel = useMemo(() => {
    if (!recent) return null;
    const date = now();
    // Appointments come with the whole book; each row keeps a line free for them meanwhile.
    return buildCaseListModel(
      { ...recent, appointments: [] },
      todayIso(date),
      localDateTimeNow(date),
    );
  }, [recent, now]);

  const model = fullModel ?? recentModel;
  const rows = useMemo(() => (model ? filterRows(model, filters) : []), [model, filters]);
  const isComplete = fullModel !== null;

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
