import { expect } from 'chai';
import { TOKEN_ALGORITHMS } from '../../src/algorithms/names.js';
import { tokenAlgorithm, tokenAlgorithms } from '../../src/tokens/tokenAlgorithms.js';
import { tokenAlgorithmContract } from './tokenAlgorithmContract.js';

describe('tokens/tokenAlgorithms', () => {
  it('holds exactly the names of algorithms/names.ts, each filed under its own alg', () => {
    expect(Object.keys(tokenAlgorithms)).to.deep.equal([...TOKEN_ALGORITHMS]);
    for (const [alg, entry] of Object.entries(tokenAlgorithms)) expect(entry.alg).to.equal(alg);
  });

  it('signs only ML-DSA-65 on the worker pool', () => {
    expect(TOKEN_ALGORITHMS.filter((alg) => tokenAlgorithm(alg).onWorkers !== undefined)).to.deep.equal(['ML-DSA-65']);
  });

  for (const alg of TOKEN_ALGORITHMS) tokenAlgorithmContract(alg, tokenAlgorithm(alg));
});
