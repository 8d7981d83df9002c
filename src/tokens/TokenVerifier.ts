/**
 * @module tokens/TokenVerifier
 * Verifies tokens this server issued: signature against our own keys, `iss`,
 * `aud`, `exp`, algorithm tied to the key. Revocation and roles are the
 * guard's business; this only answers "did we sign this, and is it current".
 */
import { inject, injectable } from 'inversify';
import type { ServerAuthSettings } from '../config/ServerAuthSettings.js';
import { TYPES } from '../identifiers.js';
import type { KeyStore } from '../stores/KeyStore.js';
import type { Clock } from '../time/Clock.js';
import { verifyJwt, type VerifiedClaims } from './verifyJwt.js';

export interface TokenVerifier {
  /** The token's claims; throws `InvalidToken` with a short reason otherwise. */
  verify(token: string): Promise<VerifiedClaims>;
}

@injectable()
export class JwtTokenVerifier implements TokenVerifier {
  constructor(
    @inject(TYPES.ServerAuthSettings) private readonly settings: ServerAuthSettings,
    @inject(TYPES.KeyStore) private readonly keys: KeyStore,
    @inject(TYPES.Clock) private readonly clock: Clock,
  ) {}

  async verify(token: string): Promise<VerifiedClaims> {
    return verifyJwt(token, await this.keys.verificationKeys(), {
      issuer: this.settings.issuer,
      audience: this.settings.audience,
      now: this.clock.now(),
    });
  }
}
