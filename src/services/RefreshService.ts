/**
 * @module services/RefreshService
 * `POST /refresh` with rotation. Each refresh token is single-use; a second
 * use is theft evidence, so the whole family (every token descended from the
 * same sign-in or login) is revoked and the caller gets 401
 * `refresh token reused`. Role and subject carry over unchanged: a refresh
 * never raises privilege.
 */
import { inject, injectable } from 'inversify';
import { InvalidToken, TokenExpired } from '../errors/errors.js';
import { TYPES } from '../identifiers.js';
import type { RevocationStore } from '../stores/RevocationStore.js';
import type { FamilyMember, TokenFamilyStore } from '../stores/TokenFamilyStore.js';
import { epochSeconds, type Clock } from '../time/Clock.js';
import type { ClaimValue, TokenIssuer, TokenPair } from '../tokens/TokenIssuer.js';
import type { TokenVerifier } from '../tokens/TokenVerifier.js';
import type { VerifiedClaims } from '../tokens/verifyJwt.js';

/** Claims set by the issuer itself; everything else is carried over to the new tokens. */
const REGISTERED = new Set(['iss', 'aud', 'iat', 'exp', 'nbf', 'jti', 'sub', 'role', 'fam', 'type']);

/** Who automatic revocations are attributed to in the feed. */
export const SYSTEM_REVOKER = 'pico-server-auth';

/** `POST /refresh`. */
export interface RefreshRequest {
  /** Non-empty; not verified yet. */
  readonly refresh_token: string;
}

export interface RefreshService {
  /** A new pair for a valid, unused refresh token; a reused one revokes its family. */
  refresh(request: RefreshRequest): Promise<TokenPair>;
}

@injectable()
export class RotatingRefreshService implements RefreshService {
  constructor(
    @inject(TYPES.TokenVerifier) private readonly verifier: TokenVerifier,
    @inject(TYPES.TokenIssuer) private readonly tokens: TokenIssuer,
    @inject(TYPES.TokenFamilyStore) private readonly families: TokenFamilyStore,
    @inject(TYPES.RevocationStore) private readonly revocations: RevocationStore,
    @inject(TYPES.Clock) private readonly clock: Clock,
  ) {}

  async refresh({ refresh_token: token }: RefreshRequest): Promise<TokenPair> {
    const claims = await this.verifyRefresh(token);
    const family = claims['fam'];
    if (typeof family !== 'string') throw new InvalidToken('refresh invalid: no token family');
    if (await this.revocations.isRevoked(claims.jti)) throw new InvalidToken('refresh invalid: revoked');
    // Sign (and audit) the new pair before spending the old token: a 503 here leaves the client's token usable.
    const next = await this.tokens.signSession({ sub: claims.sub, role: claims.role, claims: carried(claims), family });
    if (!(await this.families.useRefresh(claims.jti, claims.exp))) {
      await this.revokeFamily(family, next.members);
      throw new InvalidToken('refresh token reused');
    }
    return this.tokens.commitSession(next);
  }

  private async verifyRefresh(token: string): Promise<VerifiedClaims> {
    let claims: VerifiedClaims;
    try {
      claims = await this.verifier.verifyRefresh(token);
    } catch (error) {
      if (!(error instanceof InvalidToken)) throw error;
      if (error instanceof TokenExpired) throw new TokenExpired('refresh expired', { cause: error });
      throw new InvalidToken(`refresh invalid: ${error.message}`, { cause: error });
    }
    if (claims['type'] !== 'refresh') throw new InvalidToken('refresh invalid: not a refresh token');
    return claims;
  }

  /** Revokes every token of `family`, and `unissued` (audited, never handed out) so the audit shows them dead. */
  private async revokeFamily(family: string, unissued: readonly FamilyMember[]): Promise<void> {
    const revokedAt = epochSeconds(this.clock);
    const members = await this.families.revokeFamily(family);
    await Promise.all(
      [...members, ...unissued].map((member) =>
        this.revocations.revoke({
          jti: member.jti,
          revoked_at: revokedAt,
          reason: 'refresh token reused',
          revoked_by: SYSTEM_REVOKER,
          exp: member.exp,
        }),
      ),
    );
  }
}

function carried(claims: VerifiedClaims): Record<string, ClaimValue> {
  const kept: Record<string, ClaimValue> = {};
  for (const [name, value] of Object.entries(claims)) {
    if (!REGISTERED.has(name) && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) {
      kept[name] = value;
    }
  }
  return kept;
}
