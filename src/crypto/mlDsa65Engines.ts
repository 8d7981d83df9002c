/**
 * @module crypto/mlDsa65Engines
 * The ML-DSA-65 verifiers the crypto worker pool can run. `liboqs` is the
 * Open Quantum Safe WASM build (mldsa-native, FIPS 204 pure, empty context),
 * about 8x faster than pure JS; it is used only when the optional package
 * `@oqs/liboqs-js` resolves and passes a known-answer self-test. `noble` is
 * the reference (`mlDsa65Verify`). Both run the same Wycheproof and ACVP
 * vectors in the wallet scheme contract (test/wallet/).
 */
import { ML_DSA_65, mlDsa65KeyPair, mlDsa65Sign, mlDsa65Verify } from './mlDsa65.js';

export type MlDsa65EngineName = 'liboqs' | 'noble';

/** `server_auth.ml_dsa_engine`: `auto` takes liboqs when it passes its self-test, `noble` forces the reference. */
export type MlDsa65EngineChoice = 'auto' | 'noble';

export interface MlDsa65Engine {
  readonly name: MlDsa65EngineName;
  /** Same contract as `WalletScheme.verify`: false, never a throw, on anything invalid. */
  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean;
}

/** The slice of `@oqs/liboqs-js/sig` used here (the package ships its own types). */
interface OqsSignature {
  verify(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean;
}
interface OqsSigModule {
  createMLDSA65(): Promise<OqsSignature>;
}

export const nobleMlDsa65: MlDsa65Engine = Object.freeze({ name: 'noble', verify: mlDsa65Verify });

/** liboqs checks `constructor.name === 'Uint8Array'`, so Buffers and other views are copied. */
function plain(bytes: Uint8Array): Uint8Array {
  return bytes.constructor === Uint8Array ? bytes : Uint8Array.from(bytes);
}

function wrapOqs(oqs: OqsSignature): MlDsa65Engine {
  return Object.freeze({
    name: 'liboqs',
    verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
      // Anything but the FIPS 204 sizes is refused before reaching WASM.
      if (publicKey.length !== ML_DSA_65.publicKeyLength || signature.length !== ML_DSA_65.signatureLength) return false;
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
  const { publicKey, secretKey } = mlDsa65KeyPair(new Uint8Array(ML_DSA_65.seedLength).fill(0x5a));
  const message = new TextEncoder().encode('pico-server-auth ML-DSA-65 self-test');
  const signature = mlDsa65Sign(secretKey, message, true);
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
 * The fastest engine that passes its self-test; `noble` forces the reference
 * (for comparison, or to rule the WASM build out). Any other value is `auto`.
 */
export async function loadMlDsa65Engine(choice: MlDsa65EngineChoice | string = 'auto'): Promise<MlDsa65Engine> {
  if (choice === 'noble') return nobleMlDsa65;
  return (await loadLiboqsMlDsa65()) ?? nobleMlDsa65;
}
