// Live data from IndexedDB: re-runs the query whenever the tables it read change.
import { useEffect, useState } from 'preact/hooks';
import { watchQuery } from '../../db/live';

export type Watched<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: unknown };

export function useWatch<T>(query: () => Promise<T>, deps: unknown[]): Watched<T> {
  const [state, setState] = useState<Watched<T>>({ status: 'loading' });
  useEffect(
    () =>
      watchQuery(
        query,
        (value) => setState({ status: 'ready', value }),
        (error) => setState({ status: 'error', error }),
      ),
    deps,
  );
  return state;
}
