/**
 * @module http/guard/authenticatedRequest
 * The Express side of authentication: run a check on a request, leave the
 * caller's claims in `res.locals.auth` and go on, or answer the error as the
 * contract's JSON (routes answer their own errors, so this works inside a
 * host app whatever error handlers it has).
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from '../../logging/Logger.js';
import type { VerifiedClaims } from '../../tokens/verifyJwt.js';
import { sendError } from '../sendError.js';

/** Where the guards leave the verified claims for the route handler. */
export const AUTH_LOCALS_KEY = 'auth';

export function authenticatedRequest(
  check: (req: Request) => Promise<VerifiedClaims>,
  logger: Logger,
): RequestHandler {
  return (req: Request, res: Response, next: NextFunction): void => {
    check(req).then(
      (claims) => {
        res.locals[AUTH_LOCALS_KEY] = claims;
        next();
      },
      (error: unknown) => sendError(res, error, logger),
    );
  };
}

/** The claims a guard left on this response; a route without a guard asking for them is a bug. */
export function callerOf(res: Response): VerifiedClaims {
  const claims = res.locals[AUTH_LOCALS_KEY] as VerifiedClaims | undefined;
  if (claims === undefined) throw new TypeError('callerOf() on a route without requireRoles()');
  return claims;
}
