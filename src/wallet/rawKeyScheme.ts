/**
 * @module wallet/rawKeyScheme
 * The shape shared by schemes whose public key and signature have one fixed
 * length and whose subject is the key itself in lowercase hex (Ed25519,
 * ML-DSA-65). Each scheme file keeps only what is its own: the lengths, the
 * verification call and the fast path.
 */
import type { WalletAlgorithm } from '../algorithms/names.js';
import { InvalidRequest } from '../errors/errors.js';
import { isHexOf, toHex } from './hex.js';
import type { SyncVerify, WalletFastPath, WalletScheme } from './WalletScheme.js';

export interface RawKeySchemeSpec<A extends WalletAlgorithm> {
  readonly algorithm: A;
  readonly publicKeyLength: number;
  readonly signatureLength: number;
  /** The library call; may throw on malformed input (the scheme turns that into false). */
  readonly verify: SyncVerify;
  readonly fast: WalletFastPath;
}

/** The key is its own address: hex, any case, optional `0x` (CONTRACT.md "sign-in"). */
const HEX_ADDRESS_FORMS = ['the public key in hex (any case, optional 0x); canonical: lowercase hex'] as const;

export function rawKeyScheme<A extends WalletAlgorithm>(spec: RawKeySchemeSpec<A>): WalletScheme<A> {
  return Object.freeze({
    algorithm: spec.algorithm,

    forms: Object.freeze({
      publicKey: 'required',
      publicKeyLengths: Object.freeze([spec.publicKeyLength]),
      signatureForms: Object.freeze([`${spec.signatureLength} bytes`]),
      addressForms: HEX_ADDRESS_FORMS,
    }),

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

    fast: spec.fast,

    canonicalAddress(publicKey: Uint8Array): string {
      return toHex(publicKey);
    },

    addressMatches(address: string, publicKey: Uint8Array): boolean {
      return isHexOf(address, publicKey);
    },
  });
}
