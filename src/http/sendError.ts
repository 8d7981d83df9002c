/**
 * @module http/sendError
 * Writes an error as the contract's JSON body. Used by the error middleware
 * and by the auth routes themselves, so they answer correctly even inside a
 * host app that installed no error handler of ours.
 */
import type { Response } from 'express';
import type { Logger } from '../logging/Logger.js';
import { toProblem } from './toProblem.js';

export function sendError(res: Response, error: unknown, logger: Logger): void {
  const problem = toProblem(error);
  if (problem.status >= 500 && problem.body.code === 'ERR_INTERNAL') {
    logger.error('unhandled error while serving a request', error);
  }
  if (res.headersSent) {
    res.end();
    return;
  }
  res.status(problem.status).set(problem.headers).json(problem.body);
}
