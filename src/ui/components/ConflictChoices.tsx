// "Needs review": sync conflicts of one or more records (sync/merge.ts) with their choices.
// For identity fields (names, date of birth, residence, document numbers) the volunteer must
// choose one of both values; for other fields the shown value stands until someone takes the
// other one or dismisses it; an edit made against a record another device deleted is kept and
// can be deleted after all. The screen decides what a choice writes (`onChoose`); a choice
// that cannot be saved (a full disk) is explained at the conflict.
import { useState } from 'preact/hooks';
import type { StorageErrorCode } from '../../db/storage-error';
import type { Result } from '../../shared/result';
import type { RecordConflict } from '../../sync/merge';
import { errorMessage } from '../error-message';
import { useT } from '../hooks/use-t';
import { conflictValueText, type ConflictChoice } from './conflict-resolution';
import { Section } from './Section';

export type ConflictEntry = {
  /** Unique in the list: record id and conflict id. */
  key: string;
  conflict: RecordConflict;
  /** The record ("Familie Haidari", "Mohammed, Ali"); empty when the section names it. */
  name: string;
  /** The field in words, for review and must-choose conflicts. */
  label: string;
  /** Edit after delete: why it is still there, and what deleting it after all says. */
  deletedText?: string;
  deleteLabel?: string;
};

export type ChooseResult = Result<unknown, StorageErrorCode>;

type Props = {
  entries: readonly ConflictEntry[];
  onChoose: (entry: ConflictEntry, choice: ConflictChoice) => Promise<ChooseResult>;
  /** A value in words (default: conflictValueText). */
  valueText?: (value: unknown, entry: ConflictEntry) => string;
  /** Without a title the list goes into the caller's own section. */
  title?: string;
  testId?: string;
};

const LONGEST = 160;

/** A button holds a value in words, not a whole document. */
const shortened = (value: string): string =>
  [...value].length > LONGEST ? `${[...value].slice(0, LONGEST - 1).join('')}…` : value;

export function ConflictChoices({ entries, onChoose, valueText, title, testId }: Props) {
  const { t } = useT();
  const [failure, setFailure] = useState<{ key: string; code: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  if (entries.length === 0) return null;
  const text = (value: unknown, entry: ConflictEntry) =>
    shortened(valueText ? valueText(value, entry) : conflictValueText(value));

  const choose = (entry: ConflictEntry, choice: ConflictChoice) => {
    setFailure(null);
    setBusy(entry.key);
    void onChoose(entry, choice).then((result) => {
      setBusy(null);
      if (!result.ok) setFailure({ key: entry.key, code: result.code });
    });
  };

  const list = (
    <ul class="conflict-list" data-testid={testId ?? 'needs-review'}>
      {entries.map((entry) => {
        const { conflict } = entry;
        const isBusy = busy === entry.key;
        return (
          <li key={entry.key} class="conflict" data-path={conflict.path}>
            <p dir="auto">
              {entry.name && <strong>{entry.name}</strong>}
              {entry.name && conflict.kind !== 'edit-after-delete' && ' · '}
              {conflict.kind !== 'edit-after-delete' && entry.label}
            </p>
            {conflict.kind === 'edit-after-delete' ? (
              <>
                <p>{entry.deletedText ?? t('sync.conflicts.editAfterDelete')}</p>
                <div class="conflict__choices">
                  <button
                    type="button"
                    class="button"
                    disabled={isBusy}
                    onClick={() => choose(entry, 'shown')}
                  >
                    {t('sync.conflicts.keepRecord')}
                  </button>
                  <button
                    type="button"
                    class="button button--danger"
                    disabled={isBusy}
                    onClick={() => choose(entry, 'kept')}
                  >
                    {entry.deleteLabel ?? t('sync.conflicts.deleteRecord')}
                  </button>
                </div>
              </>
            ) : (
              <>
                <p>
                  {conflict.kind === 'must-choose'
                    ? t('sync.conflicts.mustChoose')
                    : t('sync.conflicts.review')}
                </p>
                <div class="conflict__choices">
                  {(['shown', 'kept'] as const).map((choice) => (
                    <button
                      key={choice}
                      type="button"
                      class="button"
                      dir="auto"
                      disabled={isBusy}
                      onClick={() => choose(entry, choice)}
                    >
                      {t(choice === 'shown' ? 'sync.conflicts.keep' : 'sync.conflicts.take', {
                        value: text(conflict[choice], entry),
                      })}
                    </button>
                  ))}
                </div>
              </>
            )}
            {failure?.key === entry.key && (
              <p class="notice notice--error" role="alert">
                {t('sync.conflicts.saveFailed')} {errorMessage(t, failure.code)}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
  return title ? <Section title={title}>{list}</Section> : list;
}
