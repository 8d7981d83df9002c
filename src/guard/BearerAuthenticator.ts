/**
 * @module guard/BearerAuthenticator
 * The default `Authenticator`: `Authorization: Bearer <token>` with a token
 * this server issued (see TokenVerifier), not a refresh token, not revoked,
 * and carrying one of the route's roles. Details are CONTRACT.md section 2's.
 * Signature and claims are checked once per token string (VerifiedTokenCache);
 * revocation and roles on every call.
 */
import { inject, injectable } from 'inversify';
import { Forbidden, InvalidToken } from '../errors/errors.js';
import { TYPES } from '../identifiers.js';
import type { RevocationStore } from '../stores/RevocationStore.js';
import type { Clock } from '../time/Clock.js';
import type { TokenVerifier } from '../tokens/TokenVerifier.js';
import type { VerifiedClaims } from '../tokens/verifyJwt.js';
import type { Authenticator } from './Authenticator.js';
import { VerifiedTokenCache } from './VerifiedTokenCache.js';

const BEARER = /^Bearer[ ]+([A-Za-z0-9\-_.~+/]+=*)$/i;

/** Renders roles as the Python original does (`['a', 'b']`), which its clients expect. */
function rolesList(roles: readonly string[]): string {
  return `[${roles.map((role) => `'${role}'`).join(', ')}]`;
}

@injectable()
export class BearerAuthenticator implements Authenticator {
  readonly #cache: VerifiedTokenCache;

  constructor(
    @inject(TYPES.TokenVerifier) private readonly verifier: TokenVerifier,
    @inject(TYPES.RevocationStore) private readonly revocations: RevocationStore,
    @inject(TYPES.Clock) clock: Clock,
  ) {
    this.#cache = new VerifiedTokenCache(clock);
  }

  async authenticate(authorization: string | undefined): Promise<VerifiedClaims> {
    // Typed as a header value, but hosts may pass anything: refuse non-strings as missing.
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

  async authorize(authorization: string | undefined, roles: readonly string[]): Promise<VerifiedClaims> {
    const claims = await this.authenticate(authorization);
    if (!roles.includes(claims.role)) throw new Forbidden(`Requires one of roles: ${rolesList(roles)}`);
    return claims;
  }

  /** Signature and claims, checked once per token string (see VerifiedTokenCache). */
  private async verified(token: string): Promise<VerifiedClaims> {
    const cached = this.#cache.get(token);
    if (cached !== undefined) return cached;
    const claims = await this.verifier.verify(token).catch((error: unknown) => {
      throw error instanceof InvalidToken ? new InvalidToken(`invalid token: ${error.message}`, { cause: error }) : error;
    });
    this.#cache.set(token, claims);
    return claims;
  }
}
