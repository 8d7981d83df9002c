/**
 * @module tokens/refreshAudience
 * The `aud` of refresh tokens: the refresh endpoint of this issuer, never the
 * access audience. A validator configured for access tokens (jose `jwtVerify`,
 * PyJWT `decode` with `audience`) therefore refuses a refresh token even if it
 * knows nothing of our `type` claim or header `typ` (CONTRACT section refresh).
 */
import type { ServerAuthSettings } from '../config/ServerAuthSettings.js';

export function refreshAudience(settings: Pick<ServerAuthSettings, 'issuer'>): string {
  return `${settings.issuer.replace(/\/+$/, '')}/api/v1/auth/refresh`;
}
