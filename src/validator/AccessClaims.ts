/**
 * @module validator/AccessClaims
 * The claims of an access token this server issued (CONTRACT.md section 3),
 * as `verify()` returns them once every check passed.
 */
export interface AccessClaims {
  readonly iss: string;
  /** The configured audience, or a list containing it. */
  readonly aud: string | readonly string[];
  readonly sub: string;
  readonly jti: string;
  /** Epoch seconds. */
  readonly iat: number;
  /** Epoch seconds. */
  readonly exp: number;
  readonly nbf?: number;
  readonly role: string;
  /** Any further claim the server added (e.g. `scope` on a minted service token). */
  readonly [claim: string]: unknown;
}
