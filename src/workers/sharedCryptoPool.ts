/**
 * @module workers/sharedCryptoPool
 * The process-wide crypto worker pool: threads are a per-process resource,
 * sized by cores. Its in-thread fallback is the reference implementations.
 */
import { ml_dsa65 } from '@noble/post-quantum/ml-dsa.js';
import { walletSchemes } from '../wallet/walletSchemes.js';
import type { CryptoJob } from './cryptoJobs.js';
import { CryptoWorkerPool } from './CryptoWorkerPool.js';

const EMPTY_CONTEXT = new Uint8Array(0);

/** The reference implementation of each job, run in this thread. */
export function runInThread(job: CryptoJob): boolean | Uint8Array {
  switch (job.op) {
    case 'verify':
      return walletSchemes[job.algorithm].verify(job.publicKey, job.message, job.signature);
    case 'sign-ml-dsa-65':
      return ml_dsa65.sign(job.message, job.secretKey, { context: EMPTY_CONTEXT });
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
