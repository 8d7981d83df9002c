/**
 * @module workers/cryptoJobs
 * The jobs the crypto worker threads run, and their answers. One protocol for
 * both kinds of CPU-bound work the server hands off: verifying a wallet
 * signature, and signing an ML-DSA-65 token (pure JS, about 5 ms a signature).
 */
import type { WalletAlgorithm } from '../wallet/WalletAlgorithm.js';

export interface VerifyJob {
  readonly op: 'verify';
  readonly algorithm: WalletAlgorithm;
  readonly publicKey: Uint8Array;
  readonly message: Uint8Array;
  readonly signature: Uint8Array;
}

/** FIPS 204 ML-DSA-65, pure, empty context: the JWS signature of a token. */
export interface SignMlDsa65Job {
  readonly op: 'sign-ml-dsa-65';
  /** The expanded 4032-byte secret key. */
  readonly secretKey: Uint8Array;
  readonly message: Uint8Array;
}

export type CryptoJob = VerifyJob | SignMlDsa65Job;

/** What each job answers: a verdict, or the signature bytes. */
export type JobResult<J extends CryptoJob> = J extends VerifyJob ? boolean : Uint8Array;

export interface JobRequest {
  readonly id: number;
  readonly job: CryptoJob;
}

export type JobReply =
  | { readonly id: number; readonly ok: true; readonly result: boolean | Uint8Array }
  | { readonly id: number; readonly ok: false; readonly error: string };

/** First message of every worker: the ML-DSA-65 engine it verifies with. */
export interface WorkerHello {
  readonly engine: string;
}
