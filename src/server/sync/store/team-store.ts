// Teams, devices and invites.
import { err, ok } from '../../../shared/result.js';
import type { DeviceRole } from '../../../shared/sync-protocol.js';
import {
  bytesOf,
  intOf,
  optionalBytesOf,
  optionalIntOf,
  textOf,
  type SqlDriver,
  type SqlRow,
} from './sql-driver.js';
import type { DeviceRow, SyncStore } from './store-types.js';

const roleOf = (row: SqlRow): DeviceRole => (textOf(row, 'role') === 'admin' ? 'admin' : 'member');

const deviceColumns = 'id, team_id, role, key_material, public_key, created_at, revoked_at';

const toDevice = (row: SqlRow): DeviceRow => ({
  deviceId: textOf(row, 'id'),
  teamId: textOf(row, 'team_id'),
  role: roleOf(row),
  keyMaterial: bytesOf(row, 'key_material'),
  publicKey: optionalBytesOf(row, 'public_key'),
  createdAt: intOf(row, 'created_at'),
  revokedAt: optionalIntOf(row, 'revoked_at'),
});

type TeamStore = Pick<
  SyncStore,
  | 'createTeam'
  | 'deviceByTokenHash'
  | 'listDevices'
  | 'revokeDevice'
  | 'setKeyMaterial'
  | 'createInvite'
  | 'claimInvite'
  | 'teamSeq'
  | 'teamSeqs'
>;

export function createTeamStore(db: SqlDriver): TeamStore {
  const insertDevice =
    'INSERT INTO devices (id, team_id, token_hash, role, key_material, public_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)';

  return {
    createTeam: (teamId, admin, now) =>
      db.transaction(async (tx) => {
        await tx.run('INSERT INTO teams (id, seq, created_at) VALUES (?, 0, ?)', [teamId, now]);
        await tx.run(insertDevice, [
          admin.deviceId,
          teamId,
          admin.tokenHash,
          'admin',
          admin.keyMaterial,
          admin.publicKey,
          now,
        ]);
      }),

    async deviceByTokenHash(tokenHash) {
      const row = await db.get(`SELECT ${deviceColumns} FROM devices WHERE token_hash = ?`, [
        tokenHash,
      ]);
      return row ? toDevice(row) : null;
    },

    async listDevices(teamId) {
      const rows = await db.all(
        `SELECT ${deviceColumns} FROM devices WHERE team_id = ? ORDER BY created_at, id`,
        [teamId],
      );
      return rows.map(toDevice);
    },

    revokeDevice: (teamId, deviceId, now) =>
      db.transaction(async (tx) => {
        await tx.run(
          'UPDATE devices SET revoked_at = ? WHERE id = ? AND team_id = ? AND revoked_at IS NULL',
          [now, deviceId, teamId],
        );
        const row = await tx.get('SELECT revoked_at FROM devices WHERE id = ? AND team_id = ?', [
          deviceId,
          teamId,
        ]);
        return row ? optionalIntOf(row, 'revoked_at') : null;
      }),

    async setKeyMaterial(teamId, deviceId, keyMaterial) {
      const changed = await db.run(
        'UPDATE devices SET key_material = ? WHERE id = ? AND team_id = ? AND revoked_at IS NULL',
        [keyMaterial, deviceId, teamId],
      );
      return changed === 1;
    },

    async createInvite(invite) {
      const inserted = await db.run(
        `INSERT INTO invites (id, team_id, claim_hash, wrapped_team_key, role, created_by, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
        [
          invite.inviteId,
          invite.teamId,
          invite.claimHash,
          invite.wrappedTeamKey,
          invite.role,
          invite.createdBy,
          invite.expiresAt,
        ],
      );
      return inserted === 1;
    },

    claimInvite: (inviteId, claimHash, device, now) =>
      db.transaction(async (tx) => {
        const row = await tx.get(
          `SELECT team_id, claim_hash, wrapped_team_key, role, expires_at, claimed_at
           FROM invites WHERE id = ?${db.forUpdate}`,
          [inviteId],
        );
        if (!row) return err('not-found');
        // Compared as SHA-256 hex of a high-entropy token: no timing oracle worth having.
        if (textOf(row, 'claim_hash') !== claimHash) return err('invite-invalid');
        if (optionalIntOf(row, 'claimed_at') !== null) return err('invite-used');
        if (intOf(row, 'expires_at') <= now) return err('invite-expired');
        const teamId = textOf(row, 'team_id');
        const role = roleOf(row);
        await tx.run('UPDATE invites SET claimed_at = ?, claimed_by = ? WHERE id = ?', [
          now,
          device.deviceId,
          inviteId,
        ]);
        await tx.run(insertDevice, [
          device.deviceId,
          teamId,
          device.tokenHash,
          role,
          device.keyMaterial,
          device.publicKey,
          now,
        ]);
        return ok({ teamId, role, wrappedTeamKey: bytesOf(row, 'wrapped_team_key') });
      }),

    async teamSeq(teamId) {
      const row = await db.get('SELECT seq FROM teams WHERE id = ?', [teamId]);
      return row ? intOf(row, 'seq') : 0;
    },

    async teamSeqs(teamIds) {
      const seqs = new Map<string, number>();
      if (teamIds.length === 0) return seqs;
      const marks = teamIds.map(() => '?').join(', ');
      const rows = await db.all(`SELECT id, seq FROM teams WHERE id IN (${marks})`, teamIds);
      for (const row of rows) seqs.set(textOf(row, 'id'), intOf(row, 'seq'));
      return seqs;
    },
  };
}
