/**
 * @module validator/Validator
 * What `createValidator` returns: the whole public surface a resource server
 * uses.
 */
import type { RequestHandler } from 'express';
import type { AccessClaims } from './AccessClaims.js';

export interface RequireAuthOptions {
  /** The token's `role` must be one of these; omitted or empty: any valid access token. */
  readonly roles?: readonly string[];
}

export interface Validator {
  /**
   * The claims of a valid, unrevoked access token of this issuer and audience.
   * Throws `InvalidTokenError` (401) for any token it refuses and
   * `ValidatorUnavailableError` (503) when it cannot decide.
   */
  verify(token: string): Promise<AccessClaims>;
  /**
   * Express middleware: `Authorization: Bearer <token>` verified, then the
   * role checked; claims land in `res.locals.auth`. Refusals are the server
   * guard's bodies: `{"detail", "code"}` with `WWW-Authenticate: Bearer` on 401.
   */
  requireAuth(options?: RequireAuthOptions): RequestHandler;
  /** Stops the revocation poller; the validator refuses nothing new after, but should not be used. */
  close(): Promise<void>;
}
