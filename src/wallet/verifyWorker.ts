/**
 * @module wallet/verifyWorker
 * Worker-thread entry of `VerifyWorkerPool`: loads the fastest ML-DSA-65
 * engine that passes its self-test, announces it, then answers each
 * `{ id, algorithm, publicKey, message, signature }` with `{ id, ok }`,
 * verifying synchronously with the fast implementations.
 */
import { parentPort } from 'node:worker_threads';
import { verifyEd25519OpenSsl } from './ed25519Fast.js';
import { loadMlDsa65Engine } from './mlDsa65Engines.js';
import { verifySecp256k1OpenSsl } from './secp256k1Fast.js';
import type { WalletAlgorithm } from './WalletAlgorithm.js';

export interface VerifyRequest {
  readonly id: number;
  readonly algorithm: WalletAlgorithm;
  readonly publicKey: Uint8Array;
  readonly message: Uint8Array;
  readonly signature: Uint8Array;
}

export interface VerifyReply {
  readonly id: number;
  readonly ok: boolean;
}

/** First message of every worker. */
export interface WorkerHello {
  readonly engine: string;
}

const port = parentPort;
if (port === null) throw new Error('wallet/verifyWorker must run in a worker thread');

const mlDsa65 = await loadMlDsa65Engine();
const verifiers: Readonly<Record<WalletAlgorithm, (pk: Uint8Array, msg: Uint8Array, sig: Uint8Array) => boolean>> = {
  'ML-DSA-65': (publicKey, message, signature) => mlDsa65.verify(publicKey, message, signature),
  Ed25519: verifyEd25519OpenSsl,
  secp256k1: verifySecp256k1OpenSsl,
};

port.postMessage({ engine: mlDsa65.name } satisfies WorkerHello);
port.on('message', ({ id, algorithm, publicKey, message, signature }: VerifyRequest) => {
  let ok = false;
  try {
    ok = verifiers[algorithm](publicKey, message, signature);
  } catch {
    // The verifiers never throw; a bad request is simply not a valid signature.
  }
  port.postMessage({ id, ok } satisfies VerifyReply);
});
