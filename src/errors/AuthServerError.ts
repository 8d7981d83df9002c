/**
 * @module errors/AuthServerError
 * The one base class for failures a client can cause. The HTTP layer maps it
 * to `{"detail", "code"}` JSON (CONTRACT.md section 1); anything else is a 500.
 */
export interface AuthServerErrorOptions {
  readonly cause?: unknown;
  /** Extra response headers, e.g. `WWW-Authenticate` on 401. */
  readonly headers?: Readonly<Record<string, string>>;
}

export abstract class AuthServerError extends Error {
  /** Stable machine-readable code, e.g. `ERR_CHALLENGE_INVALID`. */
  abstract readonly code: string;
  /** HTTP status this failure maps to. */
  abstract readonly status: number;
  readonly headers: Readonly<Record<string, string>>;

  constructor(detail: string, options: AuthServerErrorOptions = {}) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.headers = options.headers ?? {};
  }

  /** Whether `detail` may be shown to the client (never for 5xx). */
  get expose(): boolean {
    return this.status < 500;
  }
}
