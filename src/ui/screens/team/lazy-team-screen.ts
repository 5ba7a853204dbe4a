// The team screen in its own chunk, with the crypto and sync code it needs.
import { lazy } from '../../components/lazy';

export const TeamScreen = lazy(() => import('./TeamScreen').then((m) => m.TeamScreen));
