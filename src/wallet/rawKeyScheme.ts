/**
 * @module wallet/rawKeyScheme
 * The shape shared by schemes whose public key and signature have one fixed
 * length and whose subject is the key itself in lowercase hex (Ed25519,
 * ML-DSA-65). Each scheme file keeps only what is its own: the lengths and
 * the verification call.
 */
import { InvalidRequest } from '../errors/errors.js';
import { isHexOf, toHex } from './hex.js';
import type { WalletAlgorithm } from './WalletAlgorithm.js';
import type { WalletScheme } from './WalletScheme.js';

export interface RawKeySchemeSpec {
  readonly algorithm: WalletAlgorithm;
  readonly publicKeyLength: number;
  readonly signatureLength: number;
  /** The library call; may throw on malformed input (the scheme turns that into false). */
  readonly verify: (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => boolean;
}

export function rawKeyScheme(spec: RawKeySchemeSpec): WalletScheme {
  return Object.freeze({
    algorithm: spec.algorithm,

    checkFormat(publicKey: Uint8Array, signature: Uint8Array): void {
      if (publicKey.length !== spec.publicKeyLength) {
        throw new InvalidRequest(`public_key must be ${spec.publicKeyLength} bytes for ${spec.algorithm}`);
      }
      if (signature.length !== spec.signatureLength) {
        throw new InvalidRequest(`signature must be ${spec.signatureLength} bytes for ${spec.algorithm}`);
      }
    },

    verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
      try {
        return spec.verify(publicKey, message, signature);
      } catch {
        // Libraries throw on wrong lengths or undecodable keys; the interface promises false.
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
}
