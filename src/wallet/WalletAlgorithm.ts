/**
 * @module wallet/WalletAlgorithm
 * The wallet signature schemes a client may sign a challenge with.
 */
export const WALLET_ALGORITHMS = ['ML-DSA-65', 'Ed25519', 'secp256k1'] as const;

export type WalletAlgorithm = (typeof WALLET_ALGORITHMS)[number];

export function isWalletAlgorithm(value: unknown): value is WalletAlgorithm {
  return typeof value === 'string' && (WALLET_ALGORITHMS as readonly string[]).includes(value);
}
