/**
 * @module test/support/wallets
 * Test wallets. Ed25519 and secp256k1 sign with OpenSSL through node:crypto,
 * an implementation other than the @noble code the server verifies with.
 * Node 20 has no ML-DSA, so ML-DSA-65 signs with @noble/post-quantum; its
 * verifier is cross-checked against NIST ACVP and Wycheproof vectors instead.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { ml_dsa65 } from '@noble/post-quantum/ml-dsa.js';
import type { WalletAlgorithm } from '../../src/wallet/WalletAlgorithm.js';

export interface TestWallet {
  readonly algorithm: WalletAlgorithm;
  /** Public key as the client sends it (hex). */
  readonly publicKeyHex: string;
  signHex(message: string): string;
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const fromB64url = (value: string | undefined): Buffer => Buffer.from(value ?? '', 'base64url');

/** secp256k1 group order n (SEC 2 section 2.4.1). */
export const SECP256K1_N = BigInt('0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141');

export function ed25519Wallet(): TestWallet {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    algorithm: 'Ed25519',
    publicKeyHex: hex(fromB64url(publicKey.export({ format: 'jwk' }).x)),
    signHex: (message) => hex(sign(null, Buffer.from(message, 'utf8'), privateKey)),
  };
}

export interface Secp256k1Wallet extends TestWallet {
  readonly uncompressedHex: string;
  readonly compressedHex: string;
  readonly privateKey: KeyObject;
  signDerHex(message: string): string;
  signCompactHex(message: string): string;
  /** A valid signature whose s is in the upper half of the order (not low-S). */
  signHighSCompactHex(message: string): string;
}

export function secp256k1Wallet(): Secp256k1Wallet {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
  const jwk = publicKey.export({ format: 'jwk' });
  const x = fromB64url(jwk.x);
  const y = fromB64url(jwk.y);
  const uncompressedHex = hex(Buffer.concat([Buffer.from([4]), x, y]));
  const compressedHex = hex(Buffer.concat([Buffer.from([(y[31]! & 1) === 1 ? 3 : 2]), x]));
  const signCompact = (message: string): Buffer =>
    sign('sha256', Buffer.from(message, 'utf8'), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return {
    algorithm: 'secp256k1',
    publicKeyHex: uncompressedHex,
    uncompressedHex,
    compressedHex,
    privateKey,
    signHex: (message) => hex(sign('sha256', Buffer.from(message, 'utf8'), privateKey)),
    signDerHex: (message) => hex(sign('sha256', Buffer.from(message, 'utf8'), privateKey)),
    signCompactHex: (message) => hex(signCompact(message)),
    signHighSCompactHex: (message) => {
      const sig = signCompact(message);
      const s = BigInt(`0x${sig.subarray(32).toString('hex')}`);
      const high = s > SECP256K1_N / 2n ? s : SECP256K1_N - s;
      return sig.subarray(0, 32).toString('hex') + high.toString(16).padStart(64, '0');
    },
  };
}

export function mlDsa65Wallet(): TestWallet {
  const { publicKey, secretKey } = ml_dsa65.keygen();
  return {
    algorithm: 'ML-DSA-65',
    publicKeyHex: hex(publicKey),
    signHex: (message) => hex(ml_dsa65.sign(new TextEncoder().encode(message), secretKey)),
  };
}

/** Makers of the HTTP tests' wallets; a scheme without one here is covered by its contract suite only. */
const WALLETS: Readonly<Partial<Record<WalletAlgorithm, () => TestWallet>>> = {
  Ed25519: ed25519Wallet,
  secp256k1: secp256k1Wallet,
  'ML-DSA-65': mlDsa65Wallet,
};

export function walletFor(algorithm: WalletAlgorithm): TestWallet {
  const make = WALLETS[algorithm];
  if (make === undefined) throw new RangeError(`no test wallet for ${algorithm}`);
  return make();
}

