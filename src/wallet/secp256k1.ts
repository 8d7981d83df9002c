/**
 * @module wallet/secp256k1
 * ECDSA over secp256k1 with SHA-256 (SEC1 section 4.1.4), the scheme most
 * Ethereum/Bitcoin-style wallets hold keys for. Subject: the EIP-55 address.
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { InvalidRequest } from '../errors/errors.js';
import { ethereumAddress } from './ethereumAddress.js';
import { isHexOf } from './hex.js';
import type { WalletScheme } from './WalletScheme.js';

/** SEC1 section 2.3.3: compressed (02/03 ‖ x) and uncompressed (04 ‖ x ‖ y) points. */
const COMPRESSED_LENGTH = 33;
const UNCOMPRESSED_LENGTH = 65;
/** Compact r ‖ s, 32 bytes each (the IEEE P1363 form). */
const COMPACT_LENGTH = 64;
/**
 * DER SEQUENCE { INTEGER r, INTEGER s } (SEC1 appendix C.5): at least
 * 30 06 02 01 r 02 01 s, at most 2 + 2 * (2 + 33) bytes.
 */
const DER_MIN_LENGTH = 8;
const DER_MAX_LENGTH = 72;
const DER_SEQUENCE_TAG = 0x30;

type SignatureFormat = 'compact' | 'der';

/**
 * Picks the encoding from the bytes. 64 bytes is always compact: a DER
 * signature that short needs r and s with about six leading zero bytes
 * between them (odds near 2^-48), and OpenSSL's P1363 output is always 64.
 */
function signatureFormat(signature: Uint8Array): SignatureFormat | undefined {
  if (signature.length === COMPACT_LENGTH) return 'compact';
  if (
    signature.length >= DER_MIN_LENGTH &&
    signature.length <= DER_MAX_LENGTH &&
    signature[0] === DER_SEQUENCE_TAG
  ) {
    return 'der';
  }
  return undefined;
}

export const secp256k1Scheme: WalletScheme = Object.freeze({
  algorithm: 'secp256k1',

  checkFormat(publicKey: Uint8Array, signature: Uint8Array): void {
    if (publicKey.length !== COMPRESSED_LENGTH && publicKey.length !== UNCOMPRESSED_LENGTH) {
      throw new InvalidRequest('public_key must be 33 or 65 bytes for secp256k1');
    }
    // SEC1 section 3.2.2.1: the point must decode, lie on the curve and not be
    // the identity; checked here so an unusable key is a 400, not a 401.
    if (!secp256k1.utils.isValidPublicKey(publicKey)) {
      throw new InvalidRequest('invalid secp256k1 public key');
    }
    if (signatureFormat(signature) === undefined) {
      throw new InvalidRequest('signature must be a 64-byte compact or DER signature for secp256k1');
    }
  },

  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
    const format = signatureFormat(signature);
    if (format === undefined) return false;
    try {
      return secp256k1.verify(signature, message, publicKey, {
        // The signed bytes are the challenge text; ECDSA signs its SHA-256 (CONTRACT.md).
        prehash: true,
        // High-S accepted: OpenSSL-based signers emit it half the time, and the
        // challenge is single-use, so malleability gains an attacker nothing.
        lowS: false,
        format,
      });
    } catch {
      // Malformed DER, bad point, wrong lengths: a failed verification, not a crash.
      return false;
    }
  },

  canonicalAddress(publicKey: Uint8Array): string {
    return ethereumAddress(publicKey);
  },

  addressMatches(address: string, publicKey: Uint8Array): boolean {
    if (isHexOf(address, publicKey)) return true;
    try {
      // The Ethereum form always carries its 0x prefix (CONTRACT.md "sign-in").
      return address.toLowerCase() === ethereumAddress(publicKey).toLowerCase();
    } catch {
      return false;
    }
  },
});
