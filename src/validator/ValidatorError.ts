/**
 * @module validator/ValidatorError
 * The validator's own errors, shaped like the server's (`code`, `status`,
 * `headers`) so `requireAuth` answers with the very bodies the server's guard
 * sends, without importing the server's error hierarchy. The message is the
 * `detail` the guard would send; `reason` says which check failed, for logs
 * and for callers that branch on it (never compare messages).
 */

/** Why a token was refused; stable, for `switch`. */
export type InvalidTokenReason =
  | 'missing'
  | 'malformed'
  | 'alg_not_allowed'
  | 'unknown_kid'
  | 'bad_signature'
  | 'refresh_token'
  | 'typ_invalid'
  | 'claim_invalid'
  | 'expired'
  | 'revoked';

/** Why the validator cannot decide right now. */
export type UnavailableReason = 'jwks_unavailable' | 'revocation_stale';

export abstract class ValidatorError extends Error {
  abstract readonly code: string;
  abstract readonly status: number;
  readonly headers: Readonly<Record<string, string>>;

  constructor(detail: string, headers: Readonly<Record<string, string>> = {}, cause?: unknown) {
    super(detail, cause === undefined ? undefined : { cause });
    this.name = new.target.name;
    this.headers = headers;
  }
}

/** 401: the token is missing, malformed, not ours, expired, a refresh token or revoked. */
export class InvalidTokenError extends ValidatorError {
  readonly code = 'ERR_TOKEN_INVALID';
  readonly status = 401;
  constructor(
    readonly reason: InvalidTokenReason,
    detail: string,
    cause?: unknown,
  ) {
    // RFC 6750 section 3: a 401 for a bearer-protected resource names the scheme.
    super(detail, { 'WWW-Authenticate': 'Bearer' }, cause);
  }
}

/** 403: a valid token without one of the required roles. */
export class ForbiddenError extends ValidatorError {
  readonly code = 'ERR_FORBIDDEN';
  readonly status = 403;
  constructor(readonly roles: readonly string[]) {
    // The Python original renders the list as `['a', 'b']`; its clients match on it.
    super(`Requires one of roles: [${roles.map((role) => `'${role}'`).join(', ')}]`);
  }
}

/**
 * 503: the JWKS cannot be fetched and no copy is held, or (fail-closed) the
 * revocation feed has not answered within `maxStalenessSeconds`. The client
 * may retry; the token itself may be fine.
 */
export class ValidatorUnavailableError extends ValidatorError {
  readonly code = 'ERR_SERVICE_UNAVAILABLE';
  readonly status = 503;
  constructor(
    readonly reason: UnavailableReason,
    detail: string,
    cause?: unknown,
  ) {
    super(detail, {}, cause);
  }
}

/** Every error `verify()` and `requireAuth` produce, for exhaustive `switch (error.code)`. */
export type ValidatorErrors = InvalidTokenError | ForbiddenError | ValidatorUnavailableError;

/** The guard's wording: checks on the token itself read `invalid token: <what>`. */
export const invalidToken = (reason: InvalidTokenReason, what: string, cause?: unknown): InvalidTokenError =>
  new InvalidTokenError(reason, `invalid token: ${what}`, cause);
