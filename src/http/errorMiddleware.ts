/**
 * @module http/errorMiddleware
 * App-level handlers for the standalone app: unknown routes get 404
 * `{"detail": "Not Found"}`, and any error that reaches the end of the chain
 * is rendered by `toProblem` (CONTRACT.md section 1).
 */
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import { NotFound } from '../errors/errors.js';
import type { Logger } from '../logging/Logger.js';
import { sendError } from './sendError.js';

export const notFoundHandler: RequestHandler = (_req: Request, _res: Response, next: NextFunction): void => {
  next(new NotFound('Not Found'));
};

export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    sendError(res, error, logger);
  };
}
