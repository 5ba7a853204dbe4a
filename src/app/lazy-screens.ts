// Every screen except the case list (the start screen) is loaded on first use, in its own
// chunk, so the first screen parses only its own code. The service worker precaches every
// chunk, so opening a screen later does not wait for the network (nor work to be preloaded
// while the first screen is still starting).
import { lazy } from '../ui/components/lazy';

export const AgendaScreen = lazy(() =>
  import('../ui/screens/agenda/AgendaScreen').then((m) => m.AgendaScreen),
);
export const AppointmentEditScreen = lazy(() =>
  import('../ui/screens/appointment-edit/AppointmentEditScreen').then(
    (m) => m.AppointmentEditScreen,
  ),
);
export const CaseDetailScreen = lazy(() =>
  import('../ui/screens/case-detail/CaseDetailScreen').then((m) => m.CaseDetailScreen),
);
export const CaseEditScreen = lazy(() =>
  import('../ui/screens/case-edit/CaseEditScreen').then((m) => m.CaseEditScreen),
);
export const NoteEditScreen = lazy(() =>
  import('../ui/screens/note-edit/NoteEditScreen').then((m) => m.NoteEditScreen),
);
export const PersonEditScreen = lazy(() =>
  import('../ui/screens/person-edit/PersonEditScreen').then((m) => m.PersonEditScreen),
);
export const SettingsScreen = lazy(() =>
  import('../ui/screens/settings/SettingsScreen').then((m) => m.SettingsScreen),
);
