/**
 * @module wallet/ed25519
 * Ed25519 (RFC 8032 section 5.1, pure, no context) wallet signatures, verified
 * strictly the way OpenSSL does: canonical encodings only.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { InvalidRequest } from '../errors/errors.js';
import { isHexOf, toHex } from './hex.js';
import type { WalletScheme } from './WalletScheme.js';

/** RFC 8032 section 5.1.5: a public key is the 32-byte encoding of point A. */
const PUBLIC_KEY_LENGTH = 32;
/** RFC 8032 section 5.1.6: a signature is R (32 bytes) followed by S (32 bytes). */
const SIGNATURE_LENGTH = 64;

export const ed25519Scheme: WalletScheme = Object.freeze({
  algorithm: 'Ed25519',

  checkFormat(publicKey: Uint8Array, signature: Uint8Array): void {
    if (publicKey.length !== PUBLIC_KEY_LENGTH) {
      throw new InvalidRequest('public_key must be 32 bytes for Ed25519');
    }
    if (signature.length !== SIGNATURE_LENGTH) {
      throw new InvalidRequest('signature must be 64 bytes for Ed25519');
    }
  },

  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
    try {
      // zip215: false = RFC 8032 section 5.1.7 strictness: y of A and R must be
      // below p and S below L (non-canonical encodings are rejected), matching
      // OpenSSL. ZIP-215's permissive rules would accept signatures OpenSSL-based
      // validators reject, splitting the notion of "valid" between services.
      return ed25519.verify(signature, message, publicKey, { zip215: false });
    } catch {
      // noble throws on wrong lengths; the interface promises false instead.
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
