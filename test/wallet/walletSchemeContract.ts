/**
 * @module test/wallet/walletSchemeContract
 * What every wallet scheme in the registry must do, run once per scheme
 * (walletSchemes.spec.ts): its known-answer vectors give the labelled result
 * on every verification path (the reference, the libuv thread-pool fast path,
 * each worker engine, the worker pool, and `SchemeWalletVerifier` under each
 * `wallet_verify_path`), fresh signatures round-trip and a flipped bit fails
 * on every path, malformed input is a plain `false`, `checkFormat` throws
 * only `InvalidRequest`, and the canonical address names its key.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import type { ServerAuthSettings } from '../../src/config/ServerAuthSettings.js';
import { InvalidRequest } from '../../src/errors/errors.js';
import { fastVerifiers } from '../../src/wallet/fastVerifiers.js';
import { SchemeWalletVerifier } from '../../src/wallet/WalletVerifier.js';
import { walletSchemes } from '../../src/wallet/walletSchemes.js';
import type { WalletScheme } from '../../src/wallet/WalletScheme.js';
import { requireVector } from '../support/vectors.js';

export interface VectorCase {
  readonly label: string;
  readonly publicKey: Uint8Array;
  readonly message: Uint8Array;
  readonly signature: Uint8Array;
  /** undefined: the label is not our policy (context, Bitcoin low-S): every path must agree with the reference. */
  readonly expected: boolean | undefined;
}

export interface VectorFile {
  /** Path under the shared vectors folder. */
  readonly file: string;
  /** How many cases it must yield (guards against a misread file). */
  readonly count: number;
  readonly cases: (path: string) => readonly VectorCase[];
}

export interface SchemeVectors {
  readonly files: readonly VectorFile[];
  /** A key pair from a 32-byte seed, and a signer in the form clients send. */
  readonly keyPair: (seed: Uint8Array) => { readonly publicKey: Uint8Array; sign(message: Uint8Array): Uint8Array };
  /** fast-check runs of the round-trip property (ML-DSA-65 signing is slow in JS). */
  readonly numRuns: number;
}

type AnyVerify = (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => boolean | Promise<boolean>;

const PATHS = ['threadPool', 'workers', 'reference'] as const;

function settings(path: (typeof PATHS)[number]): ServerAuthSettings {
  return { supported_wallet_algorithms: Object.keys(walletSchemes), wallet_verify_path: path, ml_dsa_engine: 'auto' } as unknown as ServerAuthSettings;
}

/** Every path that must agree with the reference, by name. */
async function pathsFor(scheme: WalletScheme): Promise<Record<string, AnyVerify>> {
  const paths: Record<string, AnyVerify> = { reference: (pk, msg, sig) => scheme.verify(pk, msg, sig) };
  if (scheme.fast.onThreadPool !== undefined) paths['libuv thread pool'] = scheme.fast.onThreadPool;
  for (const choice of ['auto', 'noble']) {
    const worker = await scheme.fast.loadWorkerVerifier({ engines: { [scheme.algorithm]: choice } });
    paths[`worker engine ${worker.engine}`] = worker.verify;
  }
  paths['worker pool'] = fastVerifiers('workers')[scheme.algorithm];
  for (const path of PATHS) {
    const verifier = new SchemeWalletVerifier(settings(path));
    paths[`SchemeWalletVerifier (${path})`] = (pk, msg, sig) => verifier.verify(scheme.algorithm, pk, msg, sig);
  }
  return paths;
}

async function safely(verify: AnyVerify, c: Omit<VectorCase, 'label' | 'expected'>): Promise<boolean | string> {
  try {
    return await verify(c.publicKey, c.message, c.signature);
  } catch (error) {
    return `threw ${String(error)}`;
  }
}

function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const copy = Uint8Array.from(bytes);
  const index = Math.floor(bit / 8) % copy.length;
  copy[index] = (copy[index] as number) ^ (1 << (bit % 8));
  return copy;
}

