/**
 * @module workers/cryptoJobs
 * The jobs the crypto worker threads run, and their answers. One protocol for
 * both kinds of CPU-bound work the server hands off: verifying a wallet
 * signature (any scheme of `walletSchemes`), and signing a token with an
 * algorithm marked `onWorkers` in `tokenAlgorithms` (ML-DSA-65: pure JS,
 * about 5 ms a signature).
 */
import type { TokenAlgorithm, WalletAlgorithm } from '../algorithms/names.js';
import type { WorkerVerifyOptions } from '../wallet/WalletScheme.js';

export interface VerifyJob {
  readonly op: 'verify';
  readonly algorithm: WalletAlgorithm;
  readonly publicKey: Uint8Array;
  readonly message: Uint8Array;
  readonly signature: Uint8Array;
}

/** The JWS signature of a token's signing input. */
export interface SignJob {
  readonly op: 'sign';
  readonly algorithm: TokenAlgorithm;
  /** The private key as bytes (for ML-DSA-65 the expanded 4032-byte secret key). */
  readonly secretKey: Uint8Array;
  readonly message: Uint8Array;
}

export type CryptoJob = VerifyJob | SignJob;

/** What each job answers: a verdict, or the signature bytes. */
export type JobResult<J extends CryptoJob> = J extends VerifyJob ? boolean : Uint8Array;

export interface JobRequest {
  readonly id: number;
  readonly job: CryptoJob;
}

export type JobReply =
  | { readonly id: number; readonly ok: true; readonly result: boolean | Uint8Array }
  | { readonly id: number; readonly ok: false; readonly error: string };

/** First message of every worker: the engine it verifies each wallet scheme with. */
export interface WorkerHello {
  readonly engines: Readonly<Record<WalletAlgorithm, string>>;
}

/** What a worker is started with (`workerData`). */
export type WorkerStart = WorkerVerifyOptions;
