import { generateKeyPairSync, sign as nodeSign } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import { expect } from 'chai';
import fc from 'fast-check';
import { InvalidRequest } from '../../../src/errors/errors.js';
import { ed25519Scheme } from '../../../src/wallet/schemes/ed25519.js';
import { decodeHex, toHex } from '../../../src/wallet/hex.js';
import { readVectorJson, requireVector } from '../../support/vectors.js';
import type { WycheproofFile } from '../../support/wycheproof.js';

type WycheproofEddsaFile = WycheproofFile<{ readonly publicKey: { readonly pk: string } }>;

/** RFC 8032 section 7.1, written out from the RFC text. */
const RFC8032_TESTS = [
  {
    name: 'TEST 1',
    secretKey: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
    publicKey: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    message: '',
    signature:
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
  },
  {
    name: 'TEST 2',
    secretKey: '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
    publicKey: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
    message: '72',
    signature:
      '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
  },
  {
    name: 'TEST 3',
    secretKey: 'c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7',
    publicKey: 'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025',
    message: 'af82',
    signature:
      '6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a',
  },
  {
    name: 'TEST SHA(abc)',
    secretKey: '833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42',
    publicKey: 'ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf',
    message:
      'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
    signature:
      'dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b58909351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704',
  },
] as const;

function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const copy = Uint8Array.from(bytes);
  const index = Math.floor(bit / 8) % copy.length;
  copy[index] = (copy[index] as number) ^ (1 << (bit % 8));
  return copy;
}

