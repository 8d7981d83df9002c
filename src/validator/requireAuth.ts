/**
 * @module validator/requireAuth
 * The Express half of the validator: reads the bearer token exactly as the
 * server's guard does (same header grammar, same messages), verifies it, checks
 * the role, and answers refusals with the guard's `{"detail", "code"}` bodies
 * and headers. Only Express types are imported: the resource server brings
 * its own Express.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { AccessClaims } from './AccessClaims.js';
import type { RequireAuthOptions } from './Validator.js';
import { ForbiddenError, InvalidTokenError, ValidatorError } from './ValidatorError.js';

/** Where the middleware leaves the verified claims: `res.locals.auth`, as the server's guard does. */
export const AUTH_LOCALS_KEY = 'auth';

const BEARER = /^Bearer[ ]+([A-Za-z0-9\-_.~+/]+=*)$/i;

/** The token in an `Authorization` header value, or the guard's 401. */
export function bearerToken(authorization: unknown): string {
  if (typeof authorization !== 'string' || authorization === '') {
    throw new InvalidTokenError('missing', 'missing bearer token');
  }
  const match = BEARER.exec(authorization.trim());
  if (match === null) throw new InvalidTokenError('malformed', 'invalid authorization header: expected Bearer <token>');
  return match[1]!;
}

function sendRefusal(res: Response, error: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  if (error instanceof ValidatorError) {
    res.status(error.status).set(error.headers).json({ detail: error.message, code: error.code });
    return;
  }
  res.status(500).json({ detail: 'internal server error', code: 'ERR_INTERNAL' });
}

export function requireAuth(verify: (token: string) => Promise<AccessClaims>, options: RequireAuthOptions = {}): RequestHandler {
  const roles = [...(options.roles ?? [])];
  if (!roles.every((role) => typeof role === 'string' && role !== '')) throw new TypeError('roles must be non-empty strings');
  return (req: Request, res: Response, next: NextFunction): void => {
    const authorize = async (): Promise<AccessClaims> => {
      const claims = await verify(bearerToken(req.headers.authorization));
      if (roles.length > 0 && !roles.includes(claims.role)) throw new ForbiddenError(roles);
      return claims;
    };
    authorize().then(
      (claims) => {
        res.locals[AUTH_LOCALS_KEY] = claims;
        next();
      },
      (error: unknown) => sendRefusal(res, error),
    );
  };
}
