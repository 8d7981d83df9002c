import { ml_dsa65 } from '@noble/post-quantum/ml-dsa.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { expect } from 'chai';
import { verifyEd25519OpenSsl, verifyEd25519OpenSslAsync } from '../../../src/wallet/ed25519Fast.js';
import { fastVerifiers, type AsyncVerify } from '../../../src/wallet/fastVerifiers.js';
import { decodeHex } from '../../../src/wallet/hex.js';
import { loadLiboqsMlDsa65, nobleMlDsa65, type MlDsa65Engine } from '../../../src/wallet/mlDsa65Engines.js';
import { verifySecp256k1OpenSsl, verifySecp256k1OpenSslAsync } from '../../../src/wallet/secp256k1Fast.js';
import type { WalletAlgorithm } from '../../../src/wallet/WalletAlgorithm.js';
import { SchemeWalletVerifier } from '../../../src/wallet/WalletVerifier.js';
import { walletSchemes } from '../../../src/wallet/walletSchemes.js';
import type { ServerAuthSettings } from '../../../src/config/ServerAuthSettings.js';
import { readVectorJson, requireVector } from '../../support/vectors.js';

/**
 * The fast paths (OpenSSL, liboqs WASM, the worker pool) against the same
 * Wycheproof and ACVP vectors as the reference schemes, and against the
 * reference itself where a file's labels are not our policy.
 */

interface Case {
  readonly label: string;
  readonly publicKey: Uint8Array;
  readonly message: Uint8Array;
  readonly signature: Uint8Array;
  /** undefined: the label is not our policy (context, Bitcoin low-S): compare with the reference instead. */
  readonly expected: boolean | undefined;
}

