/**
 * @module wallet/schemes/secp256k1
 * ECDSA over secp256k1 with SHA-256 (SEC1 section 4.1.4), the scheme most
 * Ethereum/Bitcoin-style wallets hold keys for. Subject: the EIP-55 address.
 * Fast path: OpenSSL on the libuv thread pool (`secp256k1Fast`), about 4x
 * faster than pure JS.
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { InvalidRequest } from '../../errors/errors.js';
import { ethereumAddress } from '../ethereumAddress.js';
import { isHexOf } from '../hex.js';
import { COMPRESSED_LENGTH, signatureFormat, UNCOMPRESSED_LENGTH } from '../secp256k1Encoding.js';
import { verifySecp256k1OpenSsl, verifySecp256k1OpenSslAsync } from '../secp256k1Fast.js';
import type { WalletScheme } from '../WalletScheme.js';

export const secp256k1Scheme: WalletScheme<'secp256k1'> = Object.freeze({
  algorithm: 'secp256k1',

  forms: Object.freeze({
    publicKey: 'required',
    publicKeyLengths: Object.freeze([COMPRESSED_LENGTH, UNCOMPRESSED_LENGTH]),
    signatureForms: Object.freeze(['64-byte compact r ‖ s', 'DER (8 to 72 bytes)']),
    addressForms: Object.freeze([
      'the public key in hex, either SEC1 encoding (any case, optional 0x)',
      'the Ethereum address, 0x + 40 hex (any case); canonical: EIP-55',
    ]),
  }),

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

  fast: Object.freeze({
    placement: 'threadPool',
    onThreadPool: verifySecp256k1OpenSslAsync,
    loadWorkerVerifier: async () => ({ engine: 'openssl', verify: verifySecp256k1OpenSsl }),
  }),

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
