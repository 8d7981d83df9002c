/**
 * @module tokens/signJwt
 * Signs a compact JWT with a key from the key store. The header is always
 * `{alg, kid, typ: "JWT"}` with `alg` taken from the key, never from input.
 * The key's `JwsAlgorithm` signs the signing input; an algorithm marked
 * `onWorkers` (ML-DSA-65) is signed on the crypto worker pool instead, off
 * the event loop.
 */
import type { JWTPayload } from 'jose';
import { sharedCryptoPool } from '../workers/sharedCryptoPool.js';
import { encodeBase64url } from './base64url.js';
import type { SigningKey } from './SigningKey.js';
import { tokenAlgorithm } from './tokenAlgorithms.js';

const ascii = new TextEncoder();

const encodeJson = (value: object): string => encodeBase64url(ascii.encode(JSON.stringify(value)));

export async function signJwt(payload: JWTPayload, key: SigningKey): Promise<string> {
  const signingInput = `${encodeJson({ alg: key.alg, kid: key.kid, typ: 'JWT' })}.${encodeJson(payload)}`;
  const input = ascii.encode(signingInput);
  const algorithm = tokenAlgorithm(key.alg);
  const signature =
    algorithm.onWorkers === undefined
      ? await algorithm.sign(key.privateKey, input)
      : await sharedCryptoPool().sign(key.alg, key.privateKey as Uint8Array, input);
  return `${signingInput}.${encodeBase64url(signature)}`;
}
