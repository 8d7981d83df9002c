/**
 * @module tokens/JwtTokenIssuer
 * jose-based issuer. The algorithm comes from the key store's signing key,
 * never from input, so nothing a client sends can pick the `alg`.
 */
import { randomUUID } from 'node:crypto';
import { inject, injectable } from 'inversify';
import type { JWTPayload } from 'jose';
import type { ServerAuthSettings } from '../config/ServerAuthSettings.js';
import { TYPES } from '../identifiers.js';
import type { KeyStore } from '../stores/KeyStore.js';
import { epochSeconds, type Clock } from '../time/Clock.js';
import { signJwt } from './signJwt.js';
import type { JwkSet, SessionSubject, TokenIssuer, TokenPair } from './TokenIssuer.js';

@injectable()
export class JwtTokenIssuer implements TokenIssuer {
  constructor(
    @inject(TYPES.ServerAuthSettings) private readonly settings: ServerAuthSettings,
    @inject(TYPES.KeyStore) private readonly keys: KeyStore,
    @inject(TYPES.Clock) private readonly clock: Clock,
  ) {}

  async issueSession(subject: SessionSubject): Promise<TokenPair> {
    const base = { ...subject.claims, sub: subject.sub, role: subject.role };
    const [access_token, refresh_token] = await Promise.all([
      this.sign(base, this.settings.access_token_expire_minutes * 60),
      this.sign({ ...base, type: 'refresh' }, this.settings.refresh_token_expire_days * 86_400),
    ]);
    return { access_token, refresh_token };
  }

  async jwks(): Promise<JwkSet> {
    const keys = await this.keys.verificationKeys();
    return { keys: keys.map((key) => key.publicJwk) };
  }

  private async sign(claims: JWTPayload, ttlSeconds: number): Promise<string> {
    const key = await this.keys.signingKey();
    const iat = epochSeconds(this.clock);
    return signJwt(
      { ...claims, iss: this.settings.issuer, aud: this.settings.audience, iat, exp: iat + ttlSeconds, jti: randomUUID() },
      key,
    );
  }
}
