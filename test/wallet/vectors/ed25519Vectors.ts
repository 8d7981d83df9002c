/**
 * @module test/wallet/vectors/ed25519Vectors
 * Ed25519 for the wallet scheme contract: Wycheproof ed25519_test.json
 * (labels are our policy: RFC 8032 strict), keys from noble.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { decodeHex } from '../../../src/wallet/hex.js';
import { readVectorJson } from '../../support/vectors.js';
import type { WycheproofFile } from '../../support/wycheproof.js';
import type { SchemeVectors } from '../walletSchemeContract.js';
import { fromVectorHex } from './fromVectorHex.js';

type WycheproofEddsaFile = WycheproofFile<{ readonly publicKey: { readonly pk: string } }>;

export const ed25519Vectors: SchemeVectors = {
  files: [
    {
      file: 'wycheproof/ed25519_test.json',
      count: 151,
      cases: (path) =>
        readVectorJson<WycheproofEddsaFile>(path).testGroups.flatMap((group) =>
          group.tests.map((test) => ({
            label: `tcId ${test.tcId} (${test.result}, ${test.comment})`,
            publicKey: decodeHex(group.publicKey.pk),
            message: fromVectorHex(test.msg),
            signature: fromVectorHex(test.sig),
            expected: test.result === 'acceptable' ? undefined : test.result === 'valid',
          })),
        ),
    },
  ],
  keyPair: (seed) => ({ publicKey: ed25519.getPublicKey(seed), sign: (message) => ed25519.sign(message, seed) }),
  numRuns: 25,
};
