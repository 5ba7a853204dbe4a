// The pack screen in its own chunk (like the other screens, app/lazy-screens.ts).
import { lazy } from '../../components/lazy';

export const PackScreen = lazy(() => import('./PackScreen').then((m) => m.PackScreen));
