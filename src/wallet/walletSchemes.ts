/**
 * @module wallet/walletSchemes
 * The registry the sign-in service looks algorithms up in. Typed as a full
 * Record so adding a `WalletAlgorithm` without a scheme fails to compile.
 */
import type { WalletAlgorithm } from './WalletAlgorithm.js';
import type { WalletScheme } from './WalletScheme.js';
import { ed25519Scheme } from './ed25519.js';
import { mlDsa65Scheme } from './mlDsa65.js';
import { secp256k1Scheme } from './secp256k1.js';

export const walletSchemes: Readonly<Record<WalletAlgorithm, WalletScheme>> = Object.freeze({
  'ML-DSA-65': mlDsa65Scheme,
  Ed25519: ed25519Scheme,
  secp256k1: secp256k1Scheme,
});
