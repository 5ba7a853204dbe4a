// Live data from IndexedDB: re-runs the query whenever the tables it read change.
import { useEffect, useState } from 'preact/hooks';
import { watchQuery } from '../../db/live';

export type Watched<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: unknown };

/** Pass `null` as the query to wait (it stays 'loading' until a query is given). */
export function useWatch<T>(query: (() => Promise<T>) | null, deps: unknown[]): Watched<T> {
  const [state, setState] = useState<Watched<T>>({ status: 'loading' });
  useEffect(
    () =>
      query
        ? watchQuery(
            query,
            (value) => setState({ status: 'ready', value }),
            (error) => setState({ status: 'error', error }),
          )
        : undefined,
    deps,
  );
  return state;
}
