/**
 * @module http/errorMiddleware
 * App-level error handling. The standalone app ends with `notFoundHandler` and
 * `errorMiddleware` (every error rendered by `toProblem`). Host apps in
 * embedded mode mount `authErrorHandler(logger)` instead: it answers only
 * for requests under the auth routes and for our own error types, and passes
 * everything else on to the host's handlers.
 */
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import { AuthServerError } from '../errors/AuthServerError.js';
import { NotFound } from '../errors/errors.js';
import { consoleLogger, type Logger } from '../logging/Logger.js';
import { AUTH_BASE_PATH } from './authBasePath.js';
import { fromBodyParserError } from './fromBodyParserError.js';
import { sendError } from './sendError.js';

export const notFoundHandler: RequestHandler = (_req: Request, _res: Response, next: NextFunction): void => {
  next(new NotFound('Not Found'));
};

export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    sendError(res, fromBodyParserError(error), logger);
  };
}

function underAuthRoutes(req: Request): boolean {
  const path = req.originalUrl.split('?')[0] ?? '';
  return path === AUTH_BASE_PATH || path.startsWith(`${AUTH_BASE_PATH}/`);
}

export function authErrorHandler(logger: Logger = consoleLogger): ErrorRequestHandler {
  return (error: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (error instanceof AuthServerError || underAuthRoutes(req)) {
      sendError(res, fromBodyParserError(error), logger);
      return;
    }
    next(error);
  };
}
