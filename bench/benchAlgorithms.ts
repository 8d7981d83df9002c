/**
 * @module bench/benchAlgorithms
 * The wallet schemes the bench knows how to make wallets and primitives for.
 * A subset of the registry on purpose: a new scheme is benched once someone
 * adds its signer here, and it never breaks the bench's build before that.
 */
import type { WalletAlgorithm } from '../src/wallet/WalletAlgorithm.js';

export const BENCH_ALGORITHMS = ['ML-DSA-65', 'Ed25519', 'secp256k1'] as const satisfies readonly WalletAlgorithm[];

export type BenchAlgorithm = (typeof BENCH_ALGORITHMS)[number];
