/**
 * @module guard/BearerGuard
 * Guards routes with `Authorization: Bearer <token>`: a token this server
 * issued (see TokenVerifier), not a refresh token, not revoked, and carrying
 * one of the route's roles. 401 with `WWW-Authenticate: Bearer` when the token
 * is missing or bad, 403 `Requires one of roles: [...]` when the role is
 * wrong (CONTRACT.md section 2). Hosts reuse it on their own routes with
 * `guard.require('operator')`.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { inject, injectable } from 'inversify';
import { Forbidden, InvalidToken } from '../errors/errors.js';
import { sendError } from '../http/sendError.js';
import { TYPES } from '../identifiers.js';
import type { Logger } from '../logging/Logger.js';
import type { RevocationStore } from '../stores/RevocationStore.js';
import type { Clock } from '../time/Clock.js';
import type { TokenVerifier } from '../tokens/TokenVerifier.js';
import type { VerifiedClaims } from '../tokens/verifyJwt.js';
import { VerifiedTokenCache } from './VerifiedTokenCache.js';

/** Where `require()` leaves the verified claims for the route handler. */
export const AUTH_LOCALS_KEY = 'auth';

const BEARER = /^Bearer[ ]+([A-Za-z0-9\-_.~+/]+=*)$/i;

/** Renders roles as the Python original does (`['a', 'b']`), which its clients expect. */
function rolesList(roles: readonly string[]): string {
  return `[${roles.map((role) => `'${role}'`).join(', ')}]`;
}

@injectable()
export class BearerGuard {
  readonly #cache: VerifiedTokenCache;

  constructor(
    @inject(TYPES.TokenVerifier) private readonly verifier: TokenVerifier,
    @inject(TYPES.RevocationStore) private readonly revocations: RevocationStore,
    @inject(TYPES.Logger) private readonly logger: Logger,
    @inject(TYPES.Clock) clock: Clock,
  ) {
    this.#cache = new VerifiedTokenCache(clock);
  }

  /** The claims of a valid, unrevoked access token in `authorization`. */
  async authenticate(authorization: unknown): Promise<VerifiedClaims> {
    if (typeof authorization !== 'string' || authorization === '') {
      throw new InvalidToken('missing bearer token');
    }
    const match = BEARER.exec(authorization.trim());
    if (match === null) throw new InvalidToken('invalid authorization header: expected Bearer <token>');
    const claims = await this.verified(match[1]!);
    if (claims['type'] === 'refresh') throw new InvalidToken('invalid token: refresh tokens are not accepted here');
    if (await this.revocations.isRevoked(claims.jti)) throw new InvalidToken('token revoked');
    return claims;
  }

  async #verify(token: string): Promise<VerifiedClaims> {
    return this.verifier.verify(token).catch((error: unknown) => {
      throw error instanceof InvalidToken ? new InvalidToken(`invalid token: ${error.message}`, { cause: error }) : error;
    });
  }

  /** Signature and claims, checked once per token string (see VerifiedTokenCache). */
  private async verified(token: string): Promise<VerifiedClaims> {
    const cached = this.#cache.get(token);
    if (cached !== undefined) return cached;
    const claims = await this.#verify(token);
    this.#cache.set(token, claims);
    return claims;
  }

  /** `authenticate`, then the role check. */
  async authorize(authorization: unknown, roles: readonly string[]): Promise<VerifiedClaims> {
    const claims = await this.authenticate(authorization);
    if (!roles.includes(claims.role)) throw new Forbidden(`Requires one of roles: ${rolesList(roles)}`);
    return claims;
  }

  /** Express middleware for any route: claims land in `res.locals.auth`. */
  require(...roles: string[]): RequestHandler {
    if (roles.length === 0) throw new RangeError('require() needs at least one role');
    return (req: Request, res: Response, next: NextFunction): void => {
      this.authorize(req.headers.authorization, roles).then(
        (claims) => {
          res.locals[AUTH_LOCALS_KEY] = claims;
          next();
        },
        (error: unknown) => sendError(res, error, this.logger),
      );
    };
  }
}