export function walletSchemeContract(scheme: WalletScheme, vectors: SchemeVectors): void {
  describe(`${scheme.algorithm} (wallet scheme contract)`, function () {
    this.timeout(180_000);
    let paths: Record<string, AnyVerify>;
    before(async () => {
      paths = await pathsFor(scheme);
    });

    it('is the registry entry for its own name, and its forms say what it needs', () => {
      expect(walletSchemes[scheme.algorithm]).to.equal(scheme);
      expect(scheme.forms.publicKeyLengths.length).to.be.greaterThan(0);
      if (scheme.forms.publicKey === 'optional') expect(scheme.recoverPublicKey).to.be.a('function');
      if (scheme.fast.placement === 'threadPool') expect(scheme.fast.onThreadPool).to.be.a('function');
    });

    for (const { file, count, cases } of vectors.files) {
      it(`gives the labelled result for every case of ${file} on every path, never throwing`, async function () {
        const all = cases(requireVector(this, file));
        expect(all.length).to.equal(count);
        const wants = all.map((c) => c.expected ?? scheme.verify(c.publicKey, c.message, c.signature));
        const mismatches: string[] = [];
        for (const [i, c] of all.entries()) {
          if (wants[i]) {
            expect(() => scheme.checkFormat(c.publicKey, c.signature), `${c.label}: checkFormat`).not.to.throw();
          } else {
            try {
              scheme.checkFormat(c.publicKey, c.signature);
            } catch (error) {
              if (!(error instanceof InvalidRequest)) mismatches.push(`${c.label}: checkFormat threw ${String(error)}`);
            }
          }
        }
        for (const [name, verify] of Object.entries(paths)) {
          const results = await Promise.all(all.map((c) => safely(verify, c)));
          all.forEach((c, i) => {
            if (results[i] !== wants[i]) mismatches.push(`${name}: ${c.label}: got ${String(results[i])}`);
          });
        }
        expect(mismatches).to.deep.equal([]);
      });
    }

    it('accepts fresh signatures and refuses a flipped bit in signature or message, on every path (property)', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.uint8Array({ minLength: 32, maxLength: 32 }),
          fc.uint8Array({ minLength: 1, maxLength: 200 }),
          fc.nat(),
          async (seed, message, bit) => {
            const { publicKey, sign } = vectors.keyPair(seed);
            const signature = sign(message);
            scheme.checkFormat(publicKey, signature);
            for (const [name, verify] of Object.entries(paths)) {
              expect(await verify(publicKey, message, signature), `${name}: valid`).to.equal(true);
              expect(await verify(publicKey, message, flipBit(signature, bit % (signature.length * 8))), `${name}: flipped signature`).to.equal(false);
              expect(await verify(publicKey, flipBit(message, bit % (message.length * 8)), signature), `${name}: flipped message`).to.equal(false);
            }
          },
        ),
        { numRuns: vectors.numRuns },
      );
    });

    it('answers false, never a throw, for empty, truncated and extended input on every path', async () => {
      const { publicKey, sign } = vectors.keyPair(new Uint8Array(32).fill(7));
      const message = new TextEncoder().encode('challenge');
      const signature = sign(message);
      const empty = new Uint8Array(0);
      const bad: Array<[string, Uint8Array, Uint8Array]> = [
        ['empty key and signature', empty, empty],
        ['empty signature', publicKey, empty],
        ['truncated signature', publicKey, signature.subarray(0, signature.length - 1)],
        ['extended signature', publicKey, Uint8Array.of(...signature, 0)],
        ['truncated key', publicKey.subarray(1), signature],
      ];
      for (const [name, verify] of Object.entries(paths)) {
        for (const [label, key, sig] of bad) {
          expect(await safely(verify, { publicKey: key, message, signature: sig }), `${name}: ${label}`).to.equal(false);
        }
      }
    });

    it('checkFormat refuses an empty key or signature with InvalidRequest', () => {
      const { publicKey, sign } = vectors.keyPair(new Uint8Array(32).fill(9));
      const signature = sign(new Uint8Array(1));
      expect(() => scheme.checkFormat(new Uint8Array(0), signature)).to.throw(InvalidRequest);
      expect(() => scheme.checkFormat(publicKey, new Uint8Array(0))).to.throw(InvalidRequest);
    });

    it('names the key by its canonical address, and by no other key', () => {
      const a = vectors.keyPair(new Uint8Array(32).fill(1)).publicKey;
      const b = vectors.keyPair(new Uint8Array(32).fill(2)).publicKey;
      const address = scheme.canonicalAddress(a);
      expect(scheme.addressMatches(address, a)).to.equal(true);
      expect(scheme.addressMatches(address.toUpperCase().replace(/^0X/, '0x'), a)).to.equal(true);
      expect(scheme.addressMatches(address, b)).to.equal(false);
      expect(scheme.addressMatches('', a)).to.equal(false);
    });
  });
}
