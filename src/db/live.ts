// Live queries without leaking Dexie into ui/: the callback runs again whenever a table
// it read from changes (in this tab or another).
import { liveQuery } from 'dexie';

export function watchQuery<T>(
  query: () => Promise<T>,
  onValue: (value: T) => void,
  onError: (error: unknown) => void,
): () => void {
  const subscription = liveQuery(query).subscribe({ next: onValue, error: onError });
  return () => subscription.unsubscribe();
}
