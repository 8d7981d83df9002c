/**
 * @module http/respond
 * Runs one endpoint's work and writes its result as JSON, or its error as the
 * contract's error body. Routes answer for their own errors this way, so they
 * behave the same inside a host app whatever error handlers it has.
 */
import type { Response } from 'express';
import type { Logger } from '../logging/Logger.js';
import { sendError } from './sendError.js';

export async function respond(res: Response, logger: Logger, work: () => Promise<unknown>): Promise<void> {
  try {
    const result = await work();
    res.status(200).json(result);
  } catch (error) {
    sendError(res, error, logger);
  }
}
