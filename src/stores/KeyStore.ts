/**
 * @module stores/KeyStore
 * Where token signing keys come from. The default generates a key in memory;
 * bind your own under `TYPES.KeyStore` to load keys from a secrets manager.
 */
import type { KeyObject } from 'node:crypto';
import type { JWK } from 'jose';
import type { TokenAlgorithm } from '../config/ServerAuthSettings.js';

export interface SigningKey {
  /** RFC 7638 JWK thumbprint of the public key: the same key always has the same `kid`. */
  readonly kid: string;
  readonly alg: TokenAlgorithm;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** Public members only, with `kid`, `alg` and `use: "sig"`. */
  readonly publicJwk: Readonly<JWK>;
}

export interface KeyStore {
  /** The key that signs new tokens. */
  signingKey(): Promise<SigningKey>;
  /** Every key whose tokens must still validate (the signing key included). */
  verificationKeys(): Promise<readonly SigningKey[]>;
}
