/**
 * @module tokens/algorithms/JwsAlgorithm
 * Everything about one token signing algorithm, in one object: key
 * generation, import of a stored private JWK, the public JWK members the JWKS
 * publishes, signing and verifying of the JWS signing input, and whether
 * signing goes to the crypto worker pool. A new algorithm is one file here
 * implementing this, one line in `tokenAlgorithms.ts` and its name in
 * `algorithms/names.ts`.
 */
import type { JWK } from 'jose';
import type { TokenAlgorithm } from '../../algorithms/names.js';

/** A stored key's material, as `importKey` makes it. */
export interface ImportedKey<PrivateKey, PublicKey> {
  readonly privateKey: PrivateKey;
  readonly publicKey: PublicKey;
  /** The public JWK: at least the RFC 7638 thumbprint members of `kty`. */
  readonly publicMembers: JWK;
}

export interface JwsAlgorithm<A extends TokenAlgorithm, PrivateKey, PublicKey> {
  /** The JWS `alg` (RFC 7518 section 3.1, RFC 8037, RFC 9964). */
  readonly alg: A;
  /** The JWK key type and the members RFC 7638 hashes for it: the JWKS publishes these plus `kid`, `alg`, `use`. */
  readonly jwk: { readonly kty: string; readonly members: readonly string[] };
  /** A fresh key pair as a private JWK: the form key records store. */
  generate(): Promise<JWK>;
  /** The key a stored private JWK holds; throws TypeError, saying why, when it does not fit `alg`. */
  importKey(jwk: Readonly<JWK>): ImportedKey<PrivateKey, PublicKey>;
  /** The JWS signature of the ASCII signing input `header.payload`. */
  sign(privateKey: PrivateKey, signingInput: Uint8Array): Promise<Uint8Array>;
  /** True when `signature` is valid for `signingInput`; false, never a throw, for anything invalid. */
  verify(publicKey: PublicKey, signingInput: Uint8Array, signature: Uint8Array): boolean | Promise<boolean>;
  /**
   * Present when signing is CPU-bound JS worth a worker thread: `signJwt`
   * then sends the job to the crypto worker pool, which runs this (the
   * private key must be plain bytes to cross threads).
   */
  readonly onWorkers?: { signSync(privateKey: Uint8Array, signingInput: Uint8Array): Uint8Array };
}

/** Any registry entry, for code that dispatches on `alg` at run time. */
export type AnyJwsAlgorithm = JwsAlgorithm<TokenAlgorithm, unknown, unknown>;
