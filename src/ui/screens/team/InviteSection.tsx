// Admin: make a single-use invite link. The passphrase is asked when the key material is
// not unlocked in this session (after a reload).
import { useState } from 'preact/hooks';
import type { TeamMembership } from '../../../db/team-repository';
import { Section } from '../../components/Section';
import { useT } from '../../hooks/use-t';
import { PassphraseForm } from './PassphraseForm';
import { useServices } from '../../hooks/use-services';
import { restartSyncRuntime } from './sync-runtime';
import { createInviteLink, finishOwedRotation, isUnlocked, unlock } from './team-service';

export function InviteSection({ membership }: { membership: TeamMembership }) {
  const { t } = useT();
  const { db } = useServices();
  const [link, setLink] = useState<string | null>(null);
  const [isCopied, setCopied] = useState(false);
  const [unlocked, setUnlocked] = useState(isUnlocked());
  const [error, setError] = useState<string | null>(null);

  const make = async () => {
    setError(null);
    const made = await createInviteLink(membership);
    if (made.ok) {
      setLink(made.value);
      setCopied(false);
    } else if (made.code === 'locked') setUnlocked(false);
    else setError(made.code);
  };

  return (
    <Section title={t('sync.team.inviteTitle')}>
      <p class="hint">{t('sync.team.inviteHint')}</p>
      {unlocked ? (
        <button
          type="button"
          class="button button--primary"
          data-testid="create-invite"
          onClick={() => void make()}
        >
          {t('sync.team.createInvite')}
        </button>
      ) : (
        <PassphraseForm
          testId="unlock-form"
          confirm={false}
          hint={t('sync.team.unlockHint')}
          submitLabel={t('sync.team.createInvite')}
          onSubmit={async (passphrase) => {
            const opened = await unlock(membership, passphrase);
            if (!opened.ok) return opened.code;
            setUnlocked(true);
            // A key rotation owed since a device was removed is made now the keys are open.
            const rotated = await finishOwedRotation(db, membership);
            if (rotated.ok && rotated.value) await restartSyncRuntime(db);
            await make();
            return null;
          }}
        />
      )}
      {error && (
        <p class="notice notice--warning" role="alert">
          {t(`sync.errors.${error}` as 'sync.errors.locked')}
        </p>
      )}
      {link && (
        <div class="field">
          <label for="invite-link">{t('sync.team.inviteLink')}</label>
          <input id="invite-link" data-testid="invite-link" readOnly value={link} />
          <button
            type="button"
            class="button"
            onClick={() => void navigator.clipboard?.writeText(link).then(() => setCopied(true))}
          >
            {isCopied ? t('sync.team.copied') : t('sync.team.copy')}
          </button>
        </div>
      )}
    </Section>
  );
}
