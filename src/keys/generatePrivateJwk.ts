/**
 * @module keys/generatePrivateJwk
 * A fresh key pair for a token algorithm, as a private JWK: the form key files
 * store. Each algorithm's `generate` (tokens/algorithms/) says how.
 */
import type { JWK } from 'jose';
import type { TokenAlgorithm } from '../algorithms/names.js';
import { tokenAlgorithm } from '../tokens/tokenAlgorithms.js';

export function generatePrivateJwk(alg: TokenAlgorithm): Promise<JWK> {
  return tokenAlgorithm(alg).generate();
}