type SyncVerify = (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => boolean;

const fromVectorHex = (hex: string | undefined): Uint8Array =>
  hex === undefined || hex === '' ? new Uint8Array(0) : decodeHex(hex);

const settings = { supported_wallet_algorithms: ['ML-DSA-65', 'Ed25519', 'secp256k1'] } as unknown as ServerAuthSettings;

/** Every path that must agree: sync and async OpenSSL, both pools, and the bound verifier. */
function pathsFor(algorithm: WalletAlgorithm, sync?: SyncVerify, async?: AsyncVerify): Record<string, SyncVerify | AsyncVerify> {
  const verifier = new SchemeWalletVerifier(settings);
  return {
    ...(sync === undefined ? {} : { 'sync OpenSSL': sync }),
    ...(async === undefined ? {} : { 'libuv thread pool': async }),
    'worker pool': fastVerifiers('workers')[algorithm],
    SchemeWalletVerifier: (pk: Uint8Array, msg: Uint8Array, sig: Uint8Array) => verifier.verify(algorithm, pk, msg, sig),
  };
}

async function mismatches(algorithm: WalletAlgorithm, cases: readonly Case[], paths: Record<string, SyncVerify | AsyncVerify>): Promise<string[]> {
  const reference = walletSchemes[algorithm];
  const found: string[] = [];
  for (const [name, verify] of Object.entries(paths)) {
    const results = await Promise.all(cases.map(async (c) => verify(c.publicKey, c.message, c.signature)));
    cases.forEach((c, i) => {
      const want = c.expected ?? reference.verify(c.publicKey, c.message, c.signature);
      if (results[i] !== want) found.push(`${name}: ${c.label}: got ${String(results[i])}`);
    });
  }
  return found;
}

describe('wallet fast paths against the vectors', function () {
  this.timeout(120_000);

  describe('Ed25519, Wycheproof ed25519_test.json', () => {
    it('every path returns the labelled result for all 151 cases', async function () {
      const data = readVectorJson<{
        testGroups: Array<{ publicKey: { pk: string }; tests: Array<{ tcId: number; comment: string; msg: string; sig: string; result: string }> }>;
      }>(requireVector(this, 'wycheproof/ed25519_test.json'));
      const cases = data.testGroups.flatMap((group) =>
        group.tests.map((test) => ({
          label: `tcId ${test.tcId} (${test.result}, ${test.comment})`,
          publicKey: decodeHex(group.publicKey.pk),
          message: fromVectorHex(test.msg),
          signature: fromVectorHex(test.sig),
          expected: test.result === 'valid',
        })),
      );
      expect(cases.length).to.equal(151);
      expect(await mismatches('Ed25519', cases, pathsFor('Ed25519', verifyEd25519OpenSsl, verifyEd25519OpenSslAsync))).to.deep.equal([]);
    });
  });

  describe('secp256k1, Wycheproof ECDSA files', () => {
    const files = {
      'ecdsa_secp256k1_sha256_test.json': 476,
      'ecdsa_secp256k1_sha256_p1363_test.json': 252,
      // Labels high-S invalid (Bitcoin policy); we accept high-S, so this file is compared with the reference.
      'ecdsa_secp256k1_sha256_bitcoin_test.json': 463,
    } as const;
    for (const [file, count] of Object.entries(files)) {
      it(`every path agrees on ${file}, with either key encoding`, async function () {
        const data = readVectorJson<{
          testGroups: Array<{ publicKey: { uncompressed: string }; tests: Array<{ tcId: number; comment: string; msg: string; sig: string; result: string }> }>;
        }>(requireVector(this, `wycheproof/${file}`));
        const byLabel = !file.includes('bitcoin');
        const cases = data.testGroups.flatMap((group) => {
          const uncompressed = decodeHex(group.publicKey.uncompressed);
          const compressed = secp256k1.Point.fromBytes(uncompressed).toBytes(true);
          return group.tests.flatMap((test) =>
            [uncompressed, compressed].map((publicKey) => ({
              label: `tcId ${test.tcId} (${test.result}, ${test.comment}, ${publicKey.length}-byte key)`,
              publicKey,
              message: fromVectorHex(test.msg),
              signature: fromVectorHex(test.sig),
              expected: byLabel && test.result !== 'acceptable' ? test.result === 'valid' : undefined,
            })),
          );
        });
        expect(cases.length).to.equal(2 * count);
        expect(await mismatches('secp256k1', cases, pathsFor('secp256k1', verifySecp256k1OpenSsl, verifySecp256k1OpenSslAsync))).to.deep.equal([]);
      });
    }

    it('refuses the SEC1 "hybrid" key encoding (06/07) that OpenSSL alone would take', async () => {
      const secret = new Uint8Array(32).fill(9);
      const message = new TextEncoder().encode('hybrid');
      const signature = secp256k1.sign(message, secret, { prehash: true, format: 'der' });
      const key = secp256k1.getPublicKey(secret, false);
      expect(verifySecp256k1OpenSsl(key, message, signature)).to.equal(true);
      const hybrid = Uint8Array.from(key);
      hybrid[0] = 0x06 | ((key[64] as number) & 1);
      for (const verify of Object.values(pathsFor('secp256k1', verifySecp256k1OpenSsl, verifySecp256k1OpenSslAsync))) {
        expect(await verify(hybrid, message, signature)).to.equal(false);
      }
    });
  });

  describe('ML-DSA-65', () => {
    let engines: MlDsa65Engine[];
    before(async () => {
      const liboqs = await loadLiboqsMlDsa65();
      if (liboqs === undefined) console.warn('    (liboqs WASM engine not installed: only noble and the pool are checked)');
      engines = liboqs === undefined ? [nobleMlDsa65] : [liboqs, nobleMlDsa65];
    });

    const paths = (): Record<string, SyncVerify | AsyncVerify> => ({
      ...Object.fromEntries(engines.map((engine) => [`engine ${engine.name}`, engine.verify] as const)),
      ...pathsFor('ML-DSA-65'),
    });

    it('every engine and path agrees with Wycheproof mldsa_65_verify_test.json (non-empty contexts refused)', async function () {
      const data = readVectorJson<{
        testGroups: Array<{ publicKey: string; tests: Array<{ tcId: number; comment: string; msg: string; ctx?: string; sig: string; result: string }> }>;
      }>(requireVector(this, 'wycheproof/mldsa_65_verify_test.json'));
      const cases = data.testGroups.flatMap((group) =>
        group.tests.map((test) => ({
          label: `tcId ${test.tcId} (${test.result}, ${test.comment})`,
          publicKey: decodeHex(group.publicKey),
          message: fromVectorHex(test.msg),
          signature: fromVectorHex(test.sig),
          // We verify with the empty context only: a context-bound signature never verifies.
          expected: fromVectorHex(test.ctx).length > 0 ? false : test.result === 'valid',
        })),
      );
      expect(cases.length).to.equal(210);
      expect(await mismatches('ML-DSA-65', cases, paths())).to.deep.equal([]);
    });

    it('every engine and path agrees with ACVP ML-DSA-sigVer-FIPS204 (ML-DSA-65, external, pure)', async function () {
      const data = readVectorJson<{
        testGroups: Array<{
          parameterSet: string; signatureInterface: string; preHash: string;
          tests: Array<{ tcId: number; pk: string; message: string; context: string; signature: string; testPassed: boolean }>;
        }>;
      }>(requireVector(this, 'acvp/ML-DSA-sigVer-FIPS204/internalProjection.json.gz'));
      const group = data.testGroups.find((g) => g.parameterSet === 'ML-DSA-65' && g.signatureInterface === 'external' && g.preHash === 'pure');
      const cases = (group?.tests ?? []).map((test) => ({
        label: `tcId ${test.tcId} (${String(test.testPassed)})`,
        publicKey: decodeHex(test.pk),
        message: fromVectorHex(test.message),
        signature: decodeHex(test.signature),
        expected: fromVectorHex(test.context).length > 0 ? false : test.testPassed,
      }));
      expect(cases.length).to.equal(15);
      expect(await mismatches('ML-DSA-65', cases, paths())).to.deep.equal([]);
    });

    it('accepts fresh noble signatures and refuses a flipped bit, on every path', async () => {
      const cases: Case[] = [];
      for (let i = 0; i < 4; i++) {
        const { publicKey, secretKey } = ml_dsa65.keygen(new Uint8Array(32).fill(i + 1));
        const message = new TextEncoder().encode(`challenge ${i}`);
        const signature = ml_dsa65.sign(message, secretKey);
        const flipped = Uint8Array.from(signature);
        flipped[i * 500] = (flipped[i * 500] as number) ^ 0x10;
        cases.push({ label: `valid ${i}`, publicKey, message, signature, expected: true });
        cases.push({ label: `flipped ${i}`, publicKey, message, signature: flipped, expected: false });
      }
      expect(await mismatches('ML-DSA-65', cases, paths())).to.deep.equal([]);
    });
  });
});
