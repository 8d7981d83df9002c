/**
 * @module wallet/walletSchemes
 * The one list of wallet schemes: the sign-in service, the default verifier,
 * the worker threads and the in-thread fallback all look algorithms up here.
 * Typed as a total map over `algorithms/names.ts` whose entries carry their
 * own key as `algorithm`, so a name without a scheme, a scheme without a
 * name, or a scheme filed under another name fails to compile. A new scheme
 * is one file in `schemes/` and one line here (plus its name in `names.ts`,
 * which also says whether it is on by default).
 */
import type { WalletAlgorithm } from '../algorithms/names.js';
import { ed25519Scheme } from './schemes/ed25519.js';
import { mlDsa65Scheme } from './schemes/mlDsa65.js';
import { secp256k1Scheme } from './schemes/secp256k1.js';
import type { WalletScheme } from './WalletScheme.js';

export const walletSchemes: { readonly [A in WalletAlgorithm]: WalletScheme<A> } = Object.freeze({
  'ML-DSA-65': mlDsa65Scheme,
  Ed25519: ed25519Scheme,
  secp256k1: secp256k1Scheme,
});
