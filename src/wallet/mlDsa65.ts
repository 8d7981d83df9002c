/**
 * @module wallet/mlDsa65
 * ML-DSA-65 (FIPS 204) wallet signatures: the post-quantum default. Pure mode
 * (section 5.2, not HashML-DSA) with the empty context string.
 */
import { ml_dsa65 } from '@noble/post-quantum/ml-dsa.js';
import { rawKeyScheme } from './rawKeyScheme.js';
import type { WalletScheme } from './WalletScheme.js';

/**
 * FIPS 204 section 5.2 (Algorithm 3): M' = 0 ‖ |ctx| ‖ ctx ‖ M. Clients sign
 * the challenge with no context; passing it explicitly keeps a library default
 * change from silently changing what we verify.
 */
const EMPTY_CONTEXT = new Uint8Array(0);

export const mlDsa65Scheme: WalletScheme = rawKeyScheme({
  algorithm: 'ML-DSA-65',
  /** FIPS 204 section 4, Table 2: ML-DSA-65 public key and signature sizes. */
  publicKeyLength: 1952,
  signatureLength: 3309,
  // noble-post-quantum 0.7 argument order: (sig, msg, publicKey, opts).
  verify: (publicKey, message, signature) => ml_dsa65.verify(signature, message, publicKey, { context: EMPTY_CONTEXT }),
});
