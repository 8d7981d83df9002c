import { createECDH, generateKeyPairSync, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { expect } from 'chai';
import fc from 'fast-check';
import { InvalidRequest } from '../../../src/errors/errors.js';
import { ethereumAddress, toChecksumAddress } from '../../../src/wallet/ethereumAddress.js';
import { decodeHex, toHex } from '../../../src/wallet/hex.js';
import type { ServerAuthSettings } from '../../../src/config/ServerAuthSettings.js';
import { fastVerifiers } from '../../../src/wallet/fastVerifiers.js';
import { secp256k1Scheme } from '../../../src/wallet/schemes/secp256k1.js';
import { verifySecp256k1OpenSsl, verifySecp256k1OpenSslAsync } from '../../../src/wallet/secp256k1Fast.js';
import { SchemeWalletVerifier } from '../../../src/wallet/WalletVerifier.js';
import { readVectorJson, requireVector } from '../../support/vectors.js';
import type { WycheproofFile } from '../../support/wycheproof.js';

type WycheproofEcdsaFile = WycheproofFile<{ readonly publicKey: { readonly uncompressed: string } }>;

const N = secp256k1.Point.Fn.ORDER;
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
/** x = 0 has no y on secp256k1 (7 is not a square mod p): a well-formed 33-byte non-point. */
const NOT_A_POINT = Uint8Array.of(0x02, ...new Uint8Array(32));
/** Wycheproof uses '' for empty fields, which decodeHex rightly refuses. */
const fromVectorHex = (hex: string): Uint8Array => (hex === '' ? new Uint8Array(0) : decodeHex(hex));

function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const copy = Uint8Array.from(bytes);
  const index = Math.floor(bit / 8) % copy.length;
  copy[index] = (copy[index] as number) ^ (1 << (bit % 8));
  return copy;
}

function bigIntTo32Bytes(value: bigint): Uint8Array {
  return decodeHex(value.toString(16).padStart(64, '0'));
}

function compress(uncompressed: Uint8Array): Uint8Array {
  return secp256k1.Point.fromBytes(uncompressed).toBytes(true);
}

/** Runs one Wycheproof file through checkFormat + verify, collecting disagreements. */
function runWycheproof(data: WycheproofEcdsaFile): { mismatches: string[]; count: number; compressedRuns: number } {
  const mismatches: string[] = [];
  let count = 0;
  let compressedRuns = 0;
  for (const group of data.testGroups) {
    const uncompressed = decodeHex(group.publicKey.uncompressed);
    const compressed = compress(uncompressed);
    for (const test of group.tests) {
      count++;
      const label = `tcId ${test.tcId} (${test.result}, ${test.comment})`;
      const message = fromVectorHex(test.msg);
      const signature = fromVectorHex(test.sig);
      let formatError: unknown;
      try {
        secp256k1Scheme.checkFormat(uncompressed, signature);
      } catch (err) {
        formatError = err;
      }
      if (formatError !== undefined && !(formatError instanceof InvalidRequest)) {
        mismatches.push(`${label}: checkFormat threw a non-InvalidRequest ${String(formatError)}`);
      }
      let got: boolean | string;
      try {
        got = secp256k1Scheme.verify(uncompressed, message, signature);
      } catch (err) {
        got = `threw ${String(err)}`;
      }
      if (test.result === 'acceptable') {
        if (typeof got !== 'boolean') mismatches.push(`${label}: ${got}`);
      } else if (test.result === 'valid') {
        if (formatError !== undefined) mismatches.push(`${label}: checkFormat rejected a valid signature`);
        if (got !== true) mismatches.push(`${label}: got ${String(got)}`);
        compressedRuns++;
        if (!secp256k1Scheme.verify(compressed, message, signature)) {
          mismatches.push(`${label}: rejected with the compressed key`);
        }
      } else if (got !== false) {
        mismatches.push(`${label}: got ${String(got)}`);
      }
    }
  }
  return { mismatches, count, compressedRuns };
}

