// Team and sync: create a team, join one from an invite link, see the sync state, invite
// others (admin) and manage devices. A lazy screen; the crypto it needs loads with it.
import { useEffect, useState } from 'preact/hooks';
import { createTeamRepository, type TeamMembership } from '../../../db/team-repository';
import { checkForWipe } from '../../../db/sync-marker';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Section } from '../../components/Section';
import { attentionTexts, syncStatusText } from '../../components/sync-status-text';
import { useServices } from '../../hooks/use-services';
import { useSyncView } from '../../hooks/use-sync';
import { useT } from '../../hooks/use-t';
import { href, navigate } from '../../routes';
import { ConflictedRecords } from './ConflictedRecords';
import { DevicesSection } from './DevicesSection';
import { InviteSection } from './InviteSection';
import { PassphraseForm } from './PassphraseForm';
import { restartSyncRuntime, startSyncRuntime, syncNow } from './sync-runtime';
import { createTeam, joinTeam, restoreMembership } from './team-service';

export function TeamScreen({ joinLink }: { joinLink?: string }) {
  const { t, language } = useT();
  const { db } = useServices();
  const view = useSyncView();
  const [membership, setMembership] = useState<TeamMembership | null | undefined>(undefined);

  const reload = async () => {
    const found = await createTeamRepository(db).get();
    setMembership(found.ok ? found.value : null);
  };
  useEffect(() => {
    void startSyncRuntime(db).then(reload);
  }, [view.membership]);

  const joined = async (result: { ok: true } | { ok: false; code: string }) => {
    if (!result.ok) return result.code;
    await restartSyncRuntime(db);
    await reload();
    if (joinLink) navigate(href.team(), { replace: true }); // the secret leaves the address bar
    return null;
  };

  if (membership === undefined) return <ScreenHeader title={t('sync.team.title')} />;

  const status = view.status && syncStatusText(t, view.status, language);
  const reasons = attentionTexts(
    t,
    view.status?.state === 'needs-attention' ? view.status.reasons : [],
    view.storageFailure,
  );

  return (
    <>
      <ScreenHeader title={t('sync.team.title')} backHref={href.settings()} />
      {view.revoked && (
        <p class="notice notice--warning" role="alert" data-testid="revoked-notice">
          {t('sync.team.revokedNotice')}
        </p>
      )}
      {membership ? (
        <>
          <Section title={t('sync.team.status')}>
            <p data-testid="team-member">{t('sync.team.member')}</p>
            <dl class="facts">
              <dt>{t('sync.team.role')}</dt>
              <dd data-testid="team-role">
                {membership.role === 'admin' ? t('sync.team.roleAdmin') : t('sync.team.roleMember')}
              </dd>
              <dt>{t('sync.indicator.label')}</dt>
              <dd data-testid="team-sync-state">{status?.text ?? '…'}</dd>
            </dl>
            {reasons.map((reason) => (
              <p key={reason} class="notice notice--warning">
                {reason}
              </p>
            ))}
            <ConflictedRecords status={view.status} />
            <button type="button" class="button" onClick={syncNow}>
              {t('sync.team.syncNow')}
            </button>
          </Section>
          {membership.role === 'admin' && <InviteSection membership={membership} />}
          <DevicesSection membership={membership} />
        </>
      ) : view.wiped ? (
        <Section title={t('sync.team.restore')}>
          <p class="notice notice--warning" role="alert" data-testid="wiped-notice">
            {t('sync.team.wipedNotice', { count: view.wiped.lostChanges })}
          </p>
          <PassphraseForm
            testId="restore-form"
            confirm={false}
            hint={t('sync.team.restoreHint')}
            submitLabel={t('sync.team.restore')}
            onSubmit={async (passphrase) => {
              const wiped = checkForWipe(localStorage, null);
              if (wiped.state !== 'wiped') return 'storage-failed';
              const { marker, lockedKeyMaterial } = wiped;
              return joined(await restoreMembership(db, marker, lockedKeyMaterial, passphrase));
            }}
          />
        </Section>
      ) : joinLink ? (
        <Section title={t('sync.team.joinTitle')}>
          <p>{t('sync.team.joinIntro')}</p>
          <PassphraseForm
            testId="join-form"
            confirm
            hint={t('sync.team.passphraseHint')}
            submitLabel={t('sync.team.join')}
            onSubmit={async (passphrase) => joined(await joinTeam(db, joinLink, passphrase))}
          />
        </Section>
      ) : (
        <>
          <p class="hint">{t('sync.team.intro')}</p>
          <Section title={t('sync.team.createTitle')}>
            <p class="hint">{t('sync.team.createHint')}</p>
            <PassphraseForm
              testId="create-team-form"
              confirm
              hint={t('sync.team.passphraseHint')}
              submitLabel={t('sync.team.create')}
              onSubmit={async (passphrase) => joined(await createTeam(db, passphrase))}
            />
          </Section>
          <Section title={t('sync.team.joinTitle')}>
            <p class="hint">{t('sync.team.joinHint')}</p>
          </Section>
        </>
      )}
    </>
  );
}
