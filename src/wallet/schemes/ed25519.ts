/**
 * @module wallet/schemes/ed25519
 * Ed25519 (RFC 8032 section 5.1, pure, no context) wallet signatures, verified
 * strictly the way OpenSSL does: canonical encodings only. Fast path: OpenSSL
 * on the libuv thread pool (`ed25519Fast`), about 14x faster than pure JS.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { verifyEd25519OpenSsl, verifyEd25519OpenSslAsync } from '../ed25519Fast.js';
import { rawKeyScheme } from '../rawKeyScheme.js';
import type { WalletScheme } from '../WalletScheme.js';

export const ed25519Scheme: WalletScheme<'Ed25519'> = rawKeyScheme({
  algorithm: 'Ed25519',
  /** RFC 8032 section 5.1.5: a public key is the 32-byte encoding of point A. */
  publicKeyLength: 32,
  /** RFC 8032 section 5.1.6: a signature is R (32 bytes) followed by S (32 bytes). */
  signatureLength: 64,
  // zip215: false = RFC 8032 section 5.1.7 strictness: y of A and R must be
  // below p and S below L (non-canonical encodings are rejected), matching
  // OpenSSL. ZIP-215's permissive rules would accept signatures OpenSSL-based
  // validators reject, splitting the notion of "valid" between services.
  verify: (publicKey, message, signature) => ed25519.verify(signature, message, publicKey, { zip215: false }),
  fast: Object.freeze({
    placement: 'threadPool',
    onThreadPool: verifyEd25519OpenSslAsync,
    loadWorkerVerifier: async () => ({ engine: 'openssl', verify: verifyEd25519OpenSsl }),
  }),
});
