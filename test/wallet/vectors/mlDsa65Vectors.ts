/**
 * @module test/wallet/vectors/mlDsa65Vectors
 * ML-DSA-65 for the wallet scheme contract: Wycheproof mldsa_65_verify_test
 * and the ACVP sigVer group ML-DSA-65 / external / pure. We verify with the
 * empty context only, so a context-bound case must be refused whatever its label.
 */
import { ml_dsa65 } from '@noble/post-quantum/ml-dsa.js';
import { decodeHex } from '../../../src/wallet/hex.js';
import { readVectorJson } from '../../support/vectors.js';
import type { WycheproofFile } from '../../support/wycheproof.js';
import type { SchemeVectors } from '../walletSchemeContract.js';
import { fromVectorHex } from './fromVectorHex.js';

type WycheproofMlDsaFile = WycheproofFile<{ readonly publicKey: string }, { readonly ctx?: string }>;

interface AcvpSigVerFile {
  readonly testGroups: ReadonlyArray<{
    readonly parameterSet: string;
    readonly signatureInterface: string;
    readonly preHash: string;
    readonly tests: ReadonlyArray<{ tcId: number; pk: string; message: string; context: string; signature: string; testPassed: boolean }>;
  }>;
}

export const mlDsa65Vectors: SchemeVectors = {
  files: [
    {
      file: 'wycheproof/mldsa_65_verify_test.json',
      count: 210,
      cases: (path) =>
        readVectorJson<WycheproofMlDsaFile>(path).testGroups.flatMap((group) =>
          group.tests.map((test) => ({
            label: `tcId ${test.tcId} (${test.result}, ${test.comment})`,
            publicKey: decodeHex(group.publicKey),
            message: fromVectorHex(test.msg),
            signature: fromVectorHex(test.sig),
            expected: fromVectorHex(test.ctx).length > 0 ? false : test.result === 'acceptable' ? undefined : test.result === 'valid',
          })),
        ),
    },
    {
      file: 'acvp/ML-DSA-sigVer-FIPS204/internalProjection.json.gz',
      count: 15,
      cases: (path) => {
        const group = readVectorJson<AcvpSigVerFile>(path).testGroups.find(
          (g) => g.parameterSet === 'ML-DSA-65' && g.signatureInterface === 'external' && g.preHash === 'pure',
        );
        return (group?.tests ?? []).map((test) => ({
          label: `tcId ${test.tcId} (${String(test.testPassed)})`,
          publicKey: decodeHex(test.pk),
          message: fromVectorHex(test.message),
          signature: decodeHex(test.signature),
          expected: fromVectorHex(test.context).length > 0 ? false : test.testPassed,
        }));
      },
    },
  ],
  keyPair: (seed) => {
    const { publicKey, secretKey } = ml_dsa65.keygen(seed);
    return { publicKey, sign: (message) => ml_dsa65.sign(message, secretKey) };
  },
  numRuns: 4,
};
