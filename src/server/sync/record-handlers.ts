// Push, pull and the long-poll for changes.
import {
  syncLimits,
  uuidPattern,
  type EventsResponse,
  type PullResponse,
  type PushResponse,
  type PushResult,
  type ServerRecord,
} from '../../shared/sync-protocol.js';
import { addVary, sendJson } from '../responses.js';
import { acceptsPullPage, sendPullPage, type StoredPage } from './pull-page.js';
import { readJsonBody } from './request-body.js';
import type { StoredPushResult, StoredRecord, ValidChange } from './store/store-types.js';
import type { AuthedCall } from './sync-context.js';
import { sendSyncError } from './sync-errors.js';
import {
  parseChange,
  parseHistoryCheck,
  parsePushBody,
  parsePushCursor,
  parseQueryInt,
} from './validate.js';

const maxCursor = Number.MAX_SAFE_INTEGER;

const toWire = (record: StoredRecord): ServerRecord => ({
  ...record,
  ciphertext: record.ciphertext.toString('base64'),
});

const resultToWire = (result: StoredPushResult): PushResult =>
  result.status === 'conflict'
    ? { ...result, current: result.current ? toWire(result.current) : null }
    : result;

export async function push({ req, res, device, services }: AuthedCall): Promise<void> {
  const body = await readJsonBody(req, syncLimits.maxJsonBody);
  if (!body.ok) return sendSyncError(req, res, body.code, 'The request body could not be read');
  const changes = parsePushBody(body.value);
  if (!changes.ok) {
    return sendSyncError(
      req,
      res,
      'invalid-request',
      `changes must be an array of 1–${syncLimits.maxPushBatch}`,
    );
  }
  const cursor = parsePushCursor(body.value);
  if (!cursor.ok) {
    return sendSyncError(
      req,
      res,
      'invalid-request',
      'after ≥ 0; afterChange a lowercase UUID; check ≥ 1 with checkChange a lowercase UUID',
    );
  }
  const checks = changes.value.map(parseChange);
  const valid: ValidChange[] = [];
  for (const check of checks) if (check.ok) valid.push(check.change);
  const stored =
    valid.length || cursor.value
      ? await services.store.push(device.teamId, valid, cursor.value ?? undefined)
      : { results: [], seq: await services.store.teamSeq(device.teamId), cursorKnown: true };
  if (!stored.cursorKnown) {
    // Restored from an older backup: nothing applied; the device starts over.
    const refused: PushResponse = { results: [], seq: stored.seq, cursorKnown: false };
    return sendJson(req, res, 200, refused);
  }
  if (stored.results.some((r) => r.status === 'ok'))
    services.watcher.notify(device.teamId, stored.seq);
  let next = 0;
  const results = checks.map((check): PushResult => {
    if (!check.ok)
      return { status: 'rejected', id: check.id, changeId: check.changeId, code: check.code };
    const result = stored.results[next++];
    if (!result) throw new Error('store returned fewer results than changes');
    return resultToWire(result);
  });
  const response: PushResponse = { results, seq: stored.seq, cursorKnown: true };
  sendJson(req, res, 200, response);
}

export async function pull({ req, res, device, services, query }: AuthedCall): Promise<void> {
  const after = parseQueryInt(query, 'after', 0, maxCursor);
  const limit = parseQueryInt(query, 'limit', syncLimits.defaultPullLimit, syncLimits.maxPullLimit);
  if (!after.ok || !limit.ok || limit.value < 1) {
    return sendSyncError(
      req,
      res,
      'invalid-request',
      `after ≥ 0, 1 ≤ limit ≤ ${syncLimits.maxPullLimit}`,
    );
  }
  const afterChange = query.get('afterChange');
  if (afterChange !== null && !uuidPattern.test(afterChange)) {
    return sendSyncError(req, res, 'invalid-request', 'afterChange must be a lowercase UUID');
  }
  const check = parseHistoryCheck(query);
  if (!check.ok) {
    return sendSyncError(
      req,
      res,
      'invalid-request',
      'check ≥ 1 with checkChange a lowercase UUID',
    );
  }
  const page = await services.store.pull(
    device.teamId,
    after.value,
    limit.value,
    afterChange ?? undefined,
    check.value ?? undefined,
  );
  const stored: StoredPage = {
    records: page.records,
    nextCursor: page.records.at(-1)?.seq ?? after.value,
    hasMore: page.hasMore,
    seq: page.seq,
    cursorKnown: page.cursorKnown,
  };
  if (acceptsPullPage(req)) return sendPullPage(req, res, stored);
  addVary(res, 'Accept');
  const response: PullResponse = { ...stored, records: stored.records.map(toWire) };
  sendJson(req, res, 200, response);
}

export async function events({ req, res, device, services, query }: AuthedCall): Promise<void> {
  const after = parseQueryInt(query, 'after', null, maxCursor);
  const max = syncLimits.maxEventsTimeoutSeconds;
  const timeout = parseQueryInt(query, 'timeout', max, max);
  if (!after.ok || !timeout.ok) {
    return sendSyncError(req, res, 'invalid-request', `after is required; 0 ≤ timeout ≤ ${max}`);
  }
  let seq = await services.store.teamSeq(device.teamId);
  if (seq === after.value && timeout.value > 0) {
    const gone = new AbortController();
    const onClose = (): void => gone.abort();
    res.on('close', onClose);
    const woken = await services.watcher.wait(
      device.teamId,
      after.value,
      timeout.value * 1000,
      gone.signal,
    );
    res.off('close', onClose);
    if (gone.signal.aborted && res.destroyed) return;
    seq = woken ?? (await services.store.teamSeq(device.teamId));
  }
  const response: EventsResponse = { seq, changed: seq > after.value };
  sendJson(req, res, 200, response);
}
