/**
 * @module http/toProblem
 * The one mapping from an error to an HTTP response (CONTRACT.md section 1):
 * `{"detail", "code"}` JSON. `detail` is the error's message only when the
 * error is exposable; anything unexpected is a generic 500.
 */
import { AuthServerError } from '../errors/AuthServerError.js';

export interface Problem {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: { readonly detail: string; readonly code: string };
}

export function toProblem(error: unknown): Problem {
  if (error instanceof AuthServerError) {
    return {
      status: error.status,
      headers: error.headers,
      body: { detail: error.expose ? error.message : 'internal server error', code: error.code },
    };
  }
  return { status: 500, headers: {}, body: { detail: 'internal server error', code: 'ERR_INTERNAL' } };
}
