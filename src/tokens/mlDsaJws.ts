/**
 * @module tokens/mlDsaJws
 * ML-DSA-65 compact JWS (RFC 9964, as pico-client-auth reads it): the
 * signature is the raw 3309-byte FIPS 204 signature, pure ML-DSA with the
 * empty context, over the ASCII bytes of `header.payload`. jose does not
 * support ML-DSA on Node 20, so both halves are built on @noble/post-quantum.
 */
import { ml_dsa65 } from '@noble/post-quantum/ml-dsa.js';
import { sharedCryptoPool } from '../workers/sharedCryptoPool.js';
import { encodeBase64url } from './base64url.js';

/** FIPS 204 section 4, Table 2. */
export const ML_DSA_65_SIGNATURE_LENGTH = 3309;
/** Pure mode with an empty context (FIPS 204 section 5.2), stated rather than left to a library default. */
const EMPTY_CONTEXT = new Uint8Array(0);
const ascii = new TextEncoder();

/**
 * Signs `header` and `payload` as a compact JWS. The signature (about 5 ms of
 * pure JS) is computed on the crypto worker pool, off the event loop.
 */
export async function signMlDsaJws(header: object, payload: object, secretKey: Uint8Array): Promise<string> {
  const encode = (value: object): string => encodeBase64url(ascii.encode(JSON.stringify(value)));
  const signingInput = `${encode(header)}.${encode(payload)}`;
  const signature = await sharedCryptoPool().signMlDsa65(secretKey, ascii.encode(signingInput));
  return `${signingInput}.${encodeBase64url(signature)}`;
}

/** True when `signature` is a valid ML-DSA-65 signature of the ASCII `signingInput` under `publicKey`. */
export function verifyMlDsaJws(signingInput: string, signature: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.length !== ML_DSA_65_SIGNATURE_LENGTH) return false;
  try {
    // noble-post-quantum 0.7 argument order: (signature, message, publicKey, options).
    return ml_dsa65.verify(signature, ascii.encode(signingInput), publicKey, { context: EMPTY_CONTEXT });
  } catch {
    return false;
  }
}
