/**
 * @module errors/errors
 * One subclass per failure a client can cause. `code` is stable; `detail`
 * texts are the ones CONTRACT.md pins.
 */
import { AuthServerError, type AuthServerErrorOptions } from './AuthServerError.js';

const BEARER_CHALLENGE = { 'WWW-Authenticate': 'Bearer' } as const;

/** 400: the request is syntactically wrong (missing field, bad hex, bad length, bad JSON). */
export class InvalidRequest extends AuthServerError {
  readonly code = 'ERR_INVALID_REQUEST';
  readonly status = 400;
}

/** 400: the wallet algorithm is unknown or not enabled. */
export class UnsupportedAlgorithm extends AuthServerError {
  readonly code = 'ERR_UNSUPPORTED_ALGORITHM';
  readonly status = 400;
  constructor(algorithm: string, options?: AuthServerErrorOptions) {
    super(`unsupported wallet algorithm: ${algorithm}`, options);
  }
}

/** 400: the claimed address does not belong to the public key. */
export class AddressMismatch extends AuthServerError {
  readonly code = 'ERR_ADDRESS_MISMATCH';
  readonly status = 400;
  constructor(options?: AuthServerErrorOptions) {
    super('address does not match verified public key', options);
  }
}

/** 401 base: carries `WWW-Authenticate: Bearer` as CONTRACT.md section 1 requires. */
export abstract class Unauthorized extends AuthServerError {
  readonly status = 401;
  constructor(detail: string, options: AuthServerErrorOptions = {}) {
    super(detail, { ...options, headers: { ...BEARER_CHALLENGE, ...options.headers } });
  }
}

/** 401: the challenge is unknown, already used or expired. */
export class InvalidChallenge extends Unauthorized {
  readonly code = 'ERR_CHALLENGE_INVALID';
  constructor(options?: AuthServerErrorOptions) {
    super('invalid or expired challenge', options);
  }
}

/** 401: the wallet signature does not verify. */
export class InvalidSignature extends Unauthorized {
  readonly code = 'ERR_SIGNATURE_INVALID';
  constructor(options?: AuthServerErrorOptions) {
    super('signature verification failed', options);
  }
}

/** 401: wrong email or password. */
export class InvalidCredentials extends Unauthorized {
  readonly code = 'ERR_INVALID_CREDENTIALS';
  constructor(options?: AuthServerErrorOptions) {
    super('invalid credentials', options);
  }
}

/** 401: a bearer or refresh token is missing, malformed, expired or revoked. */
export class InvalidToken extends Unauthorized {
  readonly code = 'ERR_TOKEN_INVALID';
}

/**
 * 401: the token was ours and well-formed but its `exp` has passed. A class of
 * its own so callers that answer expiry differently (refresh: `refresh
 * expired`) test the type, never the message text. Same code and status as
 * `InvalidToken`, so the wire does not change.
 */
export class TokenExpired extends InvalidToken {
  constructor(detail = 'token expired', options?: AuthServerErrorOptions) {
    super(detail, options);
  }
}

/** 403: authenticated, but not allowed. */
export class Forbidden extends AuthServerError {
  readonly code = 'ERR_FORBIDDEN';
  readonly status = 403;
}

/** 404: route or feature not available. */
export class NotFound extends AuthServerError {
  readonly code = 'ERR_NOT_FOUND';
  readonly status = 404;
}

/** 413: request body over the limit. */
export class PayloadTooLarge extends AuthServerError {
  readonly code = 'ERR_PAYLOAD_TOO_LARGE';
  readonly status = 413;
}

/** 429: a rate limit was reached; `Retry-After` and the rate-limit headers say when to come back. */
export class TooManyRequests extends AuthServerError {
  readonly code = 'ERR_RATE_LIMITED';
  readonly status = 429;
}

/** 503: a bounded resource is full or a backing store is unreachable; the client may retry. */
export class ServiceUnavailable extends AuthServerError {
  readonly code = 'ERR_SERVICE_UNAVAILABLE';
  readonly status = 503;
  /** Shown despite the 5xx status: the reason helps the client decide when to retry. */
  override get expose(): boolean {
    return true;
  }
}

/** Every concrete client-facing error, for exhaustive `switch (err.code)`. */
export type AuthServerErrors =
  | InvalidRequest
  | UnsupportedAlgorithm
  | AddressMismatch
  | InvalidChallenge
  | InvalidSignature
  | InvalidCredentials
  | InvalidToken
  | TokenExpired
  | Forbidden
  | NotFound
  | PayloadTooLarge
  | TooManyRequests
  | ServiceUnavailable;
