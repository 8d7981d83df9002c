/**
 * @module tokens/signJwt
 * Signs a compact JWT with a key from the key store. The header is
 * `{alg, kid, typ}` with `alg` taken from the key, never from input; `typ` is
 * `"JWT"` for access tokens and `REFRESH_TOKEN_TYP` for refresh tokens, so the
 * two kinds can never be mistaken for each other (RFC 8725 section 3.11).
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

/** Header `typ` of access tokens and every other token but refresh tokens. */
export const ACCESS_TOKEN_TYP = 'JWT';
/** Header `typ` of refresh tokens: a validator that checks `typ` refuses them as access tokens. */
export const REFRESH_TOKEN_TYP = 'refresh+jwt';

export async function signJwt(payload: JWTPayload, key: SigningKey, typ: string = ACCESS_TOKEN_TYP): Promise<string> {
  const signingInput = `${encodeJson({ alg: key.alg, kid: key.kid, typ })}.${encodeJson(payload)}`;
  const input = ascii.encode(signingInput);
  const algorithm = tokenAlgorithm(key.alg);
  const signature =
    algorithm.onWorkers === undefined
      ? await algorithm.sign(key.privateKey, input)
      : await sharedCryptoPool().sign(key.alg, key.privateKey as Uint8Array, input);
  return `${signingInput}.${encodeBase64url(signature)}`;
}