describe('wallet/ethereumAddress', () => {
  describe('toChecksumAddress()', () => {
    // EIP-55, "Test Cases": all caps, all lower, normal.
    const EIP55 = [
      '0x52908400098527886E0F7030069857D2E4169EE7',
      '0x8617E340B3D01FA5F11F306F4090FD50E238070D',
      '0xde709f2102306220921060314715629080e2fb77',
      '0x27b1fdb04752bbc536007a920d24acb045561c26',
      '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
      '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
      '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
      '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
    ];
    for (const address of EIP55) {
      it(`checksums ${address} from its lowercase and uppercase forms`, () => {
        expect(toChecksumAddress(address.toLowerCase())).to.equal(address);
        expect(toChecksumAddress(`0x${address.slice(2).toUpperCase()}`)).to.equal(address);
        expect(toChecksumAddress(address.slice(2).toLowerCase())).to.equal(address);
      });
    }

    for (const bad of ['', '0x', '0x1234', `0x${'g'.repeat(40)}`, `0x${'a'.repeat(42)}`]) {
      it(`throws RangeError for ${JSON.stringify(bad)}`, () => {
        expect(() => toChecksumAddress(bad)).to.throw(RangeError);
      });
    }
  });

  describe('ethereumAddress()', () => {
    // Public keys derived by OpenSSL (node:crypto ECDH), not noble; addresses are the well-known ones.
    const KNOWN = [
      { secret: 1n, address: '0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf' },
      { secret: 2n, address: '0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF' },
    ];
    for (const { secret, address } of KNOWN) {
      it(`gives ${address} for private key ${secret}, from either key encoding`, () => {
        const ecdh = createECDH('secp256k1');
        ecdh.setPrivateKey(Buffer.from(bigIntTo32Bytes(secret)));
        const uncompressed = new Uint8Array(ecdh.getPublicKey(null, 'uncompressed'));
        const compressed = new Uint8Array(ecdh.getPublicKey(null, 'compressed'));
        expect(ethereumAddress(uncompressed)).to.equal(address);
        expect(ethereumAddress(compressed)).to.equal(address);
      });
    }

    it('throws on a key that is not a curve point', () => {
      expect(() => ethereumAddress(NOT_A_POINT)).to.throw();
    });
  });
});

