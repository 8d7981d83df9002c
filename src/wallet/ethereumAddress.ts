/**
 * @module wallet/ethereumAddress
 * Ethereum account address of a secp256k1 key, in EIP-55 mixed-case checksum
 * form: the canonical subject for secp256k1 wallets (CONTRACT.md "sign-in").
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

const ADDRESS_BODY = /^[0-9a-f]{40}$/;

/**
 * EIP-55: hash the lowercase hex (ASCII, without `0x`) with Keccak-256; a
 * letter is uppercased when the matching hash nibble is 8 or more.
 * Accepts any case, with or without `0x`; throws RangeError on anything that
 * is not a 20-byte hex address (programmer error: callers pass our own output).
 */
export function toChecksumAddress(hexAddress: string): string {
  const lower = hexAddress.replace(/^0x/i, '').toLowerCase();
  if (!ADDRESS_BODY.test(lower)) throw new RangeError('expected a 20-byte hex address');
  const hash = bytesToHex(keccak_256(utf8ToBytes(lower)));
  let out = '0x';
  for (let i = 0; i < lower.length; i++) {
    const char = lower[i] as string;
    out += parseInt(hash[i] as string, 16) >= 8 ? char.toUpperCase() : char;
  }
  return out;
}

/**
 * `0x` + last 20 bytes of Keccak-256 of the uncompressed point without its
 * SEC1 `04` tag (Ethereum Yellow Paper, eq. 284), EIP-55 checksummed.
 * The key is decoded first (SEC1 section 2.3.4), so the compressed and
 * uncompressed encodings of one key give one address.
 * Throws on a key that is not a curve point; run `checkFormat` first.
 */
export function ethereumAddress(publicKey: Uint8Array): string {
  const uncompressed = secp256k1.Point.fromBytes(publicKey).toBytes(false);
  const digest = keccak_256(uncompressed.subarray(1));
  return toChecksumAddress(bytesToHex(digest.subarray(-20)));
}
