/**
 * @module workers/sharedCryptoPool
 * The process-wide crypto worker pool: threads are a per-process resource,
 * sized by cores. Its in-thread fallback is the reference implementations,
 * looked up in the registries like the workers' own dispatch.
 */
import { tokenAlgorithm } from '../tokens/tokenAlgorithms.js';
import { walletSchemes } from '../wallet/walletSchemes.js';
import type { CryptoJob } from './cryptoJobs.js';
import { CryptoWorkerPool } from './CryptoWorkerPool.js';

/** The reference implementation of each job, run in this thread. */
export function runInThread(job: CryptoJob): boolean | Uint8Array {
  switch (job.op) {
    case 'verify':
      return walletSchemes[job.algorithm].verify(job.publicKey, job.message, job.signature);
    case 'sign': {
      const signer = tokenAlgorithm(job.algorithm).onWorkers;
      if (signer === undefined) throw new TypeError(`${job.algorithm} does not sign on workers`);
      return signer.signSync(job.secretKey, job.message);
    }
  }
}

let pool: CryptoWorkerPool | undefined;

export function sharedCryptoPool(): CryptoWorkerPool {
  pool ??= new CryptoWorkerPool({ fallback: runInThread });
  return pool;
}

/** Terminates the shared pool's workers (they restart on next use). Idle workers never hold a process open anyway. */
export async function closeSharedCryptoPool(): Promise<void> {
  await pool?.close();
}
