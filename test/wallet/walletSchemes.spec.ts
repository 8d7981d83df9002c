import { expect } from 'chai';
import { DEFAULT_WALLET_ALGORITHMS, WALLET_ALGORITHMS } from '../../src/algorithms/names.js';
import { walletSchemes } from '../../src/wallet/walletSchemes.js';
import { ed25519Vectors } from './vectors/ed25519Vectors.js';
import { mlDsa65Vectors } from './vectors/mlDsa65Vectors.js';
import { secp256k1Vectors } from './vectors/secp256k1Vectors.js';
import { walletSchemeContract, type SchemeVectors } from './walletSchemeContract.js';

/** One entry per registered scheme: a scheme without vectors fails to compile. */
const VECTORS: { readonly [A in keyof typeof walletSchemes]: SchemeVectors } = {
  'ML-DSA-65': mlDsa65Vectors,
  Ed25519: ed25519Vectors,
  secp256k1: secp256k1Vectors,
};

describe('wallet/walletSchemes', () => {
  it('holds exactly the names of algorithms/names.ts, each filed under its own name', () => {
    expect(Object.keys(walletSchemes)).to.deep.equal([...WALLET_ALGORITHMS]);
    for (const [name, scheme] of Object.entries(walletSchemes)) expect(scheme.algorithm).to.equal(name);
  });

  it('enables all three 0.1 schemes by default', () => {
    expect(DEFAULT_WALLET_ALGORITHMS).to.deep.equal(['ML-DSA-65', 'Ed25519', 'secp256k1']);
  });

  for (const algorithm of WALLET_ALGORITHMS) walletSchemeContract(walletSchemes[algorithm], VECTORS[algorithm]);
});
