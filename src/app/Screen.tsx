// Route → screen. Keys make every record's editor a fresh component.
import type { UiLanguage } from '../i18n/languages';
import type { Route } from '../ui/routes';
import { AgendaScreen } from '../ui/screens/agenda/AgendaScreen';
import { AppointmentEditScreen } from '../ui/screens/appointment-edit/AppointmentEditScreen';
import { CaseDetailScreen } from '../ui/screens/case-detail/CaseDetailScreen';
import { CaseEditScreen } from '../ui/screens/case-edit/CaseEditScreen';
import { CaseListScreen } from '../ui/screens/case-list/CaseListScreen';
import { NoteEditScreen } from '../ui/screens/note-edit/NoteEditScreen';
import { NotFoundScreen } from '../ui/screens/NotFoundScreen';
import { PersonEditScreen } from '../ui/screens/person-edit/PersonEditScreen';
import { SettingsScreen } from '../ui/screens/settings/SettingsScreen';

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
    case 'not-found':
      return <NotFoundScreen />;
  }
}
