/**
 * @module wallet/mlDsa65
 * ML-DSA-65 (FIPS 204) wallet signatures: the post-quantum default. Pure mode
 * (section 5.2, not HashML-DSA) with the empty context string.
 */
import { ml_dsa65 } from '@noble/post-quantum/ml-dsa.js';
import { InvalidRequest } from '../errors/errors.js';
import { isHexOf, toHex } from './hex.js';
import type { WalletScheme } from './WalletScheme.js';

/** FIPS 204 section 4, Table 2: ML-DSA-65 public key and signature sizes. */
const PUBLIC_KEY_LENGTH = 1952;
const SIGNATURE_LENGTH = 3309;
/**
 * FIPS 204 section 5.2 (Algorithm 3): M' = 0 ‖ |ctx| ‖ ctx ‖ M. Clients sign
 * the challenge with no context; passing it explicitly keeps a library default
 * change from silently changing what we verify.
 */
const EMPTY_CONTEXT = new Uint8Array(0);

export const mlDsa65Scheme: WalletScheme = Object.freeze({
  algorithm: 'ML-DSA-65',

  checkFormat(publicKey: Uint8Array, signature: Uint8Array): void {
    if (publicKey.length !== PUBLIC_KEY_LENGTH) {
      throw new InvalidRequest('public_key must be 1952 bytes for ML-DSA-65');
    }
    if (signature.length !== SIGNATURE_LENGTH) {
      throw new InvalidRequest('signature must be 3309 bytes for ML-DSA-65');
    }
  },

  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
    try {
      // noble-post-quantum 0.7 argument order: (sig, msg, publicKey, opts).
      return ml_dsa65.verify(signature, message, publicKey, { context: EMPTY_CONTEXT });
    } catch {
      // pkDecode throws on a wrong-length key; the interface promises false.
      return false;
    }
  },

  canonicalAddress(publicKey: Uint8Array): string {
    return toHex(publicKey);
  },

  addressMatches(address: string, publicKey: Uint8Array): boolean {
    return isHexOf(address, publicKey);
  },
});
