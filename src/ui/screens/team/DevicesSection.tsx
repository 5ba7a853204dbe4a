// The team's devices; an admin removes a lost phone here (it wipes its team data on its next
// contact with the server).
import { useEffect, useState } from 'preact/hooks';
import type { TeamMembership } from '../../../db/team-repository';
import { formatDate } from '../../../i18n/format';
import type { DeviceInfo } from '../../../shared/sync-protocol';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Section } from '../../components/Section';
import { useT } from '../../hooks/use-t';
import { createTeamApi } from './team-api';
import { createHttpTransport } from '../../../sync/http-transport';
import { useServices } from '../../hooks/use-services';
import { rotateAfterRevoke } from './key-refresh';
import { restartSyncRuntime } from './sync-runtime';
import { PassphraseForm } from './PassphraseForm';
import { isUnlocked, serverUrl, setUnlockedKeyring, unlock, unlockedKeyring } from './team-service';

export function DevicesSection({ membership }: { membership: TeamMembership }) {
  const { t, language } = useT();
  const { db } = useServices();
  const [devices, setDevices] = useState<DeviceInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [canRevoke, setCanRevoke] = useState(isUnlocked());
  const isAdmin = membership.role === 'admin';
  const api = createTeamApi(membership.serverUrl || serverUrl());

  const load = async () => {
    const listed = await api.devices(membership.deviceToken);
    if (listed.ok) setDevices(listed.value.devices);
    else setError(listed.code);
  };
  useEffect(() => void load(), [membership.deviceId]);

  const revoke = async (deviceId: string) => {
    const done = await api.revoke(membership.deviceToken, deviceId);
    if (!done.ok) setError(done.code);
    const listed = await api.devices(membership.deviceToken);
    if (listed.ok) setDevices(listed.value.devices);
    if (!done.ok || !listed.ok) return;
    // A new key epoch for the devices that stay: the removed one never gets its key.
    const keyring = unlockedKeyring();
    if (!keyring) {
      setError('locked');
      return;
    }
    const transport = createHttpTransport({
      baseUrl: membership.serverUrl || serverUrl(),
      deviceToken: membership.deviceToken,
    });
    const remaining = listed.value.devices.filter((device) => !device.revokedAt);
    const rotated = await rotateAfterRevoke(db, membership, keyring, transport, remaining);
    if (!rotated.ok) {
      setError('server-error');
      return;
    }
    setUnlockedKeyring(rotated.value);
    await restartSyncRuntime(db);
  };

  return (
    <Section title={t('sync.team.devicesTitle')}>
      {error && (
        <p class="notice notice--warning" role="alert">
          {t(`sync.errors.${error}` as 'sync.errors.locked')}
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
