/**
 * @module wallet/mlDsa65Engines
 * The ML-DSA-65 verifiers the verify worker pool can run. `liboqs` is the
 * Open Quantum Safe WASM build (mldsa-native, FIPS 204 pure, empty context),
 * about 8x faster than pure JS; it is used only when the optional package
 * `@oqs/liboqs-js` resolves and passes a known-answer self-test. `noble` is
 * the reference `mlDsa65Scheme`. Both run the same Wycheproof and ACVP vectors
 * in test/unit/wallet/fastWalletVerifier.spec.ts.
 */
import { ml_dsa65 } from '@noble/post-quantum/ml-dsa.js';
import { mlDsa65Scheme } from './mlDsa65.js';

export type MlDsa65EngineName = 'liboqs' | 'noble';

export interface MlDsa65Engine {
  readonly name: MlDsa65EngineName;
  /** Same contract as `WalletScheme.verify`: false, never a throw, on anything invalid. */
  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean;
}

/** FIPS 204 Table 2 sizes: anything else is refused before reaching WASM. */
const PUBLIC_KEY_LENGTH = 1952;
const SIGNATURE_LENGTH = 3309;

/** The slice of `@oqs/liboqs-js/sig` used here (the package ships its own types). */
interface OqsSignature {
  verify(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean;
}
interface OqsSigModule {
  createMLDSA65(): Promise<OqsSignature>;
}

export const nobleMlDsa65: MlDsa65Engine = Object.freeze({
  name: 'noble',
  verify: (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean =>
    mlDsa65Scheme.verify(publicKey, message, signature),
});

/** liboqs checks `constructor.name === 'Uint8Array'`, so Buffers and other views are copied. */
function plain(bytes: Uint8Array): Uint8Array {
  return bytes.constructor === Uint8Array ? bytes : Uint8Array.from(bytes);
}

function wrapOqs(oqs: OqsSignature): MlDsa65Engine {
  return Object.freeze({
    name: 'liboqs',
    verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
      if (publicKey.length !== PUBLIC_KEY_LENGTH || signature.length !== SIGNATURE_LENGTH) return false;
      try {
        return oqs.verify(plain(message), plain(signature), plain(publicKey));
      } catch {
        return false;
      }
    },
  });
}

/**
 * A deterministic noble signature must verify, and the same with one bit
 * flipped (in the signature, then in the message) must not: an engine that
 * disagrees with the reference on these is never used.
 */
function passesSelfTest(engine: MlDsa65Engine): boolean {
  const { publicKey, secretKey } = ml_dsa65.keygen(new Uint8Array(32).fill(0x5a));
  const message = new TextEncoder().encode('pico-server-auth ML-DSA-65 self-test');
  const signature = ml_dsa65.sign(message, secretKey, { extraEntropy: false });
  const badSignature = Uint8Array.from(signature);
  badSignature[100] = (badSignature[100] as number) ^ 1;
  const badMessage = Uint8Array.from(message);
  badMessage[0] = (badMessage[0] as number) ^ 1;
  return (
    engine.verify(publicKey, message, signature) &&
    !engine.verify(publicKey, message, badSignature) &&
    !engine.verify(publicKey, badMessage, signature)
  );
}

/** The liboqs engine, or undefined when the package is absent or fails the self-test. */
export async function loadLiboqsMlDsa65(): Promise<MlDsa65Engine | undefined> {
  // A variable specifier: the package is optional, so neither tsc nor a
  // bundler may insist on it being installed.
  const specifier = '@oqs/liboqs-js/sig';
  try {
    const module = (await import(specifier)) as OqsSigModule;
    const engine = wrapOqs(await module.createMLDSA65());
    return passesSelfTest(engine) ? engine : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The fastest engine that passes its self-test. `PICO_MLDSA_ENGINE=noble`
 * forces the reference (for comparison, or to rule the WASM build out).
 */
export async function loadMlDsa65Engine(
  preferred: string | undefined = process.env['PICO_MLDSA_ENGINE'],
): Promise<MlDsa65Engine> {
  if (preferred === 'noble') return nobleMlDsa65;
  return (await loadLiboqsMlDsa65()) ?? nobleMlDsa65;
}
