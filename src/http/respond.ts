/**
 * @module http/respond
 * Runs one endpoint's work and writes its result as JSON, or its error as the
 * contract's error body. Routes answer for their own errors this way, so they
 * behave the same inside a host app whatever error handlers it has.
 */
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
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

/** A strong validator for a JSON body (RFC 9110 section 8.8.3). */
export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body, 'utf8').digest('base64url')}"`;
}

/** Whether `If-None-Match` names `etag` (or is `*`), so 304 may answer (RFC 9110 section 13.1.2). */
export function etagMatches(req: Request, etag: string): boolean {
  const header = req.get('If-None-Match');
  if (header === undefined) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });
}

/** `respond`, with an ETag on the 200 and a bodiless 304 when the client's copy is current. */
export async function respondCached(
  req: Request,
  res: Response,
  logger: Logger,
  work: () => Promise<unknown>,
): Promise<void> {
  try {
    const body = JSON.stringify(await work());
    const etag = etagOf(body);
    res.set('ETag', etag).set('Cache-Control', 'no-cache');
    if (etagMatches(req, etag)) {
      res.status(304).end();
      return;
    }
    res.status(200).type('application/json').send(body);
  } catch (error) {
    sendError(res, error, logger);
  }
}
