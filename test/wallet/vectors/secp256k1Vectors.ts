/**
 * @module test/wallet/vectors/secp256k1Vectors
 * secp256k1 for the wallet scheme contract: the three Wycheproof ECDSA
 * secp256k1/SHA-256 files, each case with the uncompressed and the
 * compressed key. The Bitcoin file labels high-S invalid (Bitcoin policy);
 * we accept high-S, so that file is compared with the reference instead.
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { decodeHex } from '../../../src/wallet/hex.js';
import { readVectorJson } from '../../support/vectors.js';
import type { WycheproofFile } from '../../support/wycheproof.js';
import type { SchemeVectors, VectorCase, VectorFile } from '../walletSchemeContract.js';
import { fromVectorHex } from './fromVectorHex.js';

type WycheproofEcdsaFile = WycheproofFile<{ readonly publicKey: { readonly uncompressed: string } }>;

function ecdsaFile(name: string, count: number): VectorFile {
  const byLabel = !name.includes('bitcoin');
  return {
    file: `wycheproof/${name}`,
    count: 2 * count,
    cases: (path) =>
      readVectorJson<WycheproofEcdsaFile>(path).testGroups.flatMap((group) => {
        const uncompressed = decodeHex(group.publicKey.uncompressed);
        const compressed = secp256k1.Point.fromBytes(uncompressed).toBytes(true);
        return group.tests.flatMap((test) =>
          [uncompressed, compressed].map(
            (publicKey): VectorCase => ({
              label: `tcId ${test.tcId} (${test.result}, ${test.comment}, ${publicKey.length}-byte key)`,
              publicKey,
              message: fromVectorHex(test.msg),
              signature: fromVectorHex(test.sig),
              expected: byLabel && test.result !== 'acceptable' ? test.result === 'valid' : undefined,
            }),
          ),
        );
      }),
  };
}

/** A valid secret key from any 32 bytes (reduced into [1, n - 1]). */
function secretFrom(seed: Uint8Array): Uint8Array {
  const n = secp256k1.Point.Fn.ORDER;
  const value = (BigInt(`0x${Buffer.from(seed).toString('hex')}`) % (n - 1n)) + 1n;
  return Uint8Array.from(Buffer.from(value.toString(16).padStart(64, '0'), 'hex'));
}

export const secp256k1Vectors: SchemeVectors = {
  files: [
    ecdsaFile('ecdsa_secp256k1_sha256_test.json', 476),
    ecdsaFile('ecdsa_secp256k1_sha256_p1363_test.json', 252),
    ecdsaFile('ecdsa_secp256k1_sha256_bitcoin_test.json', 463),
  ],
  keyPair: (seed) => {
    const secret = secretFrom(seed);
    const compressed = seed[0]! % 2 === 0;
    const der = seed[1]! % 2 === 0;
    return {
      publicKey: secp256k1.getPublicKey(secret, compressed),
      sign: (message) => secp256k1.sign(message, secret, { prehash: true, lowS: false, format: der ? 'der' : 'compact' }),
    };
  },
  numRuns: 25,
};
