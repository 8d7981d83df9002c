/**
 * @module tokens/TokenIssuer
 * Signs the server's JWTs (CONTRACT.md section 3) and publishes their keys.
 * Every token is recorded where it must be: in its refresh family (sessions)
 * and in the mint audit (lifetimes of at least `mint_audit_min_ttl_seconds`);
 * a token that cannot be audited is not issued (503).
 */
import type { JWK } from 'jose';
import type { MintKind } from '../stores/MintAuditStore.js';
import type { FamilyMember } from '../stores/TokenFamilyStore.js';

export type ClaimValue = string | number | boolean;

/** Who a session is for. `claims` are extra public claims copied to both tokens. */
export interface SessionSubject {
  readonly sub: string;
  readonly role: string;
  readonly claims?: Readonly<Record<string, ClaimValue>>;
  /** The family to continue (a refresh); a new one is started when absent. */
  readonly family?: string;
}

export interface TokenPair {
  readonly access_token: string;
  readonly refresh_token: string;
}

/** A single token outside any session: fleet and service tokens. */
export interface MintRequest {
  readonly sub: string;
  readonly role: string;
  readonly ttlSeconds: number;
  readonly kind: Extract<MintKind, 'fleet' | 'service'>;
  readonly claims?: Readonly<Record<string, ClaimValue>>;
}

export interface MintedToken {
  readonly token: string;
  readonly jti: string;
  readonly iat: number;
  readonly exp: number;
}

/** A session's pair, signed and audited but not yet in its family (see `TokenIssuer.signSession`). */
export interface SignedSession {
  readonly family: string;
  /** The `jti`s and expiries of both tokens: all a store keeps of them. */
  readonly members: readonly FamilyMember[];
  readonly pair: TokenPair;
}

export interface JwkSet {
  readonly keys: readonly Readonly<JWK>[];
}

export interface TokenIssuer {
  /**
   * An access token and a refresh token for one login, in `subject.family`
   * (or a new family). Throws `InvalidToken` when that family was revoked.
   */
  issueSession(subject: SessionSubject): Promise<TokenPair>;
  /**
   * The first half of `issueSession`: signs and audits the pair (503 when the
   * audit cannot record it) without touching the family. A refresh signs the
   * new pair first and spends the old token only then, so a 503 spends nothing.
   */
  signSession(subject: SessionSubject): Promise<SignedSession>;
  /** The second half: adds the pair to its family. Throws `InvalidToken` when the family was revoked. */
  commitSession(session: SignedSession): Promise<TokenPair>;
  /** One token of `ttlSeconds`, audited like any other. */
  mint(request: MintRequest): Promise<MintedToken>;
  /** The public keys validators need, private members never included. */
  jwks(): Promise<JwkSet>;
}
