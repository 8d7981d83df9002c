/**
 * @module http/jsonBody
 * Per-route JSON body parsing, so the auth routes parse their own bodies
 * whatever the host app installed (a body the host already parsed is left
 * alone). Parse failures are answered here as the contract's JSON errors.
 * A host parser that runs first and fails skips every route, ours included:
 * such hosts mount `authErrorHandler` (see errorMiddleware.ts).
 */
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { AuthServerError } from '../errors/AuthServerError.js';
import { consoleLogger } from '../logging/Logger.js';
import { fromBodyParserError } from './fromBodyParserError.js';
import { sendError } from './sendError.js';

/** Large enough for an ML-DSA-65 key and signature in hex (about 10 kB), small enough to refuse floods. */
export const MAX_BODY_BYTES = 64 * 1024;

const parse = express.json({ limit: MAX_BODY_BYTES, strict: false });

export const jsonBody: RequestHandler = (req: Request, res: Response, next: NextFunction): void => {
  parse(req, res, (error?: unknown) => {
    if (error === undefined) {
      next();
      return;
    }
    const translated = fromBodyParserError(error);
    if (translated instanceof AuthServerError) {
      // Client errors only: the logger is never reached for them.
      sendError(res, translated, consoleLogger);
      return;
    }
    next(translated);
  });
};
