/**
 * @module guard/Authenticator
 * Who is calling: an `Authorization` header value in, the verified claims of
 * a valid, unrevoked access token out, optionally checked against roles.
 * Knows nothing of Express; the HTTP layer turns it into route middleware
 * (`http/guard/requireRoles`) and into the host-facing `BearerGuard`.
 */
import type { VerifiedClaims } from '../tokens/verifyJwt.js';

export interface Authenticator {
  /**
   * The claims of the access token in `authorization` (`Bearer <token>`):
   * ours, current, not a refresh token, not revoked. Throws `InvalidToken`
   * (401, `WWW-Authenticate: Bearer`) otherwise.
   */
  authenticate(authorization: string | undefined): Promise<VerifiedClaims>;
  /** `authenticate`, then `Forbidden` (403 `Requires one of roles: [...]`) unless the token has one of `roles`. */
  authorize(authorization: string | undefined, roles: readonly string[]): Promise<VerifiedClaims>;
}
