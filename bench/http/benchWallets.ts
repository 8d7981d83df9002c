/**
 * @module bench/http/benchWallets
 * Wallets for the load generator, generated up front. Signing uses
 * implementations other than the server's verifiers where one exists here:
 * OpenSSL for Ed25519 and secp256k1, liboqs (else noble) for ML-DSA-65.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { ml_dsa65 } from '@noble/post-quantum/ml-dsa.js';
import { ethereumAddress } from '../../src/wallet/ethereumAddress.js';
import type { BenchAlgorithm } from '../benchAlgorithms.js';

export interface BenchWallet {
  /** What the client sends as `address` (the Ethereum address for secp256k1). */
  readonly address: string;
  readonly publicKeyHex: string;
  /** Hex signature over the UTF-8 challenge. */
  sign(challenge: string): string;
}

interface OqsSigner {
  generateKeyPair(): { publicKey: Uint8Array; secretKey: Uint8Array };
  sign(message: Uint8Array, secretKey: Uint8Array): Uint8Array;
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function rawPublicKey(publicKey: KeyObject): Uint8Array {
  const jwk = publicKey.export({ format: 'jwk' });
  const x = Buffer.from(jwk.x ?? '', 'base64url');
  return jwk.y === undefined ? x : Buffer.concat([Buffer.from([4]), x, Buffer.from(jwk.y, 'base64url')]);
}

function openSslWallet(algorithm: 'Ed25519' | 'secp256k1'): BenchWallet {
  const { privateKey, publicKey } =
    algorithm === 'Ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
  const raw = rawPublicKey(publicKey);
  const digest = algorithm === 'Ed25519' ? null : 'sha256';
  return {
    address: algorithm === 'Ed25519' ? hex(raw) : ethereumAddress(raw),
    publicKeyHex: hex(raw),
    sign: (challenge) => sign(digest, utf8(challenge), privateKey).toString('hex'),
  };
}

async function mlDsaSigner(): Promise<OqsSigner> {
  try {
    const specifier = '@oqs/liboqs-js/sig';
    const module = (await import(specifier)) as { createMLDSA65(): Promise<OqsSigner> };
    return await module.createMLDSA65();
  } catch {
    return {
      generateKeyPair: () => ml_dsa65.keygen(),
      sign: (message, secretKey) => ml_dsa65.sign(message, secretKey),
    };
  }
}

export async function createWallets(algorithm: BenchAlgorithm, count: number): Promise<BenchWallet[]> {
  if (algorithm !== 'ML-DSA-65') return Array.from({ length: count }, () => openSslWallet(algorithm));
  const signer = await mlDsaSigner();
  return Array.from({ length: count }, () => {
    const { publicKey, secretKey } = signer.generateKeyPair();
    return { address: hex(publicKey), publicKeyHex: hex(publicKey), sign: (c) => hex(signer.sign(utf8(c), secretKey)) };
  });
}
