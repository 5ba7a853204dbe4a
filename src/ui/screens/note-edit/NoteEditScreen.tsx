// A visit note: date, author, text. Autosaved.
import { todayIso } from '../../../domain/dates';
import { emptyNote } from '../../../domain/defaults';
import { EditorActions } from '../../components/EditorActions';
import { TextArea, TextField } from '../../components/Field';
import { SaveStatus } from '../../components/SaveStatus';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useAutosavedRecord } from '../../hooks/use-autosaved-record';
import { useServices } from '../../hooks/use-services';
import { useT } from '../../hooks/use-t';
import { href, navigate } from '../../routes';
import { EditorGate } from '../EditorGate';

export function NoteEditScreen({
  caseId,
  id,
  author,
}: {
  caseId: string;
  id: string | null;
  author: string;
}) {
  const { t } = useT();
  const { repositories, now } = useServices();
  const editor = useAutosavedRecord({
    repository: repositories.notes,
    id,
    makeEmpty: () => emptyNote(caseId, todayIso(now()), author),
    onCreated: (record) => navigate(href.note(caseId, record.id), { replace: true }),
  });
  const n = editor.value;
  const back = href.case(caseId);
  return (
    <EditorGate editor={editor} backHref={back}>
      <ScreenHeader title={id ? t('note.titleEdit') : t('note.titleNew')} backHref={back} />
      <form class="form" onSubmit={(e) => e.preventDefault()}>
        <TextField
          label={t('note.date')}
          type="date"
          value={n.date}
          onInput={(date) => editor.update({ date })}
          name="date"
        />
        <TextField
          label={t('note.author')}
          value={n.author}
          onInput={(value) => editor.update({ author: value })}
          name="author"
        />
        <TextArea
          label={t('note.text')}
          rows={10}
          value={n.text}
          onInput={(text) => editor.update({ text })}
          name="text"
        />
      </form>
      <SaveStatus state={editor.saveState} />
      <EditorActions
        backHref={back}
        deleteLabel={t('note.delete')}
        deleteQuestion={t('note.deleteConfirm')}
        recordId={editor.id}
        onDelete={(id) => repositories.notes.remove(id)}
      />
    </EditorGate>
  );
}
