/**
 * @module wallet/fastVerifiers
 * The fastest correct verifier per scheme, all asynchronous and off the event
 * loop, derived from each scheme's `fast` entry: OpenSSL on the libuv thread
 * pool for Ed25519 and secp256k1, the crypto worker pool for ML-DSA-65
 * (liboqs WASM, else @noble). With `'workers'`, every scheme goes to the
 * worker pool: it spares the event loop the secp256k1 key import, but on
 * this 2-core bench machine it cost more CPU in all and did not raise
 * throughput (README, Performance). The sync `WalletScheme.verify` stays the
 * reference; the same vectors run through every path (the wallet scheme
 * contract, test/wallet/).
 */
import { WALLET_ALGORITHMS, type WalletAlgorithm } from '../algorithms/names.js';
import type { CryptoWorkerPool } from '../workers/CryptoWorkerPool.js';
import { sharedCryptoPool } from '../workers/sharedCryptoPool.js';
import type { AsyncVerify, WalletScheme } from './WalletScheme.js';
import { walletSchemes } from './walletSchemes.js';

export type { AsyncVerify } from './WalletScheme.js';

export type FastPath = 'workers' | 'threadPool';

function fastVerifier(scheme: WalletScheme, path: FastPath, workers: CryptoWorkerPool): AsyncVerify {
  const algorithm = scheme.algorithm;
  const onWorkers: AsyncVerify = (pk, msg, sig) => workers.verify(algorithm, pk, msg, sig);
  if (path === 'workers') return onWorkers;
  switch (scheme.fast.placement) {
    case 'threadPool':
      if (scheme.fast.onThreadPool === undefined) throw new TypeError(`${algorithm}: placement threadPool needs onThreadPool`);
      return scheme.fast.onThreadPool;
    case 'workers':
      return onWorkers;
    case 'inline':
      return async (pk, msg, sig) => scheme.verify(pk, msg, sig);
  }
}

export function fastVerifiers(
  path: FastPath = 'threadPool',
  workers: CryptoWorkerPool = sharedCryptoPool(),
): Readonly<Record<WalletAlgorithm, AsyncVerify>> {
  return Object.freeze(
    Object.fromEntries(WALLET_ALGORITHMS.map((algorithm) => [algorithm, fastVerifier(walletSchemes[algorithm], path, workers)])),
  ) as Readonly<Record<WalletAlgorithm, AsyncVerify>>;
}
