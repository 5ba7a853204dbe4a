// An appointment at an authority, school or doctor: when, where, what to bring, outcome.
import { useMemo } from 'preact/hooks';
import { addDays, todayIso } from '../../../domain/dates';
import { emptyAppointment } from '../../../domain/defaults';
import {
  APPOINTMENT_STATUSES,
  AUTHORITIES,
  type AppointmentStatus,
  type Authority,
} from '../../../domain/types';
import { validateAppointment } from '../../../domain/validation';
import { EditorActions } from '../../components/EditorActions';
import { CheckboxField, SelectField, TextArea, TextField } from '../../components/Field';
import { codeOptions } from '../../components/options';
import { SaveStatus } from '../../components/SaveStatus';
import { ScreenHeader } from '../../components/ScreenHeader';
import { errorMessage } from '../../error-message';
import { useAutosavedRecord } from '../../hooks/use-autosaved-record';
import { useServices } from '../../hooks/use-services';
import { useT } from '../../hooks/use-t';
import { href, navigate } from '../../routes';
import { EditorGate } from '../EditorGate';
import { Checklist } from './Checklist';

export function AppointmentEditScreen({ caseId, id }: { caseId: string; id: string | null }) {
  const { t } = useT();
  const { repositories, now } = useServices();
  const editor = useAutosavedRecord({
    repository: repositories.appointments,
    id,
    makeEmpty: () => emptyAppointment(caseId, `${addDays(todayIso(now()), 1)}T09:00`),
    onCreated: (record) => navigate(href.appointment(caseId, record.id), { replace: true }),
  });
  const a = editor.value;
  const errors = useMemo(
    () => validateAppointment({ ...a, id: '', createdAt: '', updatedAt: '', deleted: false }),
    [a],
  );
  const set = editor.update;
  const back = href.case(caseId);

  return (
    <EditorGate editor={editor} backHref={back}>
      <ScreenHeader
        title={id ? t('appointment.titleEdit') : t('appointment.titleNew')}
        backHref={back}
      />
      <form class="form" onSubmit={(e) => e.preventDefault()}>
        <TextField
          label={t('appointment.startsAt')}
          type="datetime-local"
          value={a.startsAt}
          error={errors.startsAt ? errorMessage(t, errors.startsAt) : undefined}
          onInput={(startsAt) => set({ startsAt })}
          name="startsAt"
        />
        <SelectField
          label={t('appointment.authority')}
          value={a.authority}
          emptyLabel={t('common.notSet')}
          options={codeOptions(AUTHORITIES, (code) => t(`options.authority.${code as Authority}`))}
          onChange={(v) => set({ authority: v as Authority | '' })}
          name="authority"
        />
        <TextField
          label={t('appointment.place')}
          value={a.place}
          onInput={(place) => set({ place })}
          name="place"
        />
        <TextField
          label={t('appointment.purpose')}
          value={a.purpose}
          onInput={(purpose) => set({ purpose })}
          name="purpose"
        />
        <Checklist items={a.bring} onChange={(bring) => set({ bring })} />
        <CheckboxField
          label={t('appointment.interpreterNeeded')}
          checked={a.interpreterNeeded}
          onChange={(interpreterNeeded) => set({ interpreterNeeded })}
          name="interpreterNeeded"
        />
        <TextField
          label={t('appointment.accompaniedBy')}
          value={a.accompaniedBy}
          onInput={(accompaniedBy) => set({ accompaniedBy })}
          name="accompaniedBy"
        />
        <SelectField
          label={t('appointment.status')}
          value={a.status}
          options={codeOptions(APPOINTMENT_STATUSES, (code) =>
            t(`options.appointmentStatus.${code as AppointmentStatus}`),
          )}
          onChange={(v) => set({ status: v as AppointmentStatus })}
          name="status"
        />
        <TextArea
          label={t('appointment.outcome')}
          value={a.outcome}
          onInput={(outcome) => set({ outcome })}
          name="outcome"
        />
      </form>
      <SaveStatus state={editor.saveState} />
      <EditorActions
        backHref={back}
        deleteLabel={t('appointment.delete')}
        deleteQuestion={t('appointment.deleteConfirm')}
        recordId={editor.id}
        onDelete={(id) => repositories.appointments.remove(id)}
      />
    </EditorGate>
  );
}
