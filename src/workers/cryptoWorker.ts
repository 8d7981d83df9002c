/**
 * @module workers/cryptoWorker
 * Worker-thread entry of `CryptoWorkerPool`: loads the fastest ML-DSA-65
 * verifier that passes its self-test, announces it, then answers each job.
 * Verifiers never throw (a bad request is simply not a valid signature);
 * a signing failure is reported back so the caller sees the error.
 */
import { parentPort } from 'node:worker_threads';
import { ml_dsa65 } from '@noble/post-quantum/ml-dsa.js';
import { verifyEd25519OpenSsl } from '../wallet/ed25519Fast.js';
import { loadMlDsa65Engine } from '../wallet/mlDsa65Engines.js';
import { verifySecp256k1OpenSsl } from '../wallet/secp256k1Fast.js';
import type { WalletAlgorithm } from '../wallet/WalletAlgorithm.js';
import type { CryptoJob, JobReply, JobRequest, WorkerHello } from './cryptoJobs.js';

const port = parentPort;
if (port === null) throw new Error('workers/cryptoWorker must run in a worker thread');

const mlDsa65 = await loadMlDsa65Engine();
const verifiers: Readonly<Record<WalletAlgorithm, (pk: Uint8Array, msg: Uint8Array, sig: Uint8Array) => boolean>> = {
  'ML-DSA-65': (publicKey, message, signature) => mlDsa65.verify(publicKey, message, signature),
  Ed25519: verifyEd25519OpenSsl,
  secp256k1: verifySecp256k1OpenSsl,
};
const EMPTY_CONTEXT = new Uint8Array(0);

function run(job: CryptoJob): boolean | Uint8Array {
  switch (job.op) {
    case 'verify':
      try {
        return verifiers[job.algorithm](job.publicKey, job.message, job.signature);
      } catch {
        return false;
      }
    case 'sign-ml-dsa-65':
      return ml_dsa65.sign(job.message, job.secretKey, { context: EMPTY_CONTEXT });
  }
}

port.postMessage({ engine: mlDsa65.name } satisfies WorkerHello);
port.on('message', ({ id, job }: JobRequest) => {
  let reply: JobReply;
  try {
    reply = { id, ok: true, result: run(job) };
  } catch (error) {
    reply = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
