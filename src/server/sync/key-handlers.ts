// Key epochs: a device registers its public key; an admin that removed a member starts a new
// epoch with one grant per active device. Grants reach devices through GET /session.
import type { RotateKeyEpochResponse, SetPublicKeyResponse } from '../../shared/sync-protocol.js';
import { sendJson } from '../responses.js';
import type { AuthedCall } from './sync-context.js';
import { sendSyncError } from './sync-errors.js';
import { jsonBody } from './team-handlers.js';
import { parseOptionalKey, parseRotate } from './validate.js';

export async function setPublicKey(call: AuthedCall): Promise<void> {
  const { req, res, device, services, params } = call;
  const target = params.deviceId ?? '';
  // Only the device itself: whoever sets a public key receives the next epoch's key.
  if (target !== device.deviceId) {
    req.resume();
    return sendSyncError(req, res, 'forbidden', 'A device sets only its own public key');
  }
  const body = await jsonBody(call);
  if (!body.ok) return;
  const publicKey = parseOptionalKey(body.value, 'publicKey');
  if (!publicKey.ok || publicKey.value === null) {
    return sendSyncError(req, res, 'invalid-request', 'publicKey must be base64');
  }
  await services.store.setPublicKey(device.teamId, target, publicKey.value);
  const response: SetPublicKeyResponse = { deviceId: target };
  sendJson(req, res, 200, response);
}

const rotateMessages = {
  'key-epoch-conflict': 'The epoch must be above the team’s current key epoch',
  'key-grants-mismatch': 'Send exactly one grant for every active device of the team',
} as const;

export async function rotateKeyEpoch(call: AuthedCall): Promise<void> {
  const { req, res, device, services } = call;
  const body = await jsonBody(call);
  if (!body.ok) return;
  const input = parseRotate(body.value);
  if (!input.ok) return sendSyncError(req, res, 'invalid-request', 'epoch, grants[]');
  const rotated = await services.store.rotateKeyEpoch(
    device.teamId,
    input.value.epoch,
    input.value.grants,
    device.deviceId,
    services.now(),
  );
  if (!rotated.ok) return sendSyncError(req, res, rotated.code, rotateMessages[rotated.code]);
  const response: RotateKeyEpochResponse = { keyEpoch: rotated.value };
  sendJson(req, res, 200, response);
}
