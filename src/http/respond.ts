/**
 * @module http/respond
 * Runs one endpoint's work and writes its result as JSON, or its error as the
 * contract's error body. Routes answer for their own errors this way, so they
 * behave the same inside a host app whatever error handlers it has.
 */
import type { Request, Response } from 'express';
import type { Logger } from '../logging/Logger.js';
import { sendCacheableJson } from './sendCacheableJson.js';
import { sendError } from './sendError.js';

export async function respond(res: Response, logger: Logger, work: () => Promise<unknown>): Promise<void> {
  try {
    const result = await work();
    res.status(200).json(result);
  } catch (error) {
    sendError(res, error, logger);
  }
}

/**
 * `respond` for documents pollers re-fetch: an ETag on the 200 and a bodiless
 * 304 when the client's copy is current (see sendCacheableJson).
 */
export async function respondCached(
  req: Request,
  res: Response,
  logger: Logger,
  cacheControl: string,
  work: () => Promise<unknown>,
): Promise<void> {
  try {
    sendCacheableJson(req, res, await work(), cacheControl);
  } catch (error) {
    sendError(res, error, logger);
  }
}
