/**
 * @module wallet/WalletVerifier
 * Picks the scheme for a wallet algorithm and verifies signatures with it.
 * Bound under `TYPES.WalletVerifier`; replace it to add an algorithm or to
 * move verification elsewhere (a worker pool, an HSM).
 */
import { inject, injectable } from 'inversify';
import type { ServerAuthSettings } from '../config/ServerAuthSettings.js';
import { UnsupportedAlgorithm } from '../errors/errors.js';
import { TYPES } from '../identifiers.js';
import { isWalletAlgorithm, type WalletAlgorithm } from './WalletAlgorithm.js';
import type { WalletScheme } from './WalletScheme.js';
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

@injectable()
export class SchemeWalletVerifier implements WalletVerifier {
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
