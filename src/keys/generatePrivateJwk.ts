/**
 * @module keys/generatePrivateJwk
 * A fresh key pair for a token algorithm, as a private JWK: the form key files
 * store. RS256 keys are RSA-2048 with e = 65537 (CONTRACT.md section 3);
 * ML-DSA-65 keys are the RFC 9964 AKP form whose `priv` is the 32-byte FIPS
 * 204 seed the whole key pair is derived from.
 */
import { generateKeyPair, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { ml_dsa65 } from '@noble/post-quantum/ml-dsa.js';
import type { JWK } from 'jose';
import { encodeBase64url } from '../tokens/base64url.js';
import type { TokenAlgorithm } from '../tokens/TokenAlgorithm.js';

const generate = promisify(generateKeyPair);

/** FIPS 204 ML-DSA.KeyGen seed length (xi, 32 bytes). */
export const ML_DSA_SEED_LENGTH = 32;

async function nodeKeyPair(alg: Exclude<TokenAlgorithm, 'ML-DSA-65'>): Promise<JWK> {
  switch (alg) {
    case 'RS256': {
      const { privateKey } = await generate('rsa', { modulusLength: 2048, publicExponent: 0x10001 });
      return privateKey.export({ format: 'jwk' }) as JWK;
    }
    case 'ES256': {
      const { privateKey } = await generate('ec', { namedCurve: 'P-256' });
      return privateKey.export({ format: 'jwk' }) as JWK;
    }
    case 'EdDSA': {
      const { privateKey } = await generate('ed25519', {});
      return privateKey.export({ format: 'jwk' }) as JWK;
    }
  }
}

export async function generatePrivateJwk(alg: TokenAlgorithm): Promise<JWK> {
  if (alg !== 'ML-DSA-65') return nodeKeyPair(alg);
  const seed = randomBytes(ML_DSA_SEED_LENGTH);
  const { publicKey } = ml_dsa65.keygen(seed);
  return { kty: 'AKP', alg, pub: encodeBase64url(publicKey), priv: encodeBase64url(seed) };
}
