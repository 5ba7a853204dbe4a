// The overlay placement screen in its own chunk (like the other screens, app/lazy-screens.ts).
import { lazy } from '../../components/lazy';

export const OverlayScreen = lazy(() => import('./OverlayScreen').then((m) => m.OverlayScreen));
