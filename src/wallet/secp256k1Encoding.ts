/**
 * @module wallet/secp256k1Encoding
 * The wire forms of secp256k1 keys and signatures that the reference scheme
 * and the OpenSSL fast path both read, so the two can never disagree on them.
 */

/** SEC1 section 2.3.3: compressed (02/03 ‖ x) and uncompressed (04 ‖ x ‖ y) points. */
export const COMPRESSED_LENGTH = 33;
export const UNCOMPRESSED_LENGTH = 65;
/** Compact r ‖ s, 32 bytes each (the IEEE P1363 form). */
const COMPACT_LENGTH = 64;
/**
 * DER SEQUENCE { INTEGER r, INTEGER s } (SEC1 appendix C.5): at least
 * 30 06 02 01 r 02 01 s, at most 2 + 2 * (2 + 33) bytes.
 */
const DER_MIN_LENGTH = 8;
const DER_MAX_LENGTH = 72;
const DER_SEQUENCE_TAG = 0x30;

export type SignatureFormat = 'compact' | 'der';

/**
 * Picks the encoding from the bytes. 64 bytes is always compact: a DER
 * signature that short needs r and s with about six leading zero bytes
 * between them (odds near 2^-48), and OpenSSL's P1363 output is always 64.
 */
export function signatureFormat(signature: Uint8Array): SignatureFormat | undefined {
  if (signature.length === COMPACT_LENGTH) return 'compact';
  if (signature.length >= DER_MIN_LENGTH && signature.length <= DER_MAX_LENGTH && signature[0] === DER_SEQUENCE_TAG) {
    return 'der';
  }
  return undefined;
}

/**
 * SEC1 section 2.3.4: 02/03 for 33 bytes, 04 for 65. OpenSSL would also take
 * the "hybrid" 06/07 form, which the reference (and the contract) does not.
 */
export function hasSec1Tag(publicKey: Uint8Array): boolean {
  if (publicKey.length === COMPRESSED_LENGTH) return publicKey[0] === 0x02 || publicKey[0] === 0x03;
  return publicKey.length === UNCOMPRESSED_LENGTH && publicKey[0] === 0x04;
}
