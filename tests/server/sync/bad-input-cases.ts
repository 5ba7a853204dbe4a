// The bad-input table: each request must get this status and error code, never a 500.
// `auth`: sent with a valid device token (of a fresh team), so only the input is wrong.
export type BadInputCase = {
  name: string;
  method: string;
  path: string;
  auth: boolean;
  body?: string;
  contentType?: string;
  status: number;
  code: string;
};

const uuid = '0190a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b';
const blob = `/api/v1/blobs/${uuid}`;
const octets = 'application/octet-stream';

type Extra = Partial<Pick<BadInputCase, 'auth' | 'contentType'>>;

const send = (
  name: string,
  method: string,
  path: string,
  body: string,
  [status, code]: [number, string],
  extra: Extra = {},
): BadInputCase => ({
  name,
  method,
  path,
  body,
  status,
  code,
  auth: true,
  contentType: 'application/json',
  ...extra,
});

const get = (name: string, path: string, [status, code]: [number, string]): BadInputCase => ({
  name,
  method: 'GET',
  path,
  status,
  code,
  auth: true,
});

const invalid: [number, string] = [400, 'invalid-request'];
const badId: [number, string] = [400, 'invalid-id'];
const pathTrick: [number, string] = [400, 'bad-request'];
const claim = JSON.stringify({ claimToken: 'a'.repeat(43), keyMaterial: 'AA==' });
const invite = { claimToken: 'a'.repeat(43), wrappedTeamKey: 'AA==' };
const teams = '/api/v1/teams';
const push = '/api/v1/sync/push';

export const badInputCases: BadInputCase[] = [
  send('malformed JSON', 'POST', teams, '{"keyMaterial":', [400, 'invalid-json']),
  send('JSON of the wrong type', 'POST', teams, '{"keyMaterial":42}', invalid),
  send('a JSON array instead of an object', 'POST', teams, '[]', invalid),
  send('JSON null', 'POST', teams, 'null', invalid),
  send('key material that is not base64', 'POST', teams, '{"keyMaterial":"#"}', invalid),
  send(
    'JSON sent as text/plain',
    'POST',
    teams,
    '{"keyMaterial":"AA=="}',
    [415, 'unsupported-media-type'],
    {
      contentType: 'text/plain',
    },
  ),
  send('a push without changes', 'POST', push, '{}', invalid),
  send('a push whose changes is a string', 'POST', push, '{"changes":"all"}', invalid),
  send('an empty push', 'POST', push, '{"changes":[]}', invalid),
  send(
    'a push over the batch limit',
    'POST',
    push,
    JSON.stringify({ changes: Array(201).fill({}) }),
    invalid,
  ),
  get('a negative cursor', '/api/v1/sync/pull?after=-1', invalid),
  get('a cursor that is not a number', '/api/v1/sync/pull?after=abc', invalid),
  get('a zero page size', '/api/v1/sync/pull?after=0&limit=0', invalid),
  get('a page size over the maximum', '/api/v1/sync/pull?after=0&limit=1001', invalid),
  get('a long-poll without a cursor', '/api/v1/sync/events', invalid),
  get('a long-poll timeout over 25 s', '/api/v1/sync/events?after=0&timeout=26', invalid),
  get('an unknown endpoint', '/api/v1/nothing-here', [404, 'not-found']),
  send('a wrong method', 'DELETE', push, '', [405, 'method-not-allowed']),
  send('a device id that is not a UUID', 'POST', '/api/v1/devices/42/revoke', '', badId),
  send('an invite id that is not a UUID', 'POST', '/api/v1/invites/abc/claim', '{}', badId, {
    auth: false,
  }),
  send(
    'a claim with a short token',
    'POST',
    `/api/v1/invites/${uuid}/claim`,
    '{"claimToken":"abc","keyMaterial":"AA=="}',
    invalid,
    {
      auth: false,
    },
  ),
  send('an unknown invite', 'POST', `/api/v1/invites/${uuid}/claim`, claim, [404, 'not-found'], {
    auth: false,
  }),
  send(
    'an invite living over 30 days',
    'POST',
    '/api/v1/invites',
    JSON.stringify({ ...invite, expiresInSeconds: 31 * 86400 }),
    invalid,
  ),
  send(
    'an invite for an unknown role',
    'POST',
    '/api/v1/invites',
    JSON.stringify({ ...invite, role: 'root' }),
    invalid,
  ),
  get('a blob id in upper case', `/api/v1/blobs/${uuid.toUpperCase()}/status`, badId),
  get('a blob id with a NUL byte', `${blob}%00/status`, pathTrick),
  get('an encoded slash in a blob id', '/api/v1/blobs/..%2F..%2Fetc%2Fpasswd/status', pathTrick),
  get('dot segments in a blob path', '/api/v1/blobs/../../../etc/passwd', pathTrick),
  get('a blob id with a file name', '/api/v1/blobs/passwd', badId),
  send('a negative chunk index', 'PUT', `${blob}/chunks/-1`, 'x', badId, { contentType: octets }),
  send('a chunk index out of range', 'PUT', `${blob}/chunks/256`, 'x', badId, {
    contentType: octets,
  }),
  send('a chunk index with a leading zero', 'PUT', `${blob}/chunks/01`, 'x', badId, {
    contentType: octets,
  }),
  send('a chunk sent as JSON', 'PUT', `${blob}/chunks/0`, '{}', [415, 'unsupported-media-type']),
  send('an empty chunk', 'PUT', `${blob}/chunks/0`, '', invalid, { contentType: octets }),
  send(
    'deleting a blob id in upper case',
    'DELETE',
    `/api/v1/blobs/${uuid.toUpperCase()}`,
    '',
    badId,
  ),
  send('deleting a blob id with a NUL byte', 'DELETE', `${blob}%00`, '', pathTrick),
  send(
    'deleting through an encoded slash',
    'DELETE',
    '/api/v1/blobs/..%2F..%2Fetc%2Fpasswd',
    '',
    pathTrick,
  ),
  send('deleting through dot segments', 'DELETE', `/api/v1/blobs/../sync/push`, '', pathTrick),
  send('deleting a blob by file name', 'DELETE', '/api/v1/blobs/passwd', '', badId),
  send("deleting a blob's status", 'DELETE', `${blob}/status`, '', [405, 'method-not-allowed']),
  send('deleting an unknown blob', 'DELETE', blob, '', [404, 'not-found']),
  send(
    'completing with a bad hash',
    'POST',
    `${blob}/complete`,
    '{"chunkCount":1,"size":1,"sha256":"xyz"}',
    invalid,
  ),
  send(
    'completing an unknown blob',
    'POST',
    `${blob}/complete`,
    JSON.stringify({ chunkCount: 1, size: 1, sha256: 'a'.repeat(64) }),
    [404, 'not-found'],
  ),
];
