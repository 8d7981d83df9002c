/**
 * @module tokens/JwtTokenIssuer
 * jose-based issuer. The algorithm comes from the key store's signing key,
 * never from input, so nothing a client sends can pick the `alg`.
 */
import { randomUUID } from 'node:crypto';
import { inject, injectable } from 'inversify';
import type { ServerAuthSettings } from '../config/ServerAuthSettings.js';
import { InvalidToken } from '../errors/errors.js';
import { TYPES } from '../identifiers.js';
import type { Logger } from '../logging/Logger.js';
import type { KeyStore } from '../stores/KeyStore.js';
import type { MintAuditStore, MintKind, MintRecord } from '../stores/MintAuditStore.js';
import type { TokenFamilyStore } from '../stores/TokenFamilyStore.js';
import { epochSeconds, type Clock } from '../time/Clock.js';
import { signJwt } from './signJwt.js';
import type {
  ClaimValue,
  JwkSet,
  MintedToken,
  MintRequest,
  SessionSubject,
  TokenIssuer,
  TokenPair,
} from './TokenIssuer.js';

type Claims = Readonly<Record<string, ClaimValue>>;

const asNullableString = (value: ClaimValue | undefined): string | null =>
  value === undefined ? null : String(value);

@injectable()
export class JwtTokenIssuer implements TokenIssuer {
  constructor(
    @inject(TYPES.ServerAuthSettings) private readonly settings: ServerAuthSettings,
    @inject(TYPES.KeyStore) private readonly keys: KeyStore,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.MintAuditStore) private readonly audit: MintAuditStore,
    @inject(TYPES.TokenFamilyStore) private readonly families: TokenFamilyStore,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  async issueSession(subject: SessionSubject): Promise<TokenPair> {
    const family = subject.family ?? randomUUID();
    const base: Claims = { ...subject.claims, sub: subject.sub, role: subject.role, fam: family };
    const [access, refresh] = await Promise.all([
      this.sign(base, this.settings.access_token_expire_minutes * 60),
      this.sign({ ...base, type: 'refresh' }, this.settings.refresh_token_expire_days * 86_400),
    ]);
    if (!(await this.families.add(family, [access, refresh]))) {
      // The family was revoked (refresh reuse) while this refresh was in flight.
      throw new InvalidToken('refresh token reused');
    }
    await Promise.all([this.audited(access, base, 'access'), this.audited(refresh, base, 'refresh')]);
    return { access_token: access.token, refresh_token: refresh.token };
  }

  async mint(request: MintRequest): Promise<MintedToken> {
    const claims: Claims = { ...request.claims, sub: request.sub, role: request.role };
    const minted = await this.sign(claims, request.ttlSeconds);
    await this.audited(minted, claims, request.kind);
    return minted;
  }

  async jwks(): Promise<JwkSet> {
    const keys = await this.keys.verificationKeys();
    return { keys: keys.map((key) => key.publicJwk) };
  }

  private async sign(claims: Claims, ttlSeconds: number): Promise<MintedToken> {
    const key = await this.keys.signingKey();
    const iat = epochSeconds(this.clock);
    const exp = iat + ttlSeconds;
    const jti = randomUUID();
    const payload = { ...claims, iss: this.settings.issuer, aud: this.settings.audience, iat, exp, jti };
    return { token: await signJwt(payload, key), jti, iat, exp };
  }

  /** Records long-lived mints. A failing audit is logged and never blocks the mint. */
  private async audited(minted: MintedToken, claims: Claims, kind: MintKind): Promise<void> {
    if (minted.exp - minted.iat < this.settings.mint_audit_min_ttl_seconds) return;
    const record: MintRecord = {
      jti: minted.jti,
      sub: String(claims['sub']),
      role: String(claims['role']),
      iat: minted.iat,
      exp: minted.exp,
      kind,
      scope: asNullableString(claims['scope']),
      agent_id: asNullableString(claims['agent_id']),
      session_id: asNullableString(claims['session_id']),
    };
    try {
      await this.audit.record(record);
    } catch (error) {
      this.logger.error(`mint audit failed for jti ${minted.jti}; the token was issued anyway`, error);
    }
  }
}
