/**
 * @module wallet/schemes/mlDsa65
 * ML-DSA-65 (FIPS 204) wallet signatures: the post-quantum default. Pure mode
 * (section 5.2, not HashML-DSA) with the empty context string; parameters and
 * engines in `crypto/`. Fast path: the crypto worker pool, where about 1.3 ms
 * of pure JS (or 0.15 ms of liboqs WASM) per verification stays off the event loop.
 */
import { ML_DSA_65, mlDsa65Verify } from '../../crypto/mlDsa65.js';
import { loadMlDsa65Engine } from '../../crypto/mlDsa65Engines.js';
import { rawKeyScheme } from '../rawKeyScheme.js';
import type { WalletScheme, WorkerVerifyOptions } from '../WalletScheme.js';

export const mlDsa65Scheme: WalletScheme<'ML-DSA-65'> = rawKeyScheme({
  algorithm: 'ML-DSA-65',
  publicKeyLength: ML_DSA_65.publicKeyLength,
  signatureLength: ML_DSA_65.signatureLength,
  verify: mlDsa65Verify,
  fast: Object.freeze({
    placement: 'workers',
    // `server_auth.ml_dsa_engine` reaches the workers as `engines['ML-DSA-65']`.
    loadWorkerVerifier: async ({ engines }: WorkerVerifyOptions) => {
      const engine = await loadMlDsa65Engine(engines?.['ML-DSA-65']);
      return { engine: engine.name, verify: engine.verify };
    },
  }),
});
