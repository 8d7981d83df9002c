/**
 * @module wallet/fastVerifiers
 * The fastest correct verifier per algorithm, all asynchronous and off the
 * event loop: OpenSSL on the libuv thread pool for Ed25519 and secp256k1, the
 * crypto worker pool for ML-DSA-65 (liboqs WASM, else @noble). With
 * `'workers'`, Ed25519 and secp256k1 go to the worker pool too: it spares the
 * event loop the secp256k1 key import, but on this 2-core bench machine it
 * cost more CPU in all and did not raise throughput (README, Performance).
 * The sync `WalletScheme.verify` stays the reference; the same vectors run
 * through every path (test/unit/wallet/fastWalletVerifier.spec.ts).
 */
import { verifyEd25519OpenSslAsync } from './ed25519Fast.js';
import type { CryptoWorkerPool } from '../workers/CryptoWorkerPool.js';
import { sharedCryptoPool } from '../workers/sharedCryptoPool.js';
import { verifySecp256k1OpenSslAsync } from './secp256k1Fast.js';
import type { WalletAlgorithm } from './WalletAlgorithm.js';

export type AsyncVerify = (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => Promise<boolean>;

export type FastPath = 'workers' | 'threadPool';

export function fastVerifiers(
  path: FastPath = 'threadPool',
  workers: CryptoWorkerPool = sharedCryptoPool(),
): Readonly<Record<WalletAlgorithm, AsyncVerify>> {
  const onWorkers = (algorithm: WalletAlgorithm): AsyncVerify => (pk, msg, sig) => workers.verify(algorithm, pk, msg, sig);
  return Object.freeze({
    'ML-DSA-65': onWorkers('ML-DSA-65'),
    Ed25519: path === 'workers' ? onWorkers('Ed25519') : verifyEd25519OpenSslAsync,
    secp256k1: path === 'workers' ? onWorkers('secp256k1') : verifySecp256k1OpenSslAsync,
  });
}
