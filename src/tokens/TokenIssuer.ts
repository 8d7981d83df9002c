/**
 * @module tokens/TokenIssuer
 * Signs the server's JWTs (CONTRACT.md section 3) and publishes their keys.
 */
import type { JWK } from 'jose';

/** Who a session is for. `claims` are extra public claims copied to both tokens. */
export interface SessionSubject {
  readonly sub: string;
  readonly role: string;
  readonly claims?: Readonly<Record<string, string | number | boolean>>;
}

export interface TokenPair {
  readonly access_token: string;
  readonly refresh_token: string;
}

export interface JwkSet {
  readonly keys: readonly Readonly<JWK>[];
}

export interface TokenIssuer {
  /** An access token and a refresh token for one login. */
  issueSession(subject: SessionSubject): Promise<TokenPair>;
  /** The public keys validators need, private members never included. */
  jwks(): Promise<JwkSet>;
}
