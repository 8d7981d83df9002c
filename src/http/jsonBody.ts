/**
 * @module http/jsonBody
 * Per-route JSON body parsing, so the auth routes parse their own bodies
 * whatever the host app installed (a body the host already parsed is left
 * alone). Parse failures are answered here as the contract's JSON errors
 * (400 `invalid JSON body`, 413 for oversized bodies), so they never reach a
 * host's HTML error page.
 */
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { AuthServerError } from '../errors/AuthServerError.js';
import { InvalidRequest, PayloadTooLarge } from '../errors/errors.js';
import { consoleLogger } from '../logging/Logger.js';
import { sendError } from './sendError.js';

/** Large enough for an ML-DSA-65 key and signature in hex (about 10 kB), small enough to refuse floods. */
export const MAX_BODY_BYTES = 64 * 1024;

const parse = express.json({ limit: MAX_BODY_BYTES, strict: false });

interface BodyParserError {
  readonly type?: string;
  readonly status?: number;
}

function translate(error: unknown): Error {
  const { type, status } = (error ?? {}) as BodyParserError;
  if (type === 'entity.too.large' || status === 413) {
    return new PayloadTooLarge(`request body exceeds ${MAX_BODY_BYTES} bytes`, { cause: error });
  }
  if (type === 'entity.parse.failed') {
    return new InvalidRequest('invalid JSON body', { cause: error });
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new InvalidRequest('unreadable request body', { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error));
}

export const jsonBody: RequestHandler = (req: Request, res: Response, next: NextFunction): void => {
  parse(req, res, (error?: unknown) => {
    if (error === undefined) {
      next();
      return;
    }
    const translated = translate(error);
    if (translated instanceof AuthServerError) {
      sendError(res, translated, consoleLogger);
      return;
    }
    next(translated);
  });
};
