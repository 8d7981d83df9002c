/**
 * @module wallet/fastVerifiers
 * The fastest correct verifier per algorithm, all asynchronous and off the
 * event loop: OpenSSL on the libuv thread pool for Ed25519 and secp256k1, the
 * verify worker pool for ML-DSA-65 (liboqs WASM, else @noble). With
 * `'workers'`, Ed25519 and secp256k1 go to the worker pool too: it spares the
 * event loop the secp256k1 key import, but on this 2-core bench machine it
 * cost more CPU in all and did not raise throughput (README, Performance).
 * The sync `WalletScheme.verify` stays the reference; the same vectors run
 * through every path (test/unit/wallet/fastWalletVerifier.spec.ts).
 */
import { verifyEd25519OpenSslAsync } from './ed25519Fast.js';
import { verifySecp256k1OpenSslAsync } from './secp256k1Fast.js';
import { VerifyWorkerPool } from './VerifyWorkerPool.js';
import type { WalletAlgorithm } from './WalletAlgorithm.js';
import { walletSchemes } from './walletSchemes.js';

export type AsyncVerify = (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => Promise<boolean>;

export type FastPath = 'workers' | 'threadPool';

let pool: VerifyWorkerPool | undefined;

/** The process-wide pool: threads are a per-process resource, sized by cores. */
export function sharedVerifyPool(): VerifyWorkerPool {
  pool ??= new VerifyWorkerPool({
    // A dead worker's tasks are answered by the reference implementations.
    fallback: (algorithm, publicKey, message, signature) => walletSchemes[algorithm].verify(publicKey, message, signature),
  });
  return pool;
}

/** Terminates the shared pool's workers (they restart on next use). Idle workers never hold a process open anyway. */
export async function closeSharedVerifyPool(): Promise<void> {
  await pool?.close();
}

export function fastVerifiers(
  path: FastPath = 'threadPool',
  workers: VerifyWorkerPool = sharedVerifyPool(),
): Readonly<Record<WalletAlgorithm, AsyncVerify>> {
  const onWorkers = (algorithm: WalletAlgorithm): AsyncVerify => (pk, msg, sig) => workers.verify(algorithm, pk, msg, sig);
  return Object.freeze({
    'ML-DSA-65': onWorkers('ML-DSA-65'),
    Ed25519: path === 'workers' ? onWorkers('Ed25519') : verifyEd25519OpenSslAsync,
    secp256k1: path === 'workers' ? onWorkers('secp256k1') : verifySecp256k1OpenSslAsync,
  });
}
