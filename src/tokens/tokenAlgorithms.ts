/**
 * @module tokens/tokenAlgorithms
 * The one list of token signing algorithms: key generation and import,
 * `signJwt`, `verifyJwt`, the JWKS members and the crypto workers all look an
 * `alg` up here, and the key store's `SigningKey` type is derived from it.
 * Typed as a total map over `algorithms/names.ts` whose entries carry their
 * own key as `alg`, so a missing, extra or misfiled entry fails to compile.
 */
import type { TokenAlgorithm } from '../algorithms/names.js';
import { edDsa } from './algorithms/edDsa.js';
import { es256 } from './algorithms/es256.js';
import type { AnyJwsAlgorithm, JwsAlgorithm } from './algorithms/JwsAlgorithm.js';
import { mlDsa65Token } from './algorithms/mlDsa65.js';
import { rs256 } from './algorithms/rs256.js';

export const tokenAlgorithms = Object.freeze({
  RS256: rs256,
  ES256: es256,
  EdDSA: edDsa,
  'ML-DSA-65': mlDsa65Token,
}) satisfies { readonly [A in TokenAlgorithm]: JwsAlgorithm<A, unknown, unknown> };

/** The entry for `alg`, typed for run-time dispatch (a map lookup on the hot path). */
export function tokenAlgorithm(alg: TokenAlgorithm): AnyJwsAlgorithm {
  return tokenAlgorithms[alg];
}
