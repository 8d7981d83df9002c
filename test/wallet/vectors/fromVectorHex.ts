/**
 * @module test/wallet/vectors/fromVectorHex
 * Vector files write empty byte strings as ''; `decodeHex` rightly refuses that.
 */
import { decodeHex } from '../../../src/wallet/hex.js';

export const fromVectorHex = (hex: string | undefined): Uint8Array =>
  hex === undefined || hex === '' ? new Uint8Array(0) : decodeHex(hex);
