// Key epochs: each device's public key, the team's current epoch, and the grants (one
// epoch's data key wrapped for one device) an admin uploads when it rotates the key after
// removing a member. The server relays the grants; it cannot open them.
import { err, ok } from '../../../shared/result.js';
import { bytesOf, intOf, textOf, type SqlDriver } from './sql-driver.js';
import type { SyncStore } from './store-types.js';

type KeyStore = Pick<SyncStore, 'setPublicKey' | 'teamKeyEpoch' | 'grantsFor' | 'rotateKeyEpoch'>;

export function createKeyStore(db: SqlDriver): KeyStore {
  return {
    async setPublicKey(teamId, deviceId, publicKey) {
      const changed = await db.run(
        'UPDATE devices SET public_key = ? WHERE id = ? AND team_id = ? AND revoked_at IS NULL',
        [publicKey, deviceId, teamId],
      );
      return changed === 1;
    },

    async teamKeyEpoch(teamId) {
      const row = await db.get('SELECT key_epoch FROM teams WHERE id = ?', [teamId]);
      return row ? intOf(row, 'key_epoch') : 0;
    },

    async grantsFor(teamId, deviceId) {
      const rows = await db.all(
        'SELECT epoch, wrapped_key FROM key_grants WHERE team_id = ? AND device_id = ? ORDER BY epoch',
        [teamId, deviceId],
      );
      return rows.map((row) => ({
        epoch: intOf(row, 'epoch'),
        wrappedKey: bytesOf(row, 'wrapped_key'),
      }));
    },

    rotateKeyEpoch: (teamId, epoch, grants, grantedBy, now) =>
      db.transaction(async (tx) => {
        // The team row lock orders rotations and pushes: a push that committed before this
        // was checked against the old epoch, every later one against the new.
        const team = await tx.get(`SELECT key_epoch FROM teams WHERE id = ?${db.forUpdate}`, [
          teamId,
        ]);
        if (!team) throw new Error('rotation for a team that does not exist');
        if (epoch <= intOf(team, 'key_epoch')) return err('key-epoch-conflict');
        const active = await tx.all(
          'SELECT id FROM devices WHERE team_id = ? AND revoked_at IS NULL',
          [teamId],
        );
        const activeIds = new Set(active.map((row) => textOf(row, 'id')));
        const granted = new Set(grants.map((grant) => grant.deviceId));
        const exact =
          granted.size === grants.length &&
          granted.size === activeIds.size &&
          [...granted].every((id) => activeIds.has(id));
        if (!exact) return err('key-grants-mismatch');
        for (const grant of grants) {
          await tx.run(
            `INSERT INTO key_grants (team_id, device_id, epoch, wrapped_key, granted_by, created_at)
             VALUES (?, ?, ?, ?, ?, ?)`,
            [teamId, grant.deviceId, epoch, grant.wrappedKey, grantedBy, now],
          );
        }
        await tx.run('UPDATE teams SET key_epoch = ? WHERE id = ?', [epoch, teamId]);
        return ok(epoch);
      }),
  };
}
