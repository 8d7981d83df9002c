/**
 * @module crypto/openSslVerify
 * `crypto.verify` with a callback: OpenSSL runs the check on the libuv thread
 * pool, off the event loop. Every failure (bad key, malformed signature,
 * OpenSSL error) is a plain `false`, as every verifier here promises.
 */
import { verify, type KeyObject } from 'node:crypto';

export function openSslVerify(
  digest: 'sha256' | null,
  message: Uint8Array,
  key: KeyObject,
  signature: Uint8Array,
  dsaEncoding?: 'der' | 'ieee-p1363',
): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      const keyInput = dsaEncoding === undefined ? key : { key, dsaEncoding };
      verify(digest, message, keyInput, signature, (error, ok) => resolve(error === null && ok === true));
    } catch {
      resolve(false);
    }
  });
}
