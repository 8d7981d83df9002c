/**
 * @module wallet/secp256k1Fast
 * ECDSA secp256k1 / SHA-256 verification on OpenSSL, about 4x faster than
 * pure JS. OpenSSL accepts high-S (as the contract requires), refuses r or s
 * outside [1, n-1] and DER that is not strict DER. Parsed keys are kept in a
 * small LRU (OpenSSL 3.0 takes about 90 µs to decode one). Synchronous (for
 * the verify workers) and asynchronous (libuv thread pool) forms.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { KeyObjectCache } from './KeyObjectCache.js';
import { openSslVerify } from '../crypto/openSslVerify.js';
import { hasSec1Tag, signatureFormat } from './secp256k1Encoding.js';

/** RFC 5480 SubjectPublicKeyInfo header up to the point: id-ecPublicKey, secp256k1 (1.3.132.0.10). */
const ALGORITHM_IDENTIFIER = Buffer.from('301006072a8648ce3d020106052b8104000a', 'hex');

const keys = new KeyObjectCache(256);

type DsaEncoding = 'der' | 'ieee-p1363';

function spki(point: Uint8Array): Buffer {
  const bitString = Buffer.concat([Buffer.from([0x03, point.length + 1, 0x00]), point]);
  return Buffer.concat([Buffer.from([0x30, ALGORITHM_IDENTIFIER.length + bitString.length]), ALGORITHM_IDENTIFIER, bitString]);
}

/** OpenSSL's name for the encoding `signatureFormat` picks. */
function dsaEncoding(signature: Uint8Array): DsaEncoding | undefined {
  const format = signatureFormat(signature);
  return format === undefined ? undefined : format === 'compact' ? 'ieee-p1363' : 'der';
}

/** The parsed key and signature encoding, or undefined when either is unusable. */
function prepare(publicKey: Uint8Array, signature: Uint8Array): { key: KeyObject; dsaEncoding: DsaEncoding } | undefined {
  const encoding = dsaEncoding(signature);
  if (encoding === undefined || !hasSec1Tag(publicKey)) return undefined;
  try {
    // OpenSSL decodes the point and refuses one off the curve.
    return { key: keys.get(publicKey, () => createPublicKey({ key: spki(publicKey), format: 'der', type: 'spki' })), dsaEncoding: encoding };
  } catch {
    return undefined;
  }
}

export function verifySecp256k1OpenSsl(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  const prepared = prepare(publicKey, signature);
  if (prepared === undefined) return false;
  try {
    return verify('sha256', message, prepared, signature);
  } catch {
    return false;
  }
}

export async function verifySecp256k1OpenSslAsync(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
  const prepared = prepare(publicKey, signature);
  return prepared === undefined ? false : openSslVerify('sha256', message, prepared.key, signature, prepared.dsaEncoding);
}
