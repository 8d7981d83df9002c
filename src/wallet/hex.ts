/**
 * @module wallet/hex
 * Strict hex codec for wallet fields (CONTRACT.md "sign-in": hex,
 * case-insensitive, optional `0x` prefix). Validation happens before decoding
 * because lenient decoders (e.g. `Buffer.from(s, 'hex')`) silently stop at the
 * first bad character, which would turn a typo into a different key.
 */
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { InvalidRequest } from '../errors/errors.js';

// Whole string must be pairs of hex digits; at least one byte.
const HEX_BODY = /^(?:[0-9a-fA-F]{2})+$/;

/** Removes one leading `0x` / `0X`, if present. */
function stripPrefix(value: string): string {
  return value.startsWith('0x') || value.startsWith('0X') ? value.slice(2) : value;
}

/**
 * Decodes client-supplied hex. Empty (after the prefix), odd-length or
 * non-hex input is a client error: 400 `invalid hex encoding`.
 */
export function decodeHex(value: string): Uint8Array {
  // Typed as string, but JSON bodies reach here: refuse anything else as bad input.
  if (typeof value !== 'string') throw new InvalidRequest('invalid hex encoding');
  const body = stripPrefix(value);
  if (!HEX_BODY.test(body)) throw new InvalidRequest('invalid hex encoding');
  return hexToBytes(body.toLowerCase());
}

/** Lowercase hex without prefix: the canonical text form of keys (CONTRACT.md "sign-in"). */
export function toHex(bytes: Uint8Array): string {
  return bytesToHex(bytes);
}

/**
 * Whether `value` (optional `0x`, any case) spells exactly `bytes` in hex.
 * Used by `addressMatches`; addresses are public, so no constant-time compare.
 */
export function isHexOf(value: string, bytes: Uint8Array): boolean {
  return stripPrefix(value).toLowerCase() === toHex(bytes);
}
