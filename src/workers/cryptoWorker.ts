/**
 * @module workers/cryptoWorker
 * Worker-thread entry of `CryptoWorkerPool`: loads each wallet scheme's
 * worker verifier (ML-DSA-65 picks the fastest engine that passes its
 * self-test), announces the engines, then answers each job. Both dispatch
 * tables come from the registries, so a new scheme or algorithm needs no
 * line here. Verifiers never throw (a bad request is simply not a valid
 * signature); a signing failure is reported back so the caller sees the error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { WALLET_ALGORITHMS, type WalletAlgorithm } from '../algorithms/names.js';
import { tokenAlgorithm } from '../tokens/tokenAlgorithms.js';
import { walletSchemes } from '../wallet/walletSchemes.js';
import type { WorkerVerifier } from '../wallet/WalletScheme.js';
import type { CryptoJob, JobReply, JobRequest, WorkerHello, WorkerStart } from './cryptoJobs.js';

const port = parentPort;
if (port === null) throw new Error('workers/cryptoWorker must run in a worker thread');

const start = (workerData ?? {}) as WorkerStart;
const verifiers = Object.fromEntries(
  await Promise.all(
    WALLET_ALGORITHMS.map(async (algorithm) => [algorithm, await walletSchemes[algorithm].fast.loadWorkerVerifier(start)] as const),
  ),
) as Readonly<Record<WalletAlgorithm, WorkerVerifier>>;

function run(job: CryptoJob): boolean | Uint8Array {
  switch (job.op) {
    case 'verify':
      try {
        return verifiers[job.algorithm].verify(job.publicKey, job.message, job.signature);
      } catch {
        return false;
      }
    case 'sign': {
      const signer = tokenAlgorithm(job.algorithm).onWorkers;
      if (signer === undefined) throw new Error(`${job.algorithm} does not sign on workers`);
      return signer.signSync(job.secretKey, job.message);
    }
  }
}

const engines = Object.fromEntries(WALLET_ALGORITHMS.map((algorithm) => [algorithm, verifiers[algorithm].engine]));
port.postMessage({ engines } as WorkerHello);
port.on('message', ({ id, job }: JobRequest) => {
  let reply: JobReply;
  try {
    reply = { id, ok: true, result: run(job) };
  } catch (error) {
    reply = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
