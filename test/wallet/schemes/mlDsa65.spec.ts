import { ml_dsa65 } from '@noble/post-quantum/ml-dsa.js';
import { expect } from 'chai';
import fc from 'fast-check';
import { InvalidRequest } from '../../../src/errors/errors.js';
import { decodeHex, toHex } from '../../../src/wallet/hex.js';
import { mlDsa65Scheme } from '../../../src/wallet/schemes/mlDsa65.js';
import { readVectorJson, requireVector } from '../../support/vectors.js';
import type { WycheproofFile } from '../../support/wycheproof.js';

type WycheproofMlDsaFile = WycheproofFile<{ readonly publicKey: string }, { readonly ctx?: string }>;

interface AcvpSigVerFile {
  readonly testGroups: ReadonlyArray<{
    readonly tgId: number;
    readonly parameterSet: string;
    readonly signatureInterface: string;
    readonly preHash: string;
    readonly tests: ReadonlyArray<{
      readonly tcId: number;
      readonly pk: string;
      readonly message: string;
      readonly context: string;
      readonly signature: string;
      readonly testPassed: boolean;
      readonly reason?: string;
    }>;
  }>;
}

/** Vector files write empty byte strings as ''; decodeHex rightly refuses that. */
const fromVectorHex = (hex: string | undefined): Uint8Array =>
  hex === undefined || hex === '' ? new Uint8Array(0) : decodeHex(hex);

function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const copy = Uint8Array.from(bytes);
  const index = Math.floor(bit / 8) % copy.length;
  copy[index] = (copy[index] as number) ^ (1 << (bit % 8));
  return copy;
}

