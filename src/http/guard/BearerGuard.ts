/**
 * @module http/guard/BearerGuard
 * The guard hosts put on their own routes: `guard.require('operator')` is
 * Express middleware that answers 401/403 as the auth routes do and leaves
 * the verified claims in `res.locals.auth`. Authentication itself is the
 * bound `Authenticator`; this only adapts it to Express.
 */
import type { RequestHandler } from 'express';
import { inject, injectable } from 'inversify';
import type { Authenticator } from '../../guard/Authenticator.js';
import { TYPES } from '../../identifiers.js';
import type { Logger } from '../../logging/Logger.js';
import type { VerifiedClaims } from '../../tokens/verifyJwt.js';
import { authenticatedRequest } from './authenticatedRequest.js';

export interface BearerGuard extends Authenticator {
  /** Middleware admitting a valid access token with one of `roles` (at least one). */
  require(...roles: string[]): RequestHandler;
}

@injectable()
export class ExpressBearerGuard implements BearerGuard {
  constructor(
    @inject(TYPES.Authenticator) private readonly authenticator: Authenticator,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  authenticate(authorization: string | undefined): Promise<VerifiedClaims> {
    return this.authenticator.authenticate(authorization);
  }

  authorize(authorization: string | undefined, roles: readonly string[]): Promise<VerifiedClaims> {
    return this.authenticator.authorize(authorization, roles);
  }

  require(...roles: string[]): RequestHandler {
    if (roles.length === 0) throw new RangeError('require() needs at least one role');
    return authenticatedRequest((req) => this.authenticator.authorize(req.headers.authorization, roles), this.logger);
  }
}
