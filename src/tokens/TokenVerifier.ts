/**
 * @module tokens/TokenVerifier
 * Verifies tokens this server issued: signature against our own keys, `iss`,
 * `aud`, `exp`, algorithm tied to the key, and the token's kind (header `typ`
 * with its own audience). Revocation and roles are the guard's business; this
 * only answers "did we sign this, is it current, and is it the right kind".
 */
import { inject, injectable } from 'inversify';
import type { ServerAuthSettings } from '../config/ServerAuthSettings.js';
import { TYPES } from '../identifiers.js';
import type { KeyStore } from '../stores/KeyStore.js';
import type { Clock } from '../time/Clock.js';
import { refreshAudience } from './refreshAudience.js';
import { ACCESS_TOKEN_TYP, REFRESH_TOKEN_TYP } from './signJwt.js';
import { verifyJwt, type VerifiedClaims } from './verifyJwt.js';

export interface TokenVerifier {
  /** An access token's claims; throws `InvalidToken` with a short reason otherwise. */
  verify(token: string): Promise<VerifiedClaims>;
  /**
   * A refresh token's claims: header `typ: refresh+jwt` with `aud` =
   * `refreshAudience`. Refresh tokens of 0.1 (`typ: JWT`, the access audience,
   * claim `type: refresh`) pass too, so sessions survive the upgrade; the
   * caller checks the `type` claim, which both forms carry.
   */
  verifyRefresh(token: string): Promise<VerifiedClaims>;
}

@injectable()
export class JwtTokenVerifier implements TokenVerifier {
  readonly #access: Readonly<Record<string, string>>;
  readonly #refresh: Readonly<Record<string, string>>;

  constructor(
    @inject(TYPES.ServerAuthSettings) private readonly settings: ServerAuthSettings,
    @inject(TYPES.KeyStore) private readonly keys: KeyStore,
    @inject(TYPES.Clock) private readonly clock: Clock,
  ) {
    this.#access = Object.freeze({ [ACCESS_TOKEN_TYP]: settings.audience });
    this.#refresh = Object.freeze({ [REFRESH_TOKEN_TYP]: refreshAudience(settings), [ACCESS_TOKEN_TYP]: settings.audience });
  }

  verify(token: string): Promise<VerifiedClaims> {
    return this.#verify(token, this.#access);
  }

  verifyRefresh(token: string): Promise<VerifiedClaims> {
    return this.#verify(token, this.#refresh);
  }

  async #verify(token: string, accept: Readonly<Record<string, string>>): Promise<VerifiedClaims> {
    return verifyJwt(token, await this.keys.verificationKeys(), { issuer: this.settings.issuer, accept, now: this.clock.now() });
  }
}