describe('wallet/secp256k1Scheme', () => {
  it('names its algorithm secp256k1', () => {
    expect(secp256k1Scheme.algorithm).to.equal('secp256k1');
  });

  describe('verify()', () => {
    describe('when given Wycheproof ecdsa_secp256k1_sha256_test.json (DER)', () => {
      const file = 'wycheproof/ecdsa_secp256k1_sha256_test.json';
      let data: WycheproofEcdsaFile;
      before(function () {
        data = readVectorJson<WycheproofEcdsaFile>(requireVector(this, file));
      });

      it('accepts every valid case (high-S included, either key form) and rejects every invalid one', () => {
        const { mismatches, count, compressedRuns } = runWycheproof(data);
        expect(mismatches).to.deep.equal([]);
        expect(count).to.equal(data.numberOfTests).and.to.equal(476);
        expect(compressedRuns).to.equal(168);
      });
    });

    describe('when given Wycheproof ecdsa_secp256k1_sha256_p1363_test.json (compact)', () => {
      const file = 'wycheproof/ecdsa_secp256k1_sha256_p1363_test.json';
      let data: WycheproofEcdsaFile;
      before(function () {
        data = readVectorJson<WycheproofEcdsaFile>(requireVector(this, file));
      });

      it('accepts every valid case (either key form) and rejects every invalid one', () => {
        const { mismatches, count, compressedRuns } = runWycheproof(data);
        expect(mismatches).to.deep.equal([]);
        expect(count).to.equal(data.numberOfTests).and.to.equal(252);
        expect(compressedRuns).to.equal(167);
      });
    });

    describe('when the signature comes from node:crypto (OpenSSL)', () => {
      const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
      const jwk = publicKey.export({ format: 'jwk' });
      const uncompressed = Uint8Array.of(
        0x04,
        ...Buffer.from(jwk.x as string, 'base64url'),
        ...Buffer.from(jwk.y as string, 'base64url'),
      );
      const compressed = compress(uncompressed);

      it('accepts DER and compact signatures with either key form', () => {
        for (let i = 0; i < 20; i++) {
          const message = utf8(`challenge ${i}`);
          const der = new Uint8Array(nodeSign('sha256', message, privateKey));
          const compact = new Uint8Array(nodeSign('sha256', message, { key: privateKey, dsaEncoding: 'ieee-p1363' }));
          expect(der[0]).to.equal(0x30);
          expect(compact.length).to.equal(64);
          for (const key of [uncompressed, compressed]) {
            expect(secp256k1Scheme.verify(key, message, der)).to.equal(true);
            expect(secp256k1Scheme.verify(key, message, compact)).to.equal(true);
            expect(secp256k1Scheme.verify(key, utf8(`challenge ${i + 1}`), der)).to.equal(false);
          }
        }
      });

      it('accepts an explicitly built high-S signature (s\' = n - s) in both encodings', () => {
        const message = utf8('high-S please');
        const compact = new Uint8Array(nodeSign('sha256', message, { key: privateKey, dsaEncoding: 'ieee-p1363' }));
        const sig = secp256k1.Signature.fromBytes(compact, 'compact');
        const highS = sig.hasHighS() ? sig.s : N - sig.s;
        const lowS = N - highS;
        expect(highS > N / 2n).to.equal(true);
        const highCompact = Uint8Array.of(...bigIntTo32Bytes(sig.r), ...bigIntTo32Bytes(highS));
        const highDer = new secp256k1.Signature(sig.r, highS).toBytes('der');
        const lowCompact = Uint8Array.of(...bigIntTo32Bytes(sig.r), ...bigIntTo32Bytes(lowS));
        // Prove these really are high-S: noble's default low-S policy refuses them, OpenSSL accepts.
        expect(secp256k1.verify(highCompact, message, uncompressed)).to.equal(false);
        expect(nodeVerify('sha256', message, publicKey, highDer)).to.equal(true);
        for (const key of [uncompressed, compressed]) {
          expect(secp256k1Scheme.verify(key, message, highCompact)).to.equal(true);
          expect(secp256k1Scheme.verify(key, message, highDer)).to.equal(true);
          expect(secp256k1Scheme.verify(key, message, lowCompact)).to.equal(true);
          expect(() => secp256k1Scheme.checkFormat(key, highDer)).not.to.throw();
        }
      });
    });

    describe('when given random messages (property)', () => {
      it('accepts noble signatures (compact and DER), rejects a flipped bit in signature or message', () => {
        fc.assert(
          fc.property(
            fc.uint8Array({ minLength: 32, maxLength: 32 }).filter((k) => secp256k1.utils.isValidSecretKey(k)),
            fc.uint8Array({ minLength: 1, maxLength: 200 }),
            fc.constantFrom('compact' as const, 'der' as const),
            fc.boolean(),
            fc.nat(),
            (secretKey, message, format, compressedKey, bit) => {
              const publicKey = secp256k1.getPublicKey(secretKey, compressedKey);
              const signature = secp256k1.sign(message, secretKey, { prehash: true, lowS: false, format });
              return (
                secp256k1Scheme.verify(publicKey, message, signature) &&
                !secp256k1Scheme.verify(publicKey, message, flipBit(signature, bit % (signature.length * 8))) &&
                !secp256k1Scheme.verify(publicKey, flipBit(message, bit % (message.length * 8)), signature)
              );
            },
          ),
          { numRuns: 100 },
        );
      });
    });

    describe('when given malformed input', () => {
      const secretKey = bigIntTo32Bytes(12345n);
      const publicKey = secp256k1.getPublicKey(secretKey, true);
      const message = utf8('m');
      const signature = secp256k1.sign(message, secretKey, { prehash: true, lowS: true, format: 'der' });

      it('returns false without throwing', () => {
        expect(secp256k1Scheme.verify(publicKey, message, signature)).to.equal(true);
        const cases: Array<[string, Uint8Array, Uint8Array]> = [
          ['empty signature', publicKey, new Uint8Array(0)],
          ['truncated DER', publicKey, signature.subarray(0, signature.length - 1)],
          ['DER with a trailing byte', publicKey, Uint8Array.of(...signature, 0)],
          ['DER-looking garbage', publicKey, Uint8Array.of(0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00)],
          ['65-byte signature', publicKey, new Uint8Array(65)],
          ['compact zero signature', publicKey, new Uint8Array(64)],
          ['empty key', new Uint8Array(0), signature],
          ['not a point', NOT_A_POINT, signature],
        ];
        for (const [name, key, sig] of cases) {
          expect(secp256k1Scheme.verify(key, message, sig), name).to.equal(false);
        }
      });
    });
  });

  describe('checkFormat()', () => {
    const compressed = secp256k1.getPublicKey(bigIntTo32Bytes(7n), true);
    const uncompressed = secp256k1.getPublicKey(bigIntTo32Bytes(7n), false);
    const der = secp256k1.sign(utf8('x'), bigIntTo32Bytes(7n), { prehash: true, lowS: true, format: 'der' });

    it('accepts both key forms with a compact or DER signature', () => {
      for (const key of [compressed, uncompressed]) {
        expect(() => secp256k1Scheme.checkFormat(key, new Uint8Array(64))).not.to.throw();
        expect(() => secp256k1Scheme.checkFormat(key, der)).not.to.throw();
      }
    });

    for (const length of [0, 32, 34, 64, 66]) {
      it(`throws for a ${length}-byte public key`, () => {
        expect(() => secp256k1Scheme.checkFormat(new Uint8Array(length), der))
          .to.throw(InvalidRequest, /^public_key must be 33 or 65 bytes for secp256k1$/);
      });
    }

    const notOnCurve = Uint8Array.from(secp256k1.Point.BASE.toBytes(false));
    notOnCurve[64] = (notOnCurve[64] as number) ^ 1; // G with y + 1 (or y - 1): off the curve
    const invalidKeys: Array<[string, Uint8Array]> = [
      ['x = 0 (no such point on secp256k1)', NOT_A_POINT],
      ['x >= p', Uint8Array.of(0x03, ...new Uint8Array(32).fill(0xff))],
      ['tag 0x04 on a 33-byte key', Uint8Array.of(0x04, ...compressed.subarray(1))],
      ['tag 0x05', Uint8Array.of(0x05, ...compressed.subarray(1))],
      ['uncompressed point off the curve', notOnCurve],
      ['all zeros (the identity is never a key)', new Uint8Array(33)],
      ['tag 0x02 on a 65-byte key', Uint8Array.of(0x02, ...uncompressed.subarray(1))],
    ];
    for (const [name, key] of invalidKeys) {
      it(`throws 'invalid secp256k1 public key' for ${name}`, () => {
        expect(() => secp256k1Scheme.checkFormat(key, der)).to.throw(InvalidRequest, /^invalid secp256k1 public key$/);
      });
    }

    const badSignatures: Array<[string, Uint8Array]> = [
      ['empty', new Uint8Array(0)],
      ['7 bytes starting 0x30', Uint8Array.of(0x30, 5, 2, 1, 1, 2, 0)],
      ['63 bytes', new Uint8Array(63)],
      ['65 bytes (recovered form)', new Uint8Array(65)],
      ['73 bytes starting 0x30', Uint8Array.of(0x30, ...new Uint8Array(72))],
      ['70 bytes not starting 0x30', Uint8Array.of(0x31, ...der.subarray(1), ...new Uint8Array(70 - der.length))],
    ];
    for (const [name, sig] of badSignatures) {
      it(`throws for a signature that is ${name}`, () => {
        expect(() => secp256k1Scheme.checkFormat(compressed, sig))
          .to.throw(InvalidRequest, /^signature must be a 64-byte compact or DER signature for secp256k1$/);
      });
    }
  });

  describe('canonicalAddress() and addressMatches()', () => {
    const ecdh = createECDH('secp256k1');
    ecdh.setPrivateKey(Buffer.from(bigIntTo32Bytes(1n)));
    const uncompressed = new Uint8Array(ecdh.getPublicKey(null, 'uncompressed'));
    const compressed = new Uint8Array(ecdh.getPublicKey(null, 'compressed'));
    const address = '0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf';

    it('gives one EIP-55 address for the compressed and uncompressed key', () => {
      expect(secp256k1Scheme.canonicalAddress(compressed)).to.equal(address);
      expect(secp256k1Scheme.canonicalAddress(uncompressed)).to.equal(address);
    });

    it('matches the Ethereum address in lowercase, EIP-55 and uppercase, for either key form', () => {
      for (const key of [compressed, uncompressed]) {
        for (const form of [address, address.toLowerCase(), `0x${address.slice(2).toUpperCase()}`]) {
          expect(secp256k1Scheme.addressMatches(form, key), form).to.equal(true);
        }
      }
    });

    it('matches the hex of the key as sent, with or without 0x, in any case', () => {
      for (const key of [compressed, uncompressed]) {
        const hex = toHex(key);
        for (const form of [hex, `0x${hex}`, hex.toUpperCase(), `0X${hex.toUpperCase()}`]) {
          expect(secp256k1Scheme.addressMatches(form, key), form).to.equal(true);
        }
      }
    });

    it('does not match another address, the other encoding of the key, or a prefix-less Ethereum address', () => {
      expect(secp256k1Scheme.addressMatches('0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF', compressed)).to.equal(false);
      // "the hex of the public key" means the bytes that were sent (CONTRACT.md "sign-in").
      expect(secp256k1Scheme.addressMatches(toHex(uncompressed), compressed)).to.equal(false);
      // The Ethereum form is defined with its 0x prefix; 40 bare hex digits name nothing.
      expect(secp256k1Scheme.addressMatches(address.slice(2), compressed)).to.equal(false);
      expect(secp256k1Scheme.addressMatches('', compressed)).to.equal(false);
    });

    it('returns false rather than throwing for a key that is not a point', () => {
      expect(secp256k1Scheme.addressMatches(address, NOT_A_POINT)).to.equal(false);
    });
  });
});

describe('wallet/secp256k1Fast', () => {
  it('refuses the SEC1 "hybrid" key encoding (06/07) that OpenSSL alone would take, on every path', async () => {
    const secret = new Uint8Array(32).fill(9);
    const message = new TextEncoder().encode('hybrid');
    const signature = secp256k1.sign(message, secret, { prehash: true, format: 'der' });
    const key = secp256k1.getPublicKey(secret, false);
    expect(verifySecp256k1OpenSsl(key, message, signature)).to.equal(true);
    const hybrid = Uint8Array.from(key);
    hybrid[0] = 0x06 | ((key[64] as number) & 1);
    const settings = { supported_wallet_algorithms: ['secp256k1'] } as unknown as ServerAuthSettings;
    const verifier = new SchemeWalletVerifier(settings);
    const paths = [
      verifySecp256k1OpenSsl,
      verifySecp256k1OpenSslAsync,
      fastVerifiers('workers').secp256k1,
      (pk: Uint8Array, msg: Uint8Array, sig: Uint8Array) => verifier.verify('secp256k1', pk, msg, sig),
    ];
    for (const verify of paths) expect(await verify(hybrid, message, signature)).to.equal(false);
  });
});
