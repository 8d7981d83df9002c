/**
 * @module algorithms/names
 * The names of every wallet scheme and token algorithm, and nothing else: a
 * leaf that imports nothing, so `config/` can list them in its schema without
 * depending on the implementations. The registries (`wallet/walletSchemes.ts`,
 * `tokens/tokenAlgorithms.ts`) are typed as total maps over these names, so a
 * name without an implementation, or an implementation without a name, fails
 * to compile.
 */

/**
 * Wallet schemes, in the order config errors and the default list show them.
 * `enabledByDefault: false` ships a scheme that operators must list in
 * `server_auth.supported_wallet_algorithms` to accept.
 */
const WALLET_SCHEME_NAMES = {
  'ML-DSA-65': { enabledByDefault: true },
  Ed25519: { enabledByDefault: true },
  secp256k1: { enabledByDefault: true },
} as const satisfies Readonly<Record<string, { readonly enabledByDefault: boolean }>>;

export type WalletAlgorithm = keyof typeof WALLET_SCHEME_NAMES;

/** Every wallet scheme the server implements. */
export const WALLET_ALGORITHMS: readonly WalletAlgorithm[] = Object.freeze(
  Object.keys(WALLET_SCHEME_NAMES) as WalletAlgorithm[],
);

/** The default of `server_auth.supported_wallet_algorithms`. */
export const DEFAULT_WALLET_ALGORITHMS: readonly WalletAlgorithm[] = Object.freeze(
  WALLET_ALGORITHMS.filter((name) => WALLET_SCHEME_NAMES[name].enabledByDefault),
);

export function isWalletAlgorithm(value: unknown): value is WalletAlgorithm {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(WALLET_SCHEME_NAMES, value);
}

/** JWS `alg` values this server can sign tokens with (`server_auth.algorithm`). */
export const TOKEN_ALGORITHMS = ['RS256', 'ES256', 'EdDSA', 'ML-DSA-65'] as const;

export type TokenAlgorithm = (typeof TOKEN_ALGORITHMS)[number];

export function isTokenAlgorithm(value: unknown): value is TokenAlgorithm {
  return typeof value === 'string' && (TOKEN_ALGORITHMS as readonly string[]).includes(value);
}
