/**
 * @module keys/signingKeyFromJwk
 * Turns a stored private JWK into a `SigningKey`: the algorithm's `importKey`
 * checks that the key fits the algorithm it is stored for (an RS256 entry
 * holding a 1024-bit RSA key or an EC key is refused) and derives the public
 * half; here it is named by its RFC 7638 thumbprint.
 */
import { calculateJwkThumbprint, type JWK } from 'jose';
import type { TokenAlgorithm } from '../algorithms/names.js';
import type { SigningKey } from '../tokens/SigningKey.js';
import { tokenAlgorithm } from '../tokens/tokenAlgorithms.js';
import { publicJwk, thumbprintMembers } from './publicJwk.js';

/**
 * @throws TypeError when the JWK is not a private key that fits `alg`.
 */
export async function signingKeyFromJwk(alg: TokenAlgorithm, jwk: Readonly<JWK>): Promise<SigningKey> {
  const { privateKey, publicKey, publicMembers } = tokenAlgorithm(alg).importKey(jwk);
  const members = thumbprintMembers(publicMembers);
  if (members === undefined) throw new TypeError(`unsupported key type ${String(publicMembers.kty)}`);
  const kid = await calculateJwkThumbprint(members, 'sha256');
  const jwkOut = Object.freeze(publicJwk({ ...members, kid, alg, use: 'sig' }) as JWK);
  return Object.freeze({ kid, alg, privateKey, publicKey, publicJwk: jwkOut }) as SigningKey;
}
