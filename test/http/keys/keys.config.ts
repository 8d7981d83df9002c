/**
 * @module test/http/keys/keys.config
 * Overlay for the signing-key features, and a real listener for validators
 * that fetch the JWKS over HTTP (jose `createRemoteJWKSet`).
 */
import type { Server } from 'node:http';
import type { Application } from 'express';

export const keysConfig = {
  key_publish_lead_seconds: 600,
  key_refresh_seconds: 10,
  key_retire_grace_seconds: 60,
  jwks_max_age_seconds: 120,
  access_token_expire_minutes: 15,
  refresh_token_expire_days: 1,
  fleet_session_ttl_seconds: 3600,
  fleet_max_ttl_seconds: 3600,
  service_token_max_ttl_seconds: 3600,
} as const;

/** `max(15 min, 1 day, 1 h, 1 h) + 60 s`, in milliseconds. */
export const RETIRE_AFTER_MS = (86_400 + 60) * 1000;
export const LEAD_MS = 600 * 1000;

export interface Listening {
  readonly base: string;
  close(): Promise<void>;
}

export async function listen(app: Application): Promise<Listening> {
  const server: Server = await new Promise((ready) => {
    const s = app.listen(0, '127.0.0.1', () => ready(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
