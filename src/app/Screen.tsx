// Route → screen. Keys make every record's editor a fresh component. Every screen but the
// case list is loaded lazily (lazy-screens.ts).
import type { UiLanguage } from '../i18n/languages';
import type { Route } from '../ui/routes';
import { CaseListScreen } from '../ui/screens/case-list/CaseListScreen';
import { NotFoundScreen } from '../ui/screens/NotFoundScreen';
import {
  DraftFillScreen,
  DraftNewScreen,
  FormLibraryScreen,
} from '../ui/screens/forms/lazy-form-screens';
import { OverlayScreen } from '../ui/screens/overlay/lazy-overlay-screen';
import { PackScreen } from '../ui/screens/packs/lazy-pack-screen';
import { TeamScreen } from '../ui/screens/team/lazy-team-screen';
import {
  AgendaScreen,
  AppointmentEditScreen,
  CaseDetailScreen,
  CaseEditScreen,
  NoteEditScreen,
  PersonEditScreen,
  SettingsScreen,
} from './lazy-screens';

type ScreenProps = {
  route: Route;
  volunteerName: string;
  onVolunteerNameChange: (name: string) => void;
  onLanguageChange: (language: UiLanguage) => void;
};

// An editor for a new record stays mounted when its first save replaces "new" in the URL.
const editorKey = (kind: string, parent: string) => `${kind}:${parent}`;

export function Screen({
  route,
  volunteerName,
  onVolunteerNameChange,
  onLanguageChange,
}: ScreenProps) {
  switch (route.name) {
    case 'cases':
      return <CaseListScreen />;
    case 'case':
      return <CaseDetailScreen key={route.id} id={route.id} />;
    case 'case-edit':
      return <CaseEditScreen key={editorKey('case', '')} id={route.id} />;
    case 'person-edit':
      return (
        <PersonEditScreen
          key={editorKey('person', route.caseId)}
          caseId={route.caseId}
          id={route.id}
        />
      );
    case 'appointment-edit':
      return (
        <AppointmentEditScreen
          key={editorKey('appointment', route.caseId)}
          caseId={route.caseId}
          id={route.id}
        />
      );
    case 'note-edit':
      return (
        <NoteEditScreen
          key={editorKey('note', route.caseId)}
          caseId={route.caseId}
          id={route.id}
          author={volunteerName}
        />
      );
    case 'draft':
      return route.id ? (
        <DraftFillScreen key={route.id} caseId={route.caseId} id={route.id} />
      ) : (
        <DraftNewScreen key={route.caseId} caseId={route.caseId} volunteerName={volunteerName} />
      );
    case 'forms':
      return <FormLibraryScreen />;
    case 'pack':
      return <PackScreen key={route.formId} formId={route.formId} />;
    case 'overlay':
      return <OverlayScreen key={route.formId} formId={route.formId} />;
    case 'agenda':
      return <AgendaScreen />;
    case 'settings':
      return (
        <SettingsScreen
          onLanguageChange={onLanguageChange}
          volunteerName={volunteerName}
          onVolunteerNameChange={onVolunteerNameChange}
        />
      );
    case 'team':
      return <TeamScreen key="team" />;
    case 'join':
      return <TeamScreen key="join" joinLink={route.link} />;
    case 'not-found':
      return <NotFoundScreen />;
  }
}
