/**
 * @module stores/memory/MemoryKeyStore
 * Generates one RSA-2048 signing key per process, on first use. Tokens it signs
 * stop validating when the process restarts: a development default.
 */
import { generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { calculateJwkThumbprint, exportJWK } from 'jose';
import type { TokenAlgorithm } from '../../config/ServerAuthSettings.js';
import type { KeyStore, SigningKey } from '../KeyStore.js';

const generateRsaKeyPair = promisify(generateKeyPair);

/** Builds the `SigningKey` view of a key pair: thumbprint `kid` and public JWK. */
export async function toSigningKey(
  alg: TokenAlgorithm,
  privateKey: KeyObject,
  publicKey: KeyObject,
): Promise<SigningKey> {
  const { kty, n, e } = await exportJWK(publicKey);
  const publicMembers = { kty, n, e };
  const kid = await calculateJwkThumbprint(publicMembers, 'sha256');
  return Object.freeze({
    kid,
    alg,
    privateKey,
    publicKey,
    publicJwk: Object.freeze({ ...publicMembers, kid, alg, use: 'sig' }),
  });
}

export class MemoryKeyStore implements KeyStore {
  #key: Promise<SigningKey> | undefined;

  constructor(private readonly alg: TokenAlgorithm = 'RS256') {}

  signingKey(): Promise<SigningKey> {
    this.#key ??= generateRsaKeyPair('rsa', { modulusLength: 2048 }).then(({ privateKey, publicKey }) =>
      toSigningKey(this.alg, privateKey, publicKey),
    );
    return this.#key;
  }

  async verificationKeys(): Promise<readonly SigningKey[]> {
    return [await this.signingKey()];
  }
}
