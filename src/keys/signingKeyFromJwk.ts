/**
 * @module keys/signingKeyFromJwk
 * Turns a stored private JWK into a `SigningKey`: checks that the key fits
 * the algorithm it is stored for (an RS256 entry holding a 1024-bit RSA key or
 * an EC key is refused), derives the public half, and names it by its RFC 7638
 * thumbprint.
 */
import { createPrivateKey, createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { ml_dsa65 } from '@noble/post-quantum/ml-dsa.js';
import { calculateJwkThumbprint, type JWK } from 'jose';
import type { SigningKey } from '../stores/KeyStore.js';
import { decodeBase64url, encodeBase64url } from '../tokens/base64url.js';
import type { JoseTokenAlgorithm, TokenAlgorithm } from '../tokens/TokenAlgorithm.js';
import { ML_DSA_SEED_LENGTH } from './generatePrivateJwk.js';
import { publicJwk, thumbprintMembers } from './publicJwk.js';

/** Refuses a key that does not fit `alg`; the message says why. */
function checkFits(alg: JoseTokenAlgorithm, key: KeyObject): void {
  const details = key.asymmetricKeyDetails ?? {};
  switch (alg) {
    case 'RS256':
      if (key.asymmetricKeyType !== 'rsa' || (details.modulusLength ?? 0) < 2048) {
        throw new TypeError('RS256 needs an RSA key of at least 2048 bits');
      }
      return;
    case 'ES256':
      if (key.asymmetricKeyType !== 'ec' || details.namedCurve !== 'prime256v1') {
        throw new TypeError('ES256 needs an EC key on P-256');
      }
      return;
    case 'EdDSA':
      if (key.asymmetricKeyType !== 'ed25519') throw new TypeError('EdDSA needs an Ed25519 key');
      return;
  }
}

async function finish(alg: TokenAlgorithm, publicMembers: JWK): Promise<{ kid: string; publicJwk: Readonly<JWK> }> {
  const members = thumbprintMembers(publicMembers);
  if (members === undefined) throw new TypeError(`unsupported key type ${String(publicMembers.kty)}`);
  const kid = await calculateJwkThumbprint(members, 'sha256');
  const jwk = publicJwk({ ...members, kid, alg, use: 'sig' });
  return { kid, publicJwk: Object.freeze(jwk as JWK) };
}

async function mlDsaKey(jwk: Readonly<JWK>): Promise<SigningKey> {
  const seed = typeof jwk.priv === 'string' ? decodeBase64url(jwk.priv) : undefined;
  if (jwk.kty !== 'AKP' || jwk.alg !== 'ML-DSA-65' || seed?.length !== ML_DSA_SEED_LENGTH) {
    throw new TypeError('ML-DSA-65 needs an AKP key with alg ML-DSA-65 and a 32-byte seed in priv');
  }
  const { publicKey, secretKey } = ml_dsa65.keygen(seed);
  const pub = encodeBase64url(publicKey);
  if (jwk.pub !== undefined && jwk.pub !== pub) throw new TypeError('pub does not belong to the seed in priv');
  const { kid, publicJwk: jwkOut } = await finish('ML-DSA-65', { kty: 'AKP', alg: 'ML-DSA-65', pub });
  return Object.freeze({ kid, alg: 'ML-DSA-65', privateKey: secretKey, publicKey, publicJwk: jwkOut });
}

/**
 * @throws TypeError when the JWK is not a private key that fits `alg`.
 */
export async function signingKeyFromJwk(alg: TokenAlgorithm, jwk: Readonly<JWK>): Promise<SigningKey> {
  if (alg === 'ML-DSA-65') return mlDsaKey(jwk);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: { ...jwk } as JsonWebKey, format: 'jwk' });
  } catch (cause) {
    throw new TypeError(`not a private ${alg} key: ${(cause as Error).message}`, { cause });
  }
  checkFits(alg, privateKey);
  const publicKey = createPublicKey(privateKey);
  const { kid, publicJwk: jwkOut } = await finish(alg, publicKey.export({ format: 'jwk' }) as JWK);
  return Object.freeze({ kid, alg, privateKey, publicKey, publicJwk: jwkOut });
}
