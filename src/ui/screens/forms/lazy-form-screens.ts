// The form screens, each loaded on first use in its own chunk (like app/lazy-screens.ts).
import { lazy } from '../../components/lazy';

export const FormLibraryScreen = lazy(() =>
  import('./FormLibraryScreen').then((m) => m.FormLibraryScreen),
);
export const DraftNewScreen = lazy(() => import('./DraftNewScreen').then((m) => m.DraftNewScreen));
export const DraftFillScreen = lazy(() =>
  import('./DraftFillScreen').then((m) => m.DraftFillScreen),
);
