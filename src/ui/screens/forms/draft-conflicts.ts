// What a sync conflict on a draft is about, for its label on the fill screen: a form field
// (the draft keeps its values, the values taken from the case and their sources by the PDF
// field's key, which may hold dots) or one of the draft's own settings.
import type { SyncRecord } from '../../../sync/local-store';
import { conflictSegments } from '../../components/conflict-resolution';

const BY_FIELD = ['values', 'fromCase', 'sources'] as const;
const SETTINGS = ['status', 'submittedOn', 'office', 'subjectPersonId'] as const;

export type DraftConflictTarget =
  | { field: string; part: (typeof BY_FIELD)[number] }
  | { setting: (typeof SETTINGS)[number] }
  | { other: string };

export function draftConflictTarget(draft: SyncRecord, path: string): DraftConflictTarget {
  const [top = path, key] = conflictSegments(draft, path);
  const part = BY_FIELD.find((name) => name === top);
  if (part && key !== undefined) return { field: key, part };
  const setting = SETTINGS.find((name) => name === top);
  if (setting) return { setting };
  return { other: path };
}
