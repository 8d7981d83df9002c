/**
 * @module wallet/WalletScheme
 * Everything about one wallet signature scheme, in one object: its name, the
 * request forms it accepts, its key and signature checks, its address forms,
 * the reference `verify`, its fast path and where that runs, and (optionally)
 * public-key recovery. A new scheme is one file in `schemes/` implementing
 * this, one line in `walletSchemes.ts` and its name in `algorithms/names.ts`.
 */
import type { WalletAlgorithm } from '../algorithms/names.js';

export type SyncVerify = (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => boolean;
export type AsyncVerify = (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => Promise<boolean>;

/**
 * Where the default verifier runs a scheme: `threadPool` is an asynchronous
 * OpenSSL call on libuv's pool, `workers` the crypto worker threads
 * (`workers/CryptoWorkerPool`), `inline` the reference `verify` on the event
 * loop (for schemes too cheap to be worth a hop).
 */
export type VerifyPlacement = 'threadPool' | 'workers' | 'inline';

/** What a worker thread is told when it loads its verifiers: engine choices by algorithm (`auto` when absent). */
export interface WorkerVerifyOptions {
  readonly engines?: Readonly<Partial<Record<WalletAlgorithm, string>>>;
}

/** A verifier a worker thread runs, and the engine it runs on (reported by `CryptoWorkerPool.engines()`). */
export interface WorkerVerifier {
  readonly engine: string;
  readonly verify: SyncVerify;
}

export interface WalletFastPath {
  /** Where this scheme's fast verification runs by default (`wallet_verify_path: threadPool`). */
  readonly placement: VerifyPlacement;
  /** The libuv thread-pool verifier; required when `placement` is `threadPool`. */
  readonly onThreadPool?: AsyncVerify;
  /**
   * Builds the synchronous verifier a crypto worker runs for this scheme (its
   * fast path under `placement: workers`, or under `wallet_verify_path:
   * workers` for every scheme). Asynchronous so an engine can load (WASM).
   */
  loadWorkerVerifier(options: WorkerVerifyOptions): Promise<WorkerVerifier>;
}

/** The request fields a scheme reads, for documentation and discovery. */
export interface WalletRequestForms {
  /**
   * `required`: `public_key` must be sent. `optional`: the scheme recovers it
   * from the signature (`recoverPublicKey`) when it is absent.
   */
  readonly publicKey: 'required' | 'optional';
  /** Accepted decoded `public_key` lengths, in bytes. */
  readonly publicKeyLengths: readonly number[];
  /** Accepted `signature` encodings, in words (lengths included). */
  readonly signatureForms: readonly string[];
  /** Accepted `address` forms, in words. */
  readonly addressForms: readonly string[];
}

/** `A` ties a scheme to its registry key: `walletSchemes` is typed `{ [A in WalletAlgorithm]: WalletScheme<A> }`. */
export interface WalletScheme<A extends WalletAlgorithm = WalletAlgorithm> {
  readonly algorithm: A;
  readonly forms: WalletRequestForms;
  /**
   * Checks the decoded public key and signature are well-formed (lengths,
   * point encoding). Throws `InvalidRequest` (400) naming the expected length;
   * runs before the challenge is consumed, so a malformed request burns nothing.
   */
  checkFormat(publicKey: Uint8Array, signature: Uint8Array): void;
  /** The reference: true when the signature verifies. Never throws on a bad signature: returns false. */
  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean;
  /** The faster verifier(s) the default `WalletVerifier` uses; must agree with `verify` on every input. */
  readonly fast: WalletFastPath;
  /** The canonical subject for this key (lowercase hex, or EIP-55 for secp256k1). */
  canonicalAddress(publicKey: Uint8Array): string;
  /** Whether `address` (as the client sent it) names this public key; case-insensitive. */
  addressMatches(address: string, publicKey: Uint8Array): boolean;
  /**
   * For schemes whose `forms.publicKey` is `optional` (EIP-191 style): the
   * public key that `signature` over `message` was made with, or undefined
   * when none can be recovered. Unused by the 0.1 schemes.
   */
  recoverPublicKey?(message: Uint8Array, signature: Uint8Array): Uint8Array | undefined;
}