describe('wallet/mlDsa65Scheme', () => {
  it('names its algorithm ML-DSA-65', () => {
    expect(mlDsa65Scheme.algorithm).to.equal('ML-DSA-65');
  });

  describe('verify()', () => {
    describe('when given Wycheproof mldsa_65_verify_test.json', () => {
      const file = 'wycheproof/mldsa_65_verify_test.json';
      let data: WycheproofMlDsaFile;
      before(function () {
        data = readVectorJson<WycheproofMlDsaFile>(requireVector(this, file));
      });

      it('agrees with every label, rejects any non-empty context, and flags wrong lengths in checkFormat', () => {
        const mismatches: string[] = [];
        const seen = { emptyContext: 0, nonEmptyContext: 0, wrongLength: 0 };
        for (const group of data.testGroups) {
          const publicKey = decodeHex(group.publicKey);
          for (const test of group.tests) {
            const label = `tcId ${test.tcId} (${test.result}, ${test.comment})`;
            const message = fromVectorHex(test.msg);
            const signature = fromVectorHex(test.sig);
            const context = fromVectorHex(test.ctx);
            let got: boolean | string;
            try {
              got = mlDsa65Scheme.verify(publicKey, message, signature);
            } catch (err) {
              got = `threw ${String(err)}`;
            }
            let formatError: unknown;
            try {
              mlDsa65Scheme.checkFormat(publicKey, signature);
            } catch (err) {
              formatError = err;
            }
            const wrongLength = publicKey.length !== 1952 || signature.length !== 3309;
            if (wrongLength) {
              seen.wrongLength++;
              if (!(formatError instanceof InvalidRequest)) mismatches.push(`${label}: checkFormat did not throw`);
            } else if (formatError !== undefined) {
              mismatches.push(`${label}: checkFormat threw ${String(formatError)}`);
            }

            if (context.length > 0) {
              // We verify FIPS 204 pure signatures with the EMPTY context only, so every
              // case signed under a non-empty context must be refused, valid label or not.
              seen.nonEmptyContext++;
              if (got !== false) mismatches.push(`${label}: non-empty context accepted (${String(got)})`);
              // Prove the case was read right: noble with the given context agrees with the label.
              if (test.result === 'valid' && !ml_dsa65.verify(signature, message, publicKey, { context })) {
                mismatches.push(`${label}: ml_dsa65 with ctx rejected a valid case`);
              }
            } else {
              seen.emptyContext++;
              const ok = test.result === 'acceptable' ? typeof got === 'boolean' : got === (test.result === 'valid');
              if (!ok) mismatches.push(`${label}: got ${String(got)}`);
            }
          }
        }
        expect(mismatches).to.deep.equal([]);
        expect(seen.emptyContext + seen.nonEmptyContext).to.equal(data.numberOfTests).and.to.equal(210);
        expect(seen).to.deep.equal({ emptyContext: 203, nonEmptyContext: 7, wrongLength: 7 });
      });
    });

    describe('when given ACVP ML-DSA-sigVer-FIPS204 (ML-DSA-65 / external / pure)', () => {
      const file = 'acvp/ML-DSA-sigVer-FIPS204/internalProjection.json.gz';
      let tests: AcvpSigVerFile['testGroups'][number]['tests'];
      before(function () {
        const data = readVectorJson<AcvpSigVerFile>(requireVector(this, file));
        const group = data.testGroups.find(
          (g) => g.parameterSet === 'ML-DSA-65' && g.signatureInterface === 'external' && g.preHash === 'pure',
        );
        expect(group, 'ML-DSA-65 external/pure group').to.not.equal(undefined);
        tests = group?.tests ?? [];
      });

      it('matches testPassed: our scheme for empty context, ml_dsa65 with the context otherwise', () => {
        const mismatches: string[] = [];
        let empty = 0;
        for (const test of tests) {
          const publicKey = decodeHex(test.pk);
          const message = fromVectorHex(test.message);
          const signature = decodeHex(test.signature);
          const context = fromVectorHex(test.context);
          const label = `tcId ${test.tcId} (${String(test.testPassed)}, ${test.reason ?? ''})`;
          if (context.length === 0) {
            empty++;
            if (mlDsa65Scheme.verify(publicKey, message, signature) !== test.testPassed) mismatches.push(label);
          } else {
            if (ml_dsa65.verify(signature, message, publicKey, { context }) !== test.testPassed) mismatches.push(label);
            // And our empty-context verifier never accepts a context-bound signature.
            if (mlDsa65Scheme.verify(publicKey, message, signature)) mismatches.push(`${label}: accepted with ctx`);
          }
        }
        expect(mismatches).to.deep.equal([]);
        expect(tests.length).to.equal(15);
        expect(empty).to.equal(1);
        expect(tests.filter((t) => t.testPassed).length).to.equal(3);
      });
    });

    describe('when signing and verifying random messages (property)', () => {
      it('accepts its own signatures; a flipped bit, a tampered message or a context fails', () => {
        fc.assert(
          fc.property(
            fc.uint8Array({ minLength: 32, maxLength: 32 }),
            fc.uint8Array({ minLength: 1, maxLength: 100 }),
            fc.nat(),
            (seed, message, bit) => {
              const { publicKey, secretKey } = ml_dsa65.keygen(seed);
              const signature = ml_dsa65.sign(message, secretKey);
              const withContext = ml_dsa65.sign(message, secretKey, { context: Uint8Array.of(1) });
              return (
                mlDsa65Scheme.verify(publicKey, message, signature) &&
                !mlDsa65Scheme.verify(publicKey, flipBit(message, bit % (message.length * 8)), signature) &&
                !mlDsa65Scheme.verify(publicKey, Uint8Array.of(...message, 0), signature) &&
                !mlDsa65Scheme.verify(publicKey, message, flipBit(signature, bit % (signature.length * 8))) &&
                !mlDsa65Scheme.verify(publicKey, message, withContext)
              );
            },
          ),
          { numRuns: 5 },
        );
      });
    });

    describe('when given malformed input', () => {
      const { publicKey, secretKey } = ml_dsa65.keygen(new Uint8Array(32).fill(7));
      const message = new TextEncoder().encode('challenge');
      const signature = ml_dsa65.sign(message, secretKey);

      it('returns false, never throwing, for wrong-length keys or signatures', () => {
        expect(mlDsa65Scheme.verify(publicKey, message, signature)).to.equal(true);
        expect(mlDsa65Scheme.verify(publicKey.subarray(1), message, signature)).to.equal(false);
        expect(mlDsa65Scheme.verify(Uint8Array.of(...publicKey, 0), message, signature)).to.equal(false);
        expect(mlDsa65Scheme.verify(publicKey, message, signature.subarray(1))).to.equal(false);
        expect(mlDsa65Scheme.verify(publicKey, message, Uint8Array.of(...signature, 0))).to.equal(false);
        expect(mlDsa65Scheme.verify(new Uint8Array(0), message, new Uint8Array(0))).to.equal(false);
      });
    });
  });

  describe('checkFormat()', () => {
    it('accepts a 1952-byte key and a 3309-byte signature', () => {
      expect(() => mlDsa65Scheme.checkFormat(new Uint8Array(1952), new Uint8Array(3309))).not.to.throw();
    });

    for (const length of [0, 32, 1951, 1953]) {
      it(`throws InvalidRequest for a ${length}-byte public key`, () => {
        expect(() => mlDsa65Scheme.checkFormat(new Uint8Array(length), new Uint8Array(3309)))
          .to.throw(InvalidRequest, /^public_key must be 1952 bytes for ML-DSA-65$/);
      });
    }

    for (const length of [0, 2420, 3308, 3310]) {
      it(`throws InvalidRequest for a ${length}-byte signature`, () => {
        expect(() => mlDsa65Scheme.checkFormat(new Uint8Array(1952), new Uint8Array(length)))
          .to.throw(InvalidRequest, /^signature must be 3309 bytes for ML-DSA-65$/);
      });
    }
  });

  describe('canonicalAddress() and addressMatches()', () => {
    const { publicKey } = ml_dsa65.keygen(new Uint8Array(32).fill(9));
    const other = ml_dsa65.keygen(new Uint8Array(32).fill(10)).publicKey;
    const hex = toHex(publicKey);

    it('gives the lowercase hex of the key', () => {
      expect(mlDsa65Scheme.canonicalAddress(publicKey)).to.equal(hex).and.to.match(/^[0-9a-f]{3904}$/);
    });

    it('matches the key hex in any case, with or without 0x, and nothing else', () => {
      for (const address of [hex, hex.toUpperCase(), `0x${hex}`, `0X${hex}`]) {
        expect(mlDsa65Scheme.addressMatches(address, publicKey)).to.equal(true);
      }
      expect(mlDsa65Scheme.addressMatches(toHex(other), publicKey)).to.equal(false);
      expect(mlDsa65Scheme.addressMatches(hex.slice(0, -2), publicKey)).to.equal(false);
    });
  });
});
