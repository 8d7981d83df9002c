/**
 * @module http/noStore
 * `Cache-Control: no-store` on responses that carry tokens (RFC 6749
 * section 5.1): no browser, proxy or CDN may keep a copy.
 */
import type { NextFunction, Request, Response } from 'express';

export function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.set('Cache-Control', 'no-store');
  next();
}
