// Device tokens: 32 random bytes (base64url), handed to the device once and stored only as
// SHA-256. A token for a revoked device answers 401 `device-revoked` with `wipe: true`.
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { err, ok, type Result } from '../../shared/result.js';
import type { DeviceRow, SyncStore } from './store/store-types.js';

const bearer = /^Bearer ([A-Za-z0-9_-]{43})$/;

export const newDeviceToken = (): string => randomBytes(32).toString('base64url');

export const sha256Hex = (value: string | Buffer): string =>
  createHash('sha256').update(value).digest('hex');

export async function authenticate(
  req: IncomingMessage,
  store: SyncStore,
): Promise<Result<DeviceRow, 'unauthorized' | 'device-revoked'>> {
  const match = bearer.exec(req.headers.authorization ?? '');
  if (!match?.[1]) return err('unauthorized');
  const device = await store.deviceByTokenHash(sha256Hex(match[1]));
  if (!device) return err('unauthorized');
  if (device.revokedAt !== null) return err('device-revoked');
  return ok(device);
}
