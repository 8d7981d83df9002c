/**
 * @module http/fromBodyParserError
 * Translates body-parser failures (express.json, ours or a host's) into the
 * contract's client errors: 400 `invalid JSON body`, 413 for oversized bodies.
 * Anything that is not a body-parser client error is returned unchanged.
 */
import { InvalidRequest, PayloadTooLarge } from '../errors/errors.js';

interface BodyParserError {
  readonly type?: unknown;
  readonly status?: unknown;
  readonly limit?: unknown;
}

export function fromBodyParserError(error: unknown): unknown {
  const { type, status, limit } = (typeof error === 'object' && error !== null ? error : {}) as BodyParserError;
  if (type === 'entity.too.large') {
    return new PayloadTooLarge(`request body exceeds ${String(limit)} bytes`, { cause: error });
  }
  if (type === 'entity.parse.failed') {
    return new InvalidRequest('invalid JSON body', { cause: error });
  }
  if (typeof type === 'string' && typeof status === 'number' && status >= 400 && status < 500) {
    return new InvalidRequest('unreadable request body', { cause: error });
  }
  return error;
}
