/**
 * @module http/guard/gate
 * Route middleware for checks that come before the body is read: an
 * endpoint switched off in config, a shared secret header. A failed check is
 * answered at once with the contract's error; nothing after it runs.
 */
import type { Request, RequestHandler } from 'express';
import type { interfaces } from 'inversify';
import { TYPES } from '../../identifiers.js';
import { sendError } from '../sendError.js';
import { routeMiddleware } from './routeMiddleware.js';

/** `build` gets the container once, when the app is built, and returns the per-request check (throws to refuse). */
export function gate(
  name: string,
  build: (container: interfaces.Container) => (req: Request) => void,
): interfaces.ServiceIdentifier<RequestHandler> {
  return routeMiddleware(name, (container) => {
    const check = build(container);
    const logger = container.get(TYPES.Logger);
    return (req, res, next): void => {
      try {
        check(req);
      } catch (error) {
        sendError(res, error, logger);
        return;
      }
      next();
    };
  });
}
