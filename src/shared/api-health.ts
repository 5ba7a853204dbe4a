// GET /api/health: lets the app (and a load balancer) see that the Lotse server is up.
export const healthPath = '/api/health';

export type HealthResponse = { ok: true; version: string };
