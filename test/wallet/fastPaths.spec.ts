import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { expect } from 'chai';
import { hasCanonicalY, SMALL_ORDER_ENCODINGS } from '../../src/wallet/ed25519Encoding.js';
import { verifyEd25519OpenSsl, verifyEd25519OpenSslAsync } from '../../src/wallet/ed25519Fast.js';
import { toHex } from '../../src/wallet/hex.js';
import { KeyObjectCache } from '../../src/wallet/KeyObjectCache.js';
import { walletSchemes } from '../../src/wallet/walletSchemes.js';

const { Point } = ed25519;
const L = Point.Fn.ORDER;
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function littleEndian(value: bigint): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = Number((value >> BigInt(8 * i)) & 0xffn);
  return out;
}

const fromLittleEndian = (bytes: Uint8Array): bigint => bytes.reduceRight((acc, byte) => (acc << 8n) | BigInt(byte), 0n);

describe('wallet/ed25519Encoding', () => {
  it('lists exactly the 8 torsion points, recomputed from the curve, plus the 2 sign-bit variants of x = 0', () => {
    const strict = [...SMALL_ORDER_ENCODINGS].filter((hex) => {
      try {
        return Point.fromBytes(Buffer.from(hex, 'hex'), false).isSmallOrder();
      } catch {
        return false;
      }
    });
    expect(strict).to.have.length(8);
    // [8]P is the identity for each, and they are 8 distinct points: the whole torsion subgroup.
    const points = strict.map((hex) => Point.fromBytes(Buffer.from(hex, 'hex')));
    for (const point of points) expect(point.multiplyUnsafe(8n).is0()).to.equal(true);
    expect(new Set(points.map((point) => toHex(point.toBytes()))).size).to.equal(8);
    const variants = [...SMALL_ORDER_ENCODINGS].filter((hex) => !strict.includes(hex));
    expect(variants).to.have.length(2);
    for (const hex of variants) expect(() => Point.fromBytes(Buffer.from(hex, 'hex'), false)).to.throw(/x=0/);
  });

  it('tells y < p from y >= p', () => {
    const p = 2n ** 255n - 19n;
    expect(hasCanonicalY(littleEndian(p - 1n))).to.equal(true);
    expect(hasCanonicalY(littleEndian(p))).to.equal(false);
    expect(hasCanonicalY(littleEndian(2n ** 255n - 1n))).to.equal(false);
    expect(hasCanonicalY(littleEndian(p + (1n << 255n)))).to.equal(false); // the sign bit does not count
    expect(hasCanonicalY(littleEndian(p - 1n + (1n << 255n)))).to.equal(true);
  });
});

describe('wallet/ed25519Fast', () => {
  it('refuses a forgery under a small-order key that OpenSSL alone accepts, as the reference does', async () => {
    const s = 987654321n;
    const signature = Uint8Array.of(...Point.BASE.multiply(s).toBytes(), ...littleEndian(s));
    const identity = Buffer.from('0100000000000000000000000000000000000000000000000000000000000000', 'hex');
    const message = utf8('any message at all');
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: identity.toString('base64url') }, format: 'jwk' });
    expect(nodeVerify(null, message, key, signature), 'raw OpenSSL').to.equal(true);
    expect(walletSchemes.Ed25519.verify(identity, message, signature)).to.equal(false);
    expect(verifyEd25519OpenSsl(identity, message, signature)).to.equal(false);
    expect(await verifyEd25519OpenSslAsync(identity, message, signature)).to.equal(false);
  });

  it('is at least as strict as the reference: a mixed-order R passes the cofactored equation only', () => {
    // R' = [r]B + T (T of order 8) and S = r + k a: [8]([S]B - [k]A - R') = -[8]T = 0, but [S]B - [k]A != R'.
    const secret = new Uint8Array(32).fill(42);
    const { scalar, pointBytes } = ed25519.utils.getExtendedPublicKey(secret);
    const torsion = Point.fromBytes(Buffer.from('26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05', 'hex'));
    const message = utf8('mixed-order R');
    const r = 1234567n;
    const R = Point.BASE.multiply(r).add(torsion).toBytes();
    const k = fromLittleEndian(sha512(Uint8Array.of(...R, ...pointBytes, ...message))) % L;
    const signature = Uint8Array.of(...R, ...littleEndian((r + k * scalar) % L));
    expect(walletSchemes.Ed25519.verify(pointBytes, message, signature), 'reference (cofactored)').to.equal(true);
    expect(verifyEd25519OpenSsl(pointBytes, message, signature), 'OpenSSL (cofactorless)').to.equal(false);
  });
});

describe('wallet/KeyObjectCache', () => {
  it('evicts the least recently used key and does not cache a failed import', () => {
    const cache = new KeyObjectCache(2);
    const key = (byte: number): Uint8Array => new Uint8Array(32).fill(byte);
    const made: number[] = [];
    const make = (byte: number) => () => {
      made.push(byte);
      return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(key(byte)).toString('base64url') }, format: 'jwk' });
    };
    cache.get(key(1), make(1));
    cache.get(key(2), make(2));
    cache.get(key(1), make(1)); // hit: 1 is now the most recent
    cache.get(key(3), make(3)); // evicts 2
    cache.get(key(1), make(1)); // still a hit
    cache.get(key(2), make(2)); // a miss again
    expect(made).to.deep.equal([1, 2, 3, 2]);
    expect(() => cache.get(key(4), () => { throw new Error('bad key'); })).to.throw('bad key');
    expect(cache.size).to.equal(2);
  });
});