describe('wallet/ed25519Scheme', () => {
  it('names its algorithm Ed25519', () => {
    expect(ed25519Scheme.algorithm).to.equal('Ed25519');
  });

  describe('verify()', () => {
    describe('when given the RFC 8032 section 7.1 vectors', () => {
      for (const vector of RFC8032_TESTS) {
        it(`${vector.name}: the derived key and signature match, and verify() accepts`, () => {
          const secretKey = decodeHex(vector.secretKey);
          const publicKey = decodeHex(vector.publicKey);
          const message = vector.message === '' ? new Uint8Array(0) : decodeHex(vector.message);
          const signature = decodeHex(vector.signature);
          expect(toHex(ed25519.getPublicKey(secretKey))).to.equal(vector.publicKey);
          expect(toHex(ed25519.sign(message, secretKey))).to.equal(vector.signature);
          expect(ed25519Scheme.verify(publicKey, message, signature)).to.equal(true);
        });

        it(`${vector.name}: a flipped bit in signature, message or key fails`, () => {
          const publicKey = decodeHex(vector.publicKey);
          const message = vector.message === '' ? new Uint8Array(0) : decodeHex(vector.message);
          const signature = decodeHex(vector.signature);
          for (const bit of [0, 100, 255, 256, 300, 511]) {
            expect(ed25519Scheme.verify(publicKey, message, flipBit(signature, bit)), `sig bit ${bit}`).to.equal(false);
          }
          expect(ed25519Scheme.verify(flipBit(publicKey, 3), message, signature)).to.equal(false);
          const longer = Uint8Array.of(...message, 0);
          expect(ed25519Scheme.verify(publicKey, longer, signature)).to.equal(false);
          if (message.length > 0) {
            expect(ed25519Scheme.verify(publicKey, flipBit(message, 7), signature)).to.equal(false);
          }
        });
      }
    });

    describe('when given Wycheproof ed25519_test.json', () => {
      const file = 'wycheproof/ed25519_test.json';
      let data: WycheproofEddsaFile;
      before(function () {
        data = readVectorJson<WycheproofEddsaFile>(requireVector(this, file));
      });

      it('returns the labelled result for every case, never throwing', () => {
        const mismatches: string[] = [];
        let count = 0;
        for (const group of data.testGroups) {
          const publicKey = decodeHex(group.publicKey.pk);
          for (const test of group.tests) {
            count++;
            // An empty field is valid Wycheproof data (empty msg); decodeHex refuses '' by design.
            const message = test.msg === '' ? new Uint8Array(0) : decodeHex(test.msg);
            const signature = test.sig === '' ? new Uint8Array(0) : decodeHex(test.sig);
            let got: boolean | string;
            try {
              got = ed25519Scheme.verify(publicKey, message, signature);
            } catch (err) {
              got = `threw ${String(err)}`;
            }
            const want = test.result === 'valid';
            // 'acceptable' does not occur in this file; if it ever does, only "no throw" is required.
            if (test.result === 'acceptable' ? typeof got !== 'boolean' : got !== want) {
              mismatches.push(`tcId ${test.tcId} (${test.result}, ${test.comment}): got ${String(got)}`);
            }
          }
        }
        expect(mismatches).to.deep.equal([]);
        expect(count).to.equal(data.numberOfTests).and.to.equal(151);
      });
    });

    describe('when the signature comes from node:crypto (OpenSSL)', () => {
      it('accepts it, and rejects it for another message', () => {
        for (let i = 0; i < 20; i++) {
          const { privateKey, publicKey } = generateKeyPairSync('ed25519');
          const jwk = publicKey.export({ format: 'jwk' });
          const rawKey = new Uint8Array(Buffer.from(jwk.x as string, 'base64url'));
          expect(rawKey.length).to.equal(32);
          const message = new TextEncoder().encode(`challenge ${i} ${'x'.repeat(i * 7)}`);
          const signature = new Uint8Array(nodeSign(null, message, privateKey));
          expect(ed25519Scheme.verify(rawKey, message, signature)).to.equal(true);
          expect(ed25519Scheme.verify(rawKey, Uint8Array.of(...message, 1), signature)).to.equal(false);
        }
      });
    });

    describe('when given random messages (property)', () => {
      it('accepts noble signatures, rejects a flipped bit in signature or message', () => {
        fc.assert(
          fc.property(
            fc.uint8Array({ minLength: 32, maxLength: 32 }),
            fc.uint8Array({ minLength: 1, maxLength: 200 }),
            fc.nat(),
            (seed, message, bit) => {
              const publicKey = ed25519.getPublicKey(seed);
              const signature = ed25519.sign(message, seed);
              return (
                ed25519Scheme.verify(publicKey, message, signature) &&
                !ed25519Scheme.verify(publicKey, message, flipBit(signature, bit % 512)) &&
                !ed25519Scheme.verify(publicKey, flipBit(message, bit % (message.length * 8)), signature)
              );
            },
          ),
          { numRuns: 100 },
        );
      });
    });

    describe('when given malformed input', () => {
      const vector = RFC8032_TESTS[0];
      const publicKey = decodeHex(vector.publicKey);
      const signature = decodeHex(vector.signature);
      const empty = new Uint8Array(0);

      it('returns false, without throwing, for wrong lengths', () => {
        expect(ed25519Scheme.verify(publicKey.subarray(1), empty, signature)).to.equal(false);
        expect(ed25519Scheme.verify(publicKey, empty, signature.subarray(1))).to.equal(false);
        expect(ed25519Scheme.verify(publicKey, empty, Uint8Array.of(...signature, 0))).to.equal(false);
        expect(ed25519Scheme.verify(empty, empty, empty)).to.equal(false);
      });

      it('returns false for an undecodable key (y >= p) and a small-order key', () => {
        const notCanonical = new Uint8Array(32).fill(0xff);
        notCanonical[31] = 0x7f; // y = 2^255 - 1 > p
        expect(ed25519Scheme.verify(notCanonical, empty, signature)).to.equal(false);
        const identity = new Uint8Array(32);
        identity[0] = 1; // y = 1: the neutral element, order 1
        expect(ed25519Scheme.verify(identity, empty, signature)).to.equal(false);
      });

      it('returns false for a non-canonical S (S + L), which RFC 8032 section 5.1.7 rejects', () => {
        const L = 2n ** 252n + 27742317777372353535851937790883648493n;
        let s = 0n;
        for (let i = 31; i >= 0; i--) s = (s << 8n) | BigInt(signature[32 + i] as number);
        const bumped = s + L;
        const tampered = Uint8Array.from(signature);
        for (let i = 0; i < 32; i++) tampered[32 + i] = Number((bumped >> BigInt(8 * i)) & 0xffn);
        expect(bumped < 2n ** 256n).to.equal(true);
        expect(ed25519Scheme.verify(publicKey, empty, tampered)).to.equal(false);
      });
    });
  });

  describe('checkFormat()', () => {
    const key = new Uint8Array(32);
    const sig = new Uint8Array(64);

    it('accepts a 32-byte key and a 64-byte signature', () => {
      expect(() => ed25519Scheme.checkFormat(key, sig)).not.to.throw();
    });

    for (const length of [0, 31, 33, 64]) {
      it(`throws InvalidRequest for a ${length}-byte public key`, () => {
        expect(() => ed25519Scheme.checkFormat(new Uint8Array(length), sig))
          .to.throw(InvalidRequest, /^public_key must be 32 bytes for Ed25519$/);
      });
    }

    for (const length of [0, 32, 63, 65]) {
      it(`throws InvalidRequest for a ${length}-byte signature`, () => {
        expect(() => ed25519Scheme.checkFormat(key, new Uint8Array(length)))
          .to.throw(InvalidRequest, /^signature must be 64 bytes for Ed25519$/);
      });
    }
  });

  describe('canonicalAddress() and addressMatches()', () => {
    const publicKey = decodeHex(RFC8032_TESTS[1].publicKey);

    it('gives the lowercase hex of the key', () => {
      expect(ed25519Scheme.canonicalAddress(publicKey)).to.equal(RFC8032_TESTS[1].publicKey);
    });

    it('matches the key hex in any case, with or without 0x', () => {
      const hex = RFC8032_TESTS[1].publicKey;
      for (const address of [hex, hex.toUpperCase(), `0x${hex}`, `0X${hex.toUpperCase()}`]) {
        expect(ed25519Scheme.addressMatches(address, publicKey), address).to.equal(true);
      }
    });

    it('does not match another key, a truncated key or an empty address', () => {
      expect(ed25519Scheme.addressMatches(RFC8032_TESTS[0].publicKey, publicKey)).to.equal(false);
      expect(ed25519Scheme.addressMatches(RFC8032_TESTS[1].publicKey.slice(0, 62), publicKey)).to.equal(false);
      expect(ed25519Scheme.addressMatches('', publicKey)).to.equal(false);
    });
  });
});
