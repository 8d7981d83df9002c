/**
 * @module tokens/JwtTokenIssuer
 * jose-based issuer. The algorithm comes from the key store's signing key,
 * never from input, so nothing a client sends can pick the `alg`.
 *
 * A token leaves the server only once it is audited (lifetime of at least
 * `mint_audit_min_ttl_seconds`): the audit is how an operator finds and
 * revokes long-lived tokens, so a failing audit write fails the mint with 503
 * and the signed token is dropped unseen. Stores get `jti`s and expiries,
 * never token text.
 */
import { randomUUID } from 'node:crypto';
import { inject, injectable } from 'inversify';
import type { ServerAuthSettings } from '../config/ServerAuthSettings.js';
import { AuthServerError } from '../errors/AuthServerError.js';
import { InvalidToken, ServiceUnavailable } from '../errors/errors.js';
import { TYPES } from '../identifiers.js';
import type { Logger } from '../logging/Logger.js';
import type { KeyStore } from '../stores/KeyStore.js';
import type { MintAuditStore, MintKind, MintRecord } from '../stores/MintAuditStore.js';
import type { TokenFamilyStore } from '../stores/TokenFamilyStore.js';
import { epochSeconds, type Clock } from '../time/Clock.js';
import { refreshAudience } from './refreshAudience.js';
import { ACCESS_TOKEN_TYP, REFRESH_TOKEN_TYP, signJwt } from './signJwt.js';
import type {
  ClaimValue,
  JwkSet,
  MintedToken,
  MintRequest,
  SessionSubject,
  SignedSession,
  TokenIssuer,
  TokenPair,
} from './TokenIssuer.js';

type Claims = Readonly<Record<string, ClaimValue>>;

const asNullableString = (value: ClaimValue | undefined): string | null =>
  value === undefined ? null : String(value);

/** What a token is signed as: header `typ` and `aud`. */
interface TokenKind {
  readonly typ: string;
  readonly aud: string;
}

@injectable()
export class JwtTokenIssuer implements TokenIssuer {
  readonly #access: TokenKind;
  readonly #refresh: TokenKind;

  constructor(
    @inject(TYPES.ServerAuthSettings) private readonly settings: ServerAuthSettings,
    @inject(TYPES.KeyStore) private readonly keys: KeyStore,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.MintAuditStore) private readonly audit: MintAuditStore,
    @inject(TYPES.TokenFamilyStore) private readonly families: TokenFamilyStore,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {
    this.#access = { typ: ACCESS_TOKEN_TYP, aud: settings.audience };
    this.#refresh = { typ: REFRESH_TOKEN_TYP, aud: refreshAudience(settings) };
  }

  async issueSession(subject: SessionSubject): Promise<TokenPair> {
    return this.commitSession(await this.signSession(subject));
  }

  async signSession(subject: SessionSubject): Promise<SignedSession> {
    const family = subject.family ?? randomUUID();
    const base: Claims = { ...subject.claims, sub: subject.sub, role: subject.role, fam: family };
    const [access, refresh] = await Promise.all([
      this.sign(base, this.settings.access_token_expire_minutes * 60, this.#access),
      this.sign({ ...base, type: 'refresh' }, this.settings.refresh_token_expire_days * 86_400, this.#refresh),
    ]);
    await Promise.all([this.audited(access, base, 'access'), this.audited(refresh, base, 'refresh')]);
    return {
      family,
      members: [access, refresh].map(({ jti, exp }) => ({ jti, exp })),
      pair: { access_token: access.token, refresh_token: refresh.token },
    };
  }

  async commitSession(session: SignedSession): Promise<TokenPair> {
    if (!(await this.families.add(session.family, session.members))) {
      // The family was revoked (refresh reuse) while this refresh was in flight.
      throw new InvalidToken('refresh token reused');
    }
    return session.pair;
  }

  async mint(request: MintRequest): Promise<MintedToken> {
    const claims: Claims = { ...request.claims, sub: request.sub, role: request.role };
    const minted = await this.sign(claims, request.ttlSeconds, this.#access);
    await this.audited(minted, claims, request.kind);
    return minted;
  }

  async jwks(): Promise<JwkSet> {
    const keys = await this.keys.verificationKeys();
    return { keys: keys.map((key) => key.publicJwk) };
  }

  private async sign(claims: Claims, ttlSeconds: number, kind: TokenKind): Promise<MintedToken> {
    const key = await this.keys.signingKey();
    const iat = epochSeconds(this.clock);
    const exp = iat + ttlSeconds;
    const jti = randomUUID();
    const payload = { ...claims, iss: this.settings.issuer, aud: kind.aud, iat, exp, jti };
    return { token: await signJwt(payload, key, kind.typ), jti, iat, exp };
  }

  /** Records long-lived mints; a mint that cannot be recorded is not issued (503). */
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
      this.logger.error(`mint audit failed for jti ${minted.jti}; the token was not issued`, error);
      const detail = error instanceof AuthServerError && error.expose ? `: ${error.message}` : '';
      throw new ServiceUnavailable(`token not issued: the mint audit could not record it${detail}`, { cause: error });
    }
  }
}
