/**
 * @module wallet/WalletScheme
 * What every wallet signature scheme provides. A new algorithm is one file
 * implementing this interface plus one line in `walletSchemes.ts`.
 */
import type { WalletAlgorithm } from './WalletAlgorithm.js';

export interface WalletScheme {
  readonly algorithm: WalletAlgorithm;
  /**
   * Checks the decoded public key and signature are well-formed (lengths,
   * point encoding). Throws `InvalidRequest` (400) naming the expected length;
   * runs before the challenge is consumed, so a malformed request burns nothing.
   */
  checkFormat(publicKey: Uint8Array, signature: Uint8Array): void;
  /** True when the signature verifies. Never throws on a bad signature: returns false. */
  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean;
  /** The canonical subject for this key (lowercase hex, or EIP-55 for secp256k1). */
  canonicalAddress(publicKey: Uint8Array): string;
  /** Whether `address` (as the client sent it) names this public key; case-insensitive. */
  addressMatches(address: string, publicKey: Uint8Array): boolean;
}
