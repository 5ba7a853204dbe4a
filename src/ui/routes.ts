// Hash routes: they work from the service worker's cache without any server routing.

export type Route =
  | { name: 'cases' }
  | { name: 'case'; id: string }
  | { name: 'case-edit'; id: string | null }
  | { name: 'person-edit'; caseId: string; id: string | null }
  | { name: 'appointment-edit'; caseId: string; id: string | null }
  | { name: 'note-edit'; caseId: string; id: string | null }
  | { name: 'draft'; caseId: string; id: string | null }
  | { name: 'forms' }
  /** The pack screen of one form of the library: make or edit its pack. */
  | { name: 'pack'; formId: string }
  /** Overlay mode of a flat form of the library: place text boxes on its pages. */
  | { name: 'overlay'; formId: string }
  | { name: 'agenda' }
  | { name: 'settings' }
  | { name: 'team' }
  /** An invite link opened in the app: `#invite=<inviteId>.<secret>` (the whole hash). */
  | { name: 'join'; link: string }
  | { name: 'not-found' };

const orNew = (segment: string): string | null => (segment === 'new' ? null : segment);
const CHILD_ROUTES = {
  persons: 'person-edit',
  appointments: 'appointment-edit',
  notes: 'note-edit',
  drafts: 'draft',
} as const;

export function parseRoute(hash: string): Route {
  if (hash.startsWith('#invite=')) return { name: 'join', link: hash };
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [first, id, child, childId] = parts;
  if (!first) return { name: 'cases' };
  if (first === 'agenda' && parts.length === 1) return { name: 'agenda' };
  if (first === 'settings' && parts.length === 1) return { name: 'settings' };
  if (first === 'team' && parts.length === 1) return { name: 'team' };
  if (first === 'forms' && parts.length === 1) return { name: 'forms' };
  if (first === 'forms' && id && child === 'pack' && parts.length === 3)
    return { name: 'pack', formId: id };
  if (first === 'forms' && id && child === 'overlay' && parts.length === 3)
    return { name: 'overlay', formId: id };
  if (first !== 'cases' || !id)
    return parts.length === 0 ? { name: 'cases' } : { name: 'not-found' };
  if (parts.length === 2)
    return id === 'new' ? { name: 'case-edit', id: null } : { name: 'case', id };
  if (parts.length === 3 && child === 'edit') return { name: 'case-edit', id };
  if (parts.length === 4 && child && childId && child in CHILD_ROUTES) {
    const name = CHILD_ROUTES[child as keyof typeof CHILD_ROUTES];
    return { name, caseId: id, id: orNew(childId) };
  }
  return { name: 'not-found' };
}

const enc = encodeURIComponent;

export const href = {
  cases: () => '#/',
  case: (id: string) => `#/cases/${enc(id)}`,
  caseEdit: (id: string | null) => (id ? `#/cases/${enc(id)}/edit` : '#/cases/new'),
  person: (caseId: string, id: string | null) =>
    `#/cases/${enc(caseId)}/persons/${enc(id ?? 'new')}`,
  appointment: (caseId: string, id: string | null) =>
    `#/cases/${enc(caseId)}/appointments/${enc(id ?? 'new')}`,
  note: (caseId: string, id: string | null) => `#/cases/${enc(caseId)}/notes/${enc(id ?? 'new')}`,
  /** A case's draft; `null` opens "fill a form" (choose form and person). */
  draft: (caseId: string, id: string | null) => `#/cases/${enc(caseId)}/drafts/${enc(id ?? 'new')}`,
  forms: () => '#/forms',
  pack: (formId: string) => `#/forms/${enc(formId)}/pack`,
  overlay: (formId: string) => `#/forms/${enc(formId)}/overlay`,
  agenda: () => '#/agenda',
  settings: () => '#/settings',
  team: () => '#/team',
};

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) {
    history.replaceState(history.state, '', to);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = to;
  }
}
