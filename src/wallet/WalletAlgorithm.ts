/**
 * @module wallet/WalletAlgorithm
 * The wallet signature schemes a client may sign a challenge with. The names
 * live in the leaf `algorithms/names.ts` (config reads them too); the
 * implementations in `walletSchemes.ts`.
 */
export { DEFAULT_WALLET_ALGORITHMS, isWalletAlgorithm, WALLET_ALGORITHMS } from '../algorithms/names.js';
export type { WalletAlgorithm } from '../algorithms/names.js';
