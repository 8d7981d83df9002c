/**
 * @module tokens/algorithms/mlDsa65
 * ML-DSA-65 tokens (RFC 9964, as pico-client-auth reads them): the key is the
 * AKP JWK whose `priv` is the 32-byte FIPS 204 seed the whole key pair is
 * derived from; the signature is the raw 3309-byte FIPS 204 signature, pure
 * with the empty context, over the ASCII `header.payload`. jose cannot do
 * ML-DSA on Node 20, so this is @noble/post-quantum (via `crypto/mlDsa65`).
 * Signing is about 5 ms of pure JS, so it runs on the crypto worker pool.
 */
import { randomBytes } from 'node:crypto';
import type { JWK } from 'jose';
import { ML_DSA_65, mlDsa65KeyPair, mlDsa65Sign, mlDsa65Verify } from '../../crypto/mlDsa65.js';
import { decodeBase64url, encodeBase64url } from '../base64url.js';
import type { JwsAlgorithm } from './JwsAlgorithm.js';

export const mlDsa65Token: JwsAlgorithm<'ML-DSA-65', Uint8Array, Uint8Array> = Object.freeze({
  alg: 'ML-DSA-65',
  jwk: { kty: 'AKP', members: ['kty', 'alg', 'pub'] },

  async generate(): Promise<JWK> {
    const seed = randomBytes(ML_DSA_65.seedLength);
    const { publicKey } = mlDsa65KeyPair(seed);
    return { kty: 'AKP', alg: 'ML-DSA-65', pub: encodeBase64url(publicKey), priv: encodeBase64url(seed) };
  },

  importKey(jwk: Readonly<JWK>) {
    const seed = typeof jwk.priv === 'string' ? decodeBase64url(jwk.priv) : undefined;
    if (jwk.kty !== 'AKP' || jwk.alg !== 'ML-DSA-65' || seed?.length !== ML_DSA_65.seedLength) {
      throw new TypeError('ML-DSA-65 needs an AKP key with alg ML-DSA-65 and a 32-byte seed in priv');
    }
    const { publicKey, secretKey } = mlDsa65KeyPair(seed);
    const pub = encodeBase64url(publicKey);
    if (jwk.pub !== undefined && jwk.pub !== pub) throw new TypeError('pub does not belong to the seed in priv');
    return { privateKey: secretKey, publicKey, publicMembers: { kty: 'AKP', alg: 'ML-DSA-65', pub } };
  },

  async sign(privateKey: Uint8Array, signingInput: Uint8Array): Promise<Uint8Array> {
    return mlDsa65Sign(privateKey, signingInput);
  },

  verify: (publicKey: Uint8Array, signingInput: Uint8Array, signature: Uint8Array): boolean =>
    mlDsa65Verify(publicKey, signingInput, signature),

  onWorkers: { signSync: mlDsa65Sign },
});
