/**
 * @module wallet/WalletVerifier
 * Picks the scheme for a wallet algorithm and verifies signatures.
 * Bound under `TYPES.WalletVerifier`; replace it to add an algorithm or to
 * move verification elsewhere (an HSM, another service).
 * `SchemeWalletVerifier` verifies on the fast paths of `fastVerifiers`
 * (OpenSSL and WASM on worker threads), off the event loop, as
 * `server_auth.wallet_verify_path` says; `ReferenceWalletVerifier` runs each
 * scheme's synchronous reference `verify` in this thread.
 */
import { inject, injectable } from 'inversify';
import { isWalletAlgorithm, type WalletAlgorithm } from '../algorithms/names.js';
import type { ServerAuthSettings } from '../config/ServerAuthSettings.js';
import { UnsupportedAlgorithm } from '../errors/errors.js';
import { TYPES } from '../identifiers.js';
import { sharedCryptoPool } from '../workers/sharedCryptoPool.js';
import { fastVerifiers } from './fastVerifiers.js';
import type { AsyncVerify, WalletScheme } from './WalletScheme.js';
import { walletSchemes } from './walletSchemes.js';

export interface WalletVerifier {
  /** The scheme for `algorithm`; throws `UnsupportedAlgorithm` when unknown or disabled. */
  scheme(algorithm: string): WalletScheme;
  /** True when `signature` over `message` verifies under `publicKey`. */
  verify(
    algorithm: WalletAlgorithm,
    publicKey: Uint8Array,
    message: Uint8Array,
    signature: Uint8Array,
  ): Promise<boolean>;
}

/** Verifies with the synchronous reference implementations, in this thread. */
@injectable()
export class ReferenceWalletVerifier implements WalletVerifier {
  readonly #enabled: ReadonlySet<WalletAlgorithm>;

  constructor(@inject(TYPES.ServerAuthSettings) settings: ServerAuthSettings) {
    this.#enabled = new Set(settings.supported_wallet_algorithms);
  }

  scheme(algorithm: string): WalletScheme {
    if (!isWalletAlgorithm(algorithm) || !this.#enabled.has(algorithm)) {
      throw new UnsupportedAlgorithm(algorithm);
    }
    return walletSchemes[algorithm];
  }

  async verify(
    algorithm: WalletAlgorithm,
    publicKey: Uint8Array,
    message: Uint8Array,
    signature: Uint8Array,
  ): Promise<boolean> {
    return this.scheme(algorithm).verify(publicKey, message, signature);
  }
}

/**
 * The default: same schemes, verified on the fast paths.
 * `server_auth.wallet_verify_path` picks the path: `threadPool` (default:
 * each scheme where its `fast.placement` says), `workers` (every scheme on
 * the crypto workers), `reference` (the sync reference in this thread, as
 * before the fast paths existed; for comparisons and to rule them out).
 * `server_auth.ml_dsa_engine` is handed to the shared pool's workers.
 */
@injectable()
export class SchemeWalletVerifier extends ReferenceWalletVerifier {
  readonly #fast: Readonly<Record<WalletAlgorithm, AsyncVerify>> | undefined;

  // Inversify reads constructor metadata per class: restate the base's injection.
  constructor(@inject(TYPES.ServerAuthSettings) settings: ServerAuthSettings) {
    super(settings);
    // Settings built by hand (tests, hosts) may predate these keys: the schema defaults apply.
    const path = settings.wallet_verify_path ?? 'threadPool';
    if (path === 'reference') return;
    const pool = sharedCryptoPool();
    pool.useEngines({ 'ML-DSA-65': settings.ml_dsa_engine ?? 'auto' });
    this.#fast = fastVerifiers(path, pool);
  }

  override async verify(
    algorithm: WalletAlgorithm,
    publicKey: Uint8Array,
    message: Uint8Array,
    signature: Uint8Array,
  ): Promise<boolean> {
    const scheme = this.scheme(algorithm);
    if (this.#fast === undefined) return scheme.verify(publicKey, message, signature);
    return this.#fast[scheme.algorithm](publicKey, message, signature);
  }
}
