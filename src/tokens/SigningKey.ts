/**
 * @module tokens/SigningKey
 * The key pair the server signs or verifies tokens with, derived from the
 * algorithm registry: each `alg` carries the key material its `JwsAlgorithm`
 * imports (a `KeyObject` for the node:crypto algorithms, raw bytes for
 * ML-DSA-65), so a new algorithm needs no new key type here.
 */
import type { JWK } from 'jose';
import type { TokenAlgorithm } from '../algorithms/names.js';
import type { JwsAlgorithm } from './algorithms/JwsAlgorithm.js';
import type { tokenAlgorithms } from './tokenAlgorithms.js';

type PrivateKeyOf<I> = I extends JwsAlgorithm<TokenAlgorithm, infer Private, unknown> ? Private : never;
type PublicKeyOf<I> = I extends JwsAlgorithm<TokenAlgorithm, unknown, infer Public> ? Public : never;

/** A signing key of one algorithm (or of a union of algorithms sharing key types). */
export interface SigningKeyOf<A extends TokenAlgorithm> {
  /** RFC 7638 JWK thumbprint (SHA-256) of the public key: the same key always has the same `kid`. */
  readonly kid: string;
  readonly alg: A;
  /** Public members only, with `kid`, `alg` and `use: "sig"`: exactly what the JWKS publishes. */
  readonly publicJwk: Readonly<JWK>;
  readonly privateKey: PrivateKeyOf<(typeof tokenAlgorithms)[A]>;
  readonly publicKey: PublicKeyOf<(typeof tokenAlgorithms)[A]>;
}

/** Any signing key; narrow on `alg`. */
export type SigningKey = { [A in TokenAlgorithm]: SigningKeyOf<A> }[TokenAlgorithm];

/** RS256 (RSA 2048+), ES256 (P-256) or EdDSA (Ed25519): `KeyObject`s for node:crypto. */
export type JoseSigningKey = SigningKeyOf<'RS256' | 'ES256' | 'EdDSA'>;

/** ML-DSA-65 (FIPS 204, RFC 9964): the expanded 4032-byte secret key and the raw 1952-byte public key. */
export type MlDsaSigningKey = SigningKeyOf<'ML-DSA-65'>;
