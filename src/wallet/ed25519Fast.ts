/**
 * @module wallet/ed25519Fast
 * Ed25519 verification on OpenSSL, about 14x faster than pure JS. OpenSSL
 * checks RFC 8032 section 5.1.7 strictly (S < L; R compared by its canonical
 * encoding) with the cofactorless equation; the key checks of
 * `ed25519Encoding` add what it leaves out, so this never accepts a signature
 * that `ed25519Scheme` refuses. Synchronous (for the verify workers) and
 * asynchronous (libuv thread pool) forms.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { isAcceptableEd25519Key } from './ed25519Encoding.js';
import { openSslVerify } from '../crypto/openSslVerify.js';

const SIGNATURE_LENGTH = 64;

/** The KeyObject for a raw key, or undefined when the reference would refuse the key. */
function keyObject(publicKey: Uint8Array, signature: Uint8Array): KeyObject | undefined {
  if (signature.length !== SIGNATURE_LENGTH || !isAcceptableEd25519Key(publicKey)) return undefined;
  // The JWK path wraps the raw bytes without OpenSSL's DER decoders (about 5 µs, against 65 for SPKI).
  const x = Buffer.from(publicKey.buffer, publicKey.byteOffset, publicKey.byteLength).toString('base64url');
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
  } catch {
    return undefined;
  }
}

export function verifyEd25519OpenSsl(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  const key = keyObject(publicKey, signature);
  if (key === undefined) return false;
  try {
    return verify(null, message, key, signature);
  } catch {
    return false;
  }
}

export async function verifyEd25519OpenSslAsync(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
  const key = keyObject(publicKey, signature);
  return key === undefined ? false : openSslVerify(null, message, key, signature);
}
