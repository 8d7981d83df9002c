/**
 * @module crypto/mlDsa65
 * ML-DSA-65 (FIPS 204) in one place: its sizes, the context we sign and
 * verify with, and thin wrappers around @noble/post-quantum. Wallet sign-in,
 * ML-DSA-65 tokens and the crypto workers all go through here, so the
 * parameters cannot drift apart.
 */
import { ml_dsa65 } from '@noble/post-quantum/ml-dsa.js';

/** FIPS 204 section 4, Table 2, and Algorithm 1 (the 32-byte key-generation seed xi). */
export const ML_DSA_65 = Object.freeze({
  publicKeyLength: 1952,
  secretKeyLength: 4032,
  signatureLength: 3309,
  seedLength: 32,
});

/**
 * FIPS 204 section 5.2 (Algorithm 2/3): M' = 0 ‖ |ctx| ‖ ctx ‖ M, pure mode.
 * Clients and validators use no context; passing it explicitly keeps a
 * library default change from silently changing what we sign or verify.
 */
export const EMPTY_CONTEXT: Uint8Array = new Uint8Array(0);

/** True when `signature` verifies; false (never a throw) on wrong sizes or anything invalid. */
export function mlDsa65Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (publicKey.length !== ML_DSA_65.publicKeyLength || signature.length !== ML_DSA_65.signatureLength) return false;
  try {
    // noble-post-quantum 0.7 argument order: (signature, message, publicKey, options).
    return ml_dsa65.verify(signature, message, publicKey, { context: EMPTY_CONTEXT });
  } catch {
    return false;
  }
}

/**
 * The FIPS 204 signature of `message` under the expanded secret key; throws on
 * a bad key. Hedged (fresh randomness, section 3.4) unless `deterministic`,
 * which only self-tests use.
 */
export function mlDsa65Sign(secretKey: Uint8Array, message: Uint8Array, deterministic = false): Uint8Array {
  return ml_dsa65.sign(message, secretKey, deterministic ? { context: EMPTY_CONTEXT, extraEntropy: false } : { context: EMPTY_CONTEXT });
}

/** ML-DSA.KeyGen from a 32-byte seed (FIPS 204 Algorithm 1, internal form of Algorithm 6). */
export function mlDsa65KeyPair(seed: Uint8Array): { readonly publicKey: Uint8Array; readonly secretKey: Uint8Array } {
  return ml_dsa65.keygen(seed);
}
