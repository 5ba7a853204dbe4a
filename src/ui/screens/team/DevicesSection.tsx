// The team's devices; an admin removes a lost phone here (it wipes its team data on its next
// contact with the server). Removing a device owes the team a new key epoch (key-refresh.ts):
// made at once when the keys are unlocked, else — or when it fails — as soon as they are.
import { useEffect, useState } from 'preact/hooks';
import type { TeamMembership } from '../../../db/team-repository';
import { formatDate } from '../../../i18n/format';
import type { DeviceInfo } from '../../../shared/sync-protocol';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Section } from '../../components/Section';
import { useServices } from '../../hooks/use-services';
import { useT } from '../../hooks/use-t';
import { markRotationPending } from './key-refresh';
import { PassphraseForm } from './PassphraseForm';
import { restartSyncRuntime } from './sync-runtime';
import { createTeamApi } from './team-api';
import { finishOwedRotation, isUnlocked, serverUrl, unlock } from './team-service';

export function DevicesSection({ membership }: { membership: TeamMembership }) {
  const { t, language } = useT();
  const { db } = useServices();
  const [devices, setDevices] = useState<DeviceInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [canRevoke, setCanRevoke] = useState(isUnlocked());
  const [isRotationOwed, setRotationOwed] = useState(membership.pendingKeyRotation === true);
  const isAdmin = membership.role === 'admin';
  const api = createTeamApi(membership.serverUrl || serverUrl());

  const load = async () => {
    const listed = await api.devices(membership.deviceToken);
    if (listed.ok) setDevices(listed.value.devices);
    else setError(listed.code);
  };

  /** The owed key rotation, if the keys are unlocked. */
  const finishRotation = async () => {
    const done = await finishOwedRotation(db, membership);
    setRotationOwed(membership.pendingKeyRotation === true);
    if (!done.ok) {
      if (done.code === 'rotation-failed') setError(done.code);
      return;
    }
    if (done.value) {
      setError(null);
      await restartSyncRuntime(db);
    }
  };

  useEffect(() => {
    void load();
    // Owed from an earlier attempt, and the keys are unlocked in this session: try again.
    if (membership.pendingKeyRotation && isUnlocked()) void finishRotation();
  }, [membership.deviceId]);

  const revoke = async (deviceId: string) => {
    setError(null);
    const done = await api.revoke(membership.deviceToken, deviceId);
    if (!done.ok) setError(done.code);
    await load();
    if (!done.ok) return;
    // A new key epoch for the devices that stay: the removed one never gets its key.
    const marked = await markRotationPending(db, membership);
    if (!marked.ok) setError('storage-failed');
    setRotationOwed(true);
    await finishRotation();
  };

  return (
    <Section title={t('sync.team.devicesTitle')}>
      {error && (
        <p class="notice notice--warning" role="alert">
          {t(`sync.errors.${error}` as 'sync.errors.locked')}
        </p>
      )}
      {isAdmin && isRotationOwed && (
        <p class="notice notice--warning" data-testid="rotation-owed">
          {t('sync.team.rotationOwed')}
        </p>
      )}
      {isAdmin && !canRevoke && (
        <PassphraseForm
          testId="unlock-devices-form"
          confirm={false}
          hint={t('sync.team.unlockDevicesHint')}
          submitLabel={t('sync.team.unlock')}
          onSubmit={async (passphrase) => {
            const opened = await unlock(membership, passphrase);
            if (!opened.ok) return opened.code;
            setCanRevoke(true);
            await finishRotation();
            return null;
          }}
        />
      )}
      <ul class="device-list" data-testid="device-list">
        {(devices ?? []).map((device) => (
          <li key={device.deviceId} data-testid="device">
            <span>
              {device.role === 'admin' ? t('sync.team.roleAdmin') : t('sync.team.roleMember')}
              {device.deviceId === membership.deviceId && ` (${t('sync.team.thisDevice')})`}
              {' · '}
              {device.revokedAt
                ? t('sync.team.revokedOn', { date: formatDate(device.revokedAt, language) })
                : t('sync.team.joinedOn', { date: formatDate(device.createdAt, language) })}
            </span>
            {isAdmin &&
              canRevoke &&
              device.deviceId !== membership.deviceId &&
              !device.revokedAt && (
                <ConfirmButton
                  label={t('sync.team.revoke')}
                  question={t('sync.team.revokeConfirm')}
                  onConfirm={() => void revoke(device.deviceId)}
                />
              )}
          </li>
        ))}
      </ul>
    </Section>
  );
}
