// What the form feature stores (schema v2): the form library (imported PDFs), drafts
// (one form for one case) and outputs (filled PDFs kept with the case). Records carry the
// same bookkeeping fields as the case book (id, timestamps, tombstone) so they sync alike.
import type { SourceRef } from '../domain/form-packs/evaluate';
import type { IsoDate, RecordBase, Timestamp } from '../domain/types';
import type { PdfFieldValues, PdfInspection } from '../pdf/types';

export type FormRecordKind = 'form' | 'draft' | 'output';

/** An imported PDF form. Its bytes live in `formFiles` so listing the library stays light. */
export type LibraryForm = RecordBase & {
  fileName: string;
  importedAt: Timestamp;
  size: number;
  /** The user password the file was opened with ('' when none was needed). */
  password: string;
  inspection: PdfInspection;
};

export type FormFile = { id: string; bytes: Uint8Array };

export const DRAFT_STATUSES = ['draft', 'ready', 'submitted'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

/** One form for one case: every value, who it is for, and how far it got. */
export type FormDraft = RecordBase & {
  caseId: string;
  formId: string;
  packId: string | null;
  subjectPersonId: string | null;
  /** Field key → the value to fill (what the volunteer sees and edits). */
  values: PdfFieldValues;
  /** Field key → the value the pack derived from the case when the draft was made. */
  fromCase: PdfFieldValues;
  /** Field key → the case field the pack read it from unchanged (where a change can go back). */
  sources: Record<string, SourceRef>;
  status: DraftStatus;
  submittedOn: IsoDate | '';
  office: string;
};

/** A filled PDF, kept with the case. */
export type FormOutput = RecordBase & {
  caseId: string;
  draftId: string;
  formId: string;
  fileName: string;
  flattened: boolean;
  bytes: Uint8Array;
};

export type FormRecordOf<K extends FormRecordKind> = K extends 'form'
  ? LibraryForm
  : K extends 'draft'
    ? FormDraft
    : FormOutput;
