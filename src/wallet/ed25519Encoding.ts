/**
 * @module wallet/ed25519Encoding
 * Checks on an Ed25519 public key's 32-byte encoding that OpenSSL leaves to
 * the verification equation, so the OpenSSL fast path refuses exactly the
 * keys the strict reference (`ed25519Scheme`, RFC 8032 section 5.1.3 decoding
 * plus a small-order check) refuses.
 */

/**
 * RFC 8032 section 5.1.3 step 1: the y coordinate (bit 255 cleared) must be
 * below p = 2^255 - 19. Encodings with y >= p are exactly those whose low 255
 * bits are 0x7fff...ff followed by a first byte of 0xed or more.
 */
export function hasCanonicalY(publicKey: Uint8Array): boolean {
  if (publicKey.length !== 32) return false;
  if ((publicKey[31]! & 0x7f) !== 0x7f) return true;
  for (let i = 30; i >= 1; i--) if (publicKey[i] !== 0xff) return true;
  return publicKey[0]! < 0xed;
}

/**
 * The eight points of order dividing 8 (the torsion subgroup of edwards25519)
 * in canonical encoding, plus the two encodings of the x = 0 points with the
 * sign bit set (step 4 of section 5.1.3 rejects those). A signature under such
 * a key proves nothing: anyone can forge one for any message, because [k]A
 * vanishes (up to the cofactor) from the verification equation. The values
 * are recomputed from the curve in test/wallet/fastPaths.spec.ts.
 */
const SMALL_ORDER_ENCODINGS: ReadonlySet<string> = new Set([
  '0100000000000000000000000000000000000000000000000000000000000000', // (0, 1): the identity
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', // (0, -1): order 2
  '0000000000000000000000000000000000000000000000000000000000000000', // (+-sqrt(-1), 0): order 4
  '0000000000000000000000000000000000000000000000000000000000000080',
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05', // order 8
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85',
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa',
  '0100000000000000000000000000000000000000000000000000000000000080', // x = 0 with the sign bit set
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff',
]);

function isSmallOrderEncoding(publicKey: Uint8Array): boolean {
  return SMALL_ORDER_ENCODINGS.has(Buffer.from(publicKey.buffer, publicKey.byteOffset, publicKey.byteLength).toString('hex'));
}

/** Keys that the strict reference accepts as points and that are not of small order. */
export function isAcceptableEd25519Key(publicKey: Uint8Array): boolean {
  return hasCanonicalY(publicKey) && !isSmallOrderEncoding(publicKey);
}

export { SMALL_ORDER_ENCODINGS };
